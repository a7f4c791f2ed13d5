package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.ChildProfile;
import vn.childprotection.platform.contracts.EscalationRaised;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.PersonalDataErased;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReferralStatusChanged;

import java.time.Instant;
import java.util.Optional;

/**
 * How each case event changes the facts. Every rule is a merge that does not depend on the order events arrive in:
 * milestone times keep the earliest value, the status follows the newest event ({@link EventVersion}: occurredAt,
 * then event id), descriptive fields come from the event that carries them. Each fact remembers the ids of the
 * events it reflects, so the same event again is a {@link ProjectionOutcome#DUPLICATE}. Together with one fact per
 * natural key this makes the projection safe to redeliver, to replay from the start of the topic, and to fold in
 * memory during a rebuild with exactly the same result.
 */
public final class ProjectionRules {

    private ProjectionRules() {
    }

    /** The referral an event is about, if it is about one (else it is about the case). */
    public static Optional<String> referralIdOf(CaseEvent event) {
        return switch (event) {
            case ReferralIssued issued -> Optional.of(issued.referralId());
            case ReferralStatusChanged changed -> Optional.of(changed.referralId());
            case ReferralOverdue overdue -> Optional.of(overdue.referralId());
            case CaseOpened ignored -> Optional.empty();
            case EscalationRaised ignored -> Optional.empty();
            case CaseStatusChanged ignored -> Optional.empty();
            case PersonalDataErased ignored -> Optional.empty();
        };
    }

    /**
     * Whether the event can change a figure. {@code PersonalDataErased} cannot: the figures are built from codes,
     * times and statuses, never from the personal data it says was erased, so it is skipped before any fact is read
     * or made (erasing a case's personal data leaves every figure as it was).
     */
    public static boolean counts(CaseEvent event) {
        return !(event instanceof PersonalDataErased);
    }

    /**
     * Whether the event is the one that normally comes first for its fact (a case's {@code CaseOpened}, a referral's
     * {@code ReferralIssued}), so that the fact usually does not exist yet. Only a hint: the projection then tries to
     * insert before it reads, and reads when the fact was there after all.
     */
    public static boolean usuallyCreatesItsFact(CaseEvent event) {
        return event instanceof CaseOpened || event instanceof ReferralIssued;
    }

    /**
     * Applies a case-level event (CaseOpened, CaseStatusChanged, EscalationRaised) to the case's fact.
     *
     * @param areas places an opened case on the map of its day (the same maps every time: replay gives the same fact)
     */
    public static ProjectionOutcome applyToCase(CaseFact fact, CaseEvent event, Areas areas) {
        if (fact.hasApplied(event.eventId())) {
            return ProjectionOutcome.DUPLICATE;
        }
        EventVersion version = new EventVersion(event.occurredAt(), event.eventId());
        ProjectionOutcome outcome = switch (event) {
            case CaseOpened opened -> caseOpened(fact, opened, version, areas);
            case CaseStatusChanged changed -> caseStatusChanged(fact, changed, version);
            case EscalationRaised escalation -> escalationRaised(fact, escalation, version);
            default -> ProjectionOutcome.IGNORED;
        };
        if (outcome != ProjectionOutcome.IGNORED) {
            fact.markApplied(version);
        }
        return outcome;
    }

    /** Applies a referral-level event (ReferralIssued, ReferralStatusChanged, ReferralOverdue) to its fact. */
    public static ProjectionOutcome applyToReferral(ReferralFact fact, CaseEvent event) {
        if (fact.hasApplied(event.eventId())) {
            return ProjectionOutcome.DUPLICATE;
        }
        EventVersion version = new EventVersion(event.occurredAt(), event.eventId());
        ProjectionOutcome outcome = switch (event) {
            case ReferralIssued issued -> referralIssued(fact, issued, version);
            case ReferralStatusChanged changed -> referralStatusChanged(fact, changed, version);
            case ReferralOverdue overdue -> referralOverdue(fact, overdue, version);
            default -> ProjectionOutcome.IGNORED;
        };
        if (outcome != ProjectionOutcome.IGNORED) {
            fact.markApplied(version);
        }
        return outcome;
    }

    /**
     * A contact was recorded: counselling (counted, not referred) or an intervention that was routed (domain
     * reference, "The flow a case takes", step 1). The opening event describes the whole case as it was opened; its
     * location is in the codes of the map in force on the day it was received.
     */
    private static ProjectionOutcome caseOpened(CaseFact fact, CaseOpened event, EventVersion version, Areas areas) {
        Location location = event.location() == null ? new Location(null, null, null) : event.location();
        ChildProfile child = event.child() == null ? new ChildProfile(null, null) : event.child();
        Instant receivedAt = event.receivedAt() == null ? event.occurredAt() : event.receivedAt().toInstant();
        fact.describe(event.reportId() == null ? null : event.reportId().toString(), receivedAt, event.channel(),
                event.contactType(), event.concerns(), event.severity(), blankToNull(location.provinceCode()),
                blankToNull(location.districtCode()), blankToNull(location.communeCode()), child.sex(),
                child.ageYears(), blankToNull(event.childKey()), event.informantExpectsFeedback(),
                event.referralCount(), version.occurredAt());
        fact.place(areas);
        return mergeStatus(fact, event.status(), version);
    }

