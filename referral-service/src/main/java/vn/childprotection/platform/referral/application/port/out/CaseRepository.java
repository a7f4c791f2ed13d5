package vn.childprotection.platform.referral.application.port.out;

import vn.childprotection.platform.access.QueryScope;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.referral.domain.Case;
import vn.childprotection.platform.referral.domain.ListPage;
import vn.childprotection.platform.referral.domain.Referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case store. Every write is to one document (the case with its outbox): atomic without multi-document
 * transactions.
 */
public interface CaseRepository {

    /** Inserts the case with its outbox in one write; false when a case with that id exists (already handled). */
    boolean insertIfAbsent(Case newCase);

    /**
     * Inserts the case with its outbox already claimed by {@code owner} until {@code leaseUntil}, in one write: what
     * {@link #insertIfAbsent(Case)} and a {@link #claimOutbox} do in two (the report's hot path). False when a
     * case with that id exists (nothing written, nothing claimed).
     */
    boolean insertClaimedIfAbsent(Case newCase, String owner, Instant leaseUntil);

    Optional<Case> findById(String caseId);

    /** The case if the scope reaches it: narrowed in the store query itself. */
    Optional<Case> findById(String caseId, QueryScope scope);

    /**
     * Cases in the scope, narrowed further by the filter, newest first: all in the store query.
     */
    ListPage<Case> findCases(QueryScope scope, CaseFilter filter, int page, int size);

    /**
     * Referrals in the scope, newest first: cases in the scope, their referrals narrowed again to the scope's units
     * (an agency's never shows another agency's referral of the same case), all in the store query.
     */
    ListPage<ScopedReferral> findReferrals(QueryScope scope, ReferralStatus status, int page, int size);

    /** A referral with the case it belongs to. */
    record ScopedReferral(Case owner, Referral referral) {
    }

    /** The case holding the referral. */
    Optional<Case> findByReferralId(String referralId);

    /**
     * Writes what changed from {@code before} to {@code after} (status, referrals with their deadlines and history,
     * triage, applied responseIds, the messages appended to the outbox, when the watchdog is next due) in ONE update,
     * only if the stored version is still {@code before.version()}; the version is then incremented. Appended
     * messages are pushed (never rewriting the ones the relay may be marking) and {@code outboxPending} set.
     *
     * @return false on a concurrent change (nothing written): reload and decide again
     */
    boolean update(Case before, Case after);

    /** Ids of cases whose watchdog is due ({@code nextWatchAt <= now}), earliest first. */
    List<String> findDueForWatch(Instant now, int limit);

    /**
     * Claims the case's outbox for {@code owner} until {@code leaseUntil} (one atomic find-and-modify): only a case
     * with pending messages and no live lease of another owner can be claimed. The claim reports what it replaced: an
     * expired lease still in place (its relay died or lost the claim mid-publish) or the uncertainty flag left by
     * {@link #completeOutbox} means some pending messages may already be on their topics.
     */
    Optional<ClaimedOutbox> claimOutbox(String caseId, String owner, Instant now, Instant leaseUntil);

    /**
     * Marks the outbox messages at {@code positions} published and releases the claim, in one update guarded by the
     * claim. A message at a position of {@code keptPayloads} keeps that payload from then on: its copy without
     * personal data ({@code OutboxMessage.withoutPersonalData}). When {@code allPublished} (every message pending at the claim is now out) the uncertainty flag is cleared
     * and {@code outboxPending} becomes false if the case is still at {@code claimedVersion} (a change since the claim
     * may have appended messages: they stay pending for the sweep). Otherwise the case is flagged uncertain: the next
     * claim reports {@code previousAttemptUnfinished}. False when {@code owner} no longer held the claim (nothing
     * written).
     */
    boolean completeOutbox(String caseId, String owner, Set<Integer> positions, Map<Integer, String> keptPayloads,
                           Instant publishedAt, boolean allPublished, long claimedVersion);

    /**
     * Writes a case whose personal data was erased ({@code after}, from {@code Case.erasePersonalData}) in ONE update,
     * only if the stored version is still {@code before.version()} and the case is in {@code scope} (the store query
     * itself is narrowed to the caller's provinces): the child, the informant, the narrative, the referrals (their
     * responses without the agencies' wording), every outbox copy without personal data, the erasure, and the
     * {@code PersonalDataErased} message appended; the version is then incremented and {@code outboxPending} set.
     * The relay's markings are not overwritten.
     *
     * @return false on a concurrent change or outside the scope (nothing written)
     */
    boolean erase(Case before, Case after, QueryScope scope);

    /**
     * Ids of cases whose personal data is held and that were closed at or before {@code cutoff}, oldest closing
     * first; with them, cases stored before the closing time was kept that are closed by status and were opened at
     * or before {@code cutoff} (their closing time is decided on the case itself, then stored).
     */
    List<String> findRetentionDue(Instant cutoff, int limit);

    /**
     * A claimed case.
     *
     * @param held                      the case as claimed (its outbox with the pending messages)
     * @param previousAttemptUnfinished an earlier relay attempt did not finish cleanly (its lease expired in place,
     *                                  or it ended with messages failed or unsent): some pending messages may already
     *                                  be on their topics
     */
    record ClaimedOutbox(Case held, boolean previousAttemptUnfinished) {
    }

    /** Ids of cases with pending messages and no live lease, oldest first. */
    List<String> findPendingOutbox(Instant now, int limit);

    /** How many cases have unpublished messages. */
    long countPendingOutbox();
}