    /** The case's derived status changed; COMPLETED lists the outcomes (S0 Art 7.2). */
    private static ProjectionOutcome caseStatusChanged(CaseFact fact, CaseStatusChanged event,
                                                       EventVersion version) {
        Instant completed = event.to() == CaseStatus.COMPLETED
                ? ReferralFact.earliest(fact.completedAt(), version.occurredAt()) : fact.completedAt();
        Instant closed = event.to() == CaseStatus.CLOSED
                ? ReferralFact.earliest(fact.closedAt(), version.occurredAt()) : fact.closedAt();
        fact.milestones(completed, closed, fact.escalatedAt());
        fact.outcomes().addAll(event.outcomes());
        return mergeStatus(fact, event.to(), version);
    }

    /** A HIGH or EMERGENCY case was escalated with its legal deadlines (S0 Art 5.4; Decree 56/2017 Art 26.3, 28.1). */
    private static ProjectionOutcome escalationRaised(CaseFact fact, EscalationRaised event, EventVersion version) {
        fact.milestones(fact.completedAt(), fact.closedAt(),
                ReferralFact.earliest(fact.escalatedAt(), version.occurredAt()));
        event.deadlines().forEach(deadline -> fact.deadlines().merge(deadline.kind(), deadline.dueAt(),
                ReferralFact::earliest));
        return ProjectionOutcome.APPLIED;
    }

    /** A referral to one agency was issued (S0 Art 9.5), possibly forwarded from another one (S0 Art 7.2). */
    private static ProjectionOutcome referralIssued(ReferralFact fact, ReferralIssued event, EventVersion version) {
        fact.describe(event.agency(), event.role(), event.areaCode(), event.unitId(), event.concerns(),
                event.severity(), version.occurredAt(), event.ruleId(), event.rulesetVersion(),
                event.forwardedFrom(), event.dueAt());
        return mergeStatus(fact, event.status() == null ? ReferralStatus.ISSUED : event.status(), version);
    }

    /**
     * The agency answered (S0 Art 7.2). Any answer acknowledges the referral; ACCEPTED or further means it accepted
     * (and met the emergency-measures deadline, Decree 56/2017 Art 26.3); IN_PROGRESS or COMPLETED means support
     * started (the support-plan deadline, Art 28.1) — the same rules as referral-service's deadlines. Times are the
     * platform's ({@code occurredAt}), not the agency's own claim.
     */
    private static ProjectionOutcome referralStatusChanged(ReferralFact fact, ReferralStatusChanged event,
                                                           EventVersion version) {
        fact.setIdentity(event.agency(), event.role(), event.unitId());
        ReferralStatus to = event.to();
        Instant at = version.occurredAt();
        boolean accepted = to == ReferralStatus.ACCEPTED || to == ReferralStatus.IN_PROGRESS
                || to == ReferralStatus.COMPLETED;
        boolean started = to == ReferralStatus.IN_PROGRESS || to == ReferralStatus.COMPLETED;
        fact.mergeMilestones(at, accepted ? at : null, started ? at : null,
                to == ReferralStatus.COMPLETED ? at : null,
                to == ReferralStatus.DECLINED ? at : null,
                to == ReferralStatus.FORWARDED ? at : null);
        fact.mergeReasons(to == ReferralStatus.DECLINED ? event.reasonCode() : null,
                to == ReferralStatus.FORWARDED ? event.reasonCode() : null,
                to == ReferralStatus.FORWARDED ? event.forwardTo() : null,
                to == ReferralStatus.COMPLETED ? event.outcome() : null);
        return mergeStatus(fact, to, version);
    }

    /** The watchdog reported a deadline passed: the furthest stage and the earliest due time are kept. */
    private static ProjectionOutcome referralOverdue(ReferralFact fact, ReferralOverdue event, EventVersion version) {
        fact.setIdentity(event.agency(), event.role(), event.unitId());
        fact.setAreaAndSeverity(event.areaCode(), event.severity());
        fact.overdue().merge(event.deadline(), new ReferralFact.OverdueMark(event.dueAt(), event.stage()),
                (a, b) -> new ReferralFact.OverdueMark(ReferralFact.earliest(a.dueAt(), b.dueAt()),
                        a.stage().ordinal() >= b.stage().ordinal() ? a.stage() : b.stage()));
        return ProjectionOutcome.APPLIED;
    }

    private static ProjectionOutcome mergeStatus(CaseFact fact, CaseStatus status, EventVersion version) {
        if (status == null) {
            return ProjectionOutcome.APPLIED;
        }
        if (fact.statusVersion() != null && version.isOlderThan(fact.statusVersion())) {
            return ProjectionOutcome.STALE;
        }
        fact.status(status, version);
        return ProjectionOutcome.APPLIED;
    }

    private static ProjectionOutcome mergeStatus(ReferralFact fact, ReferralStatus status, EventVersion version) {
        if (fact.statusVersion() != null && version.isOlderThan(fact.statusVersion())) {
            return ProjectionOutcome.STALE;
        }
        fact.status(status, version);
        return ProjectionOutcome.APPLIED;
    }

    private static String blankToNull(String code) {
        return code == null || code.isBlank() ? null : code;
    }
}
