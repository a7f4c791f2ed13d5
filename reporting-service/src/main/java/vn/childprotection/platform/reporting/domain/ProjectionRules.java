package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.ChildProfile;
import vn.childprotection.platform.contracts.Location;
import vn.childprotection.platform.contracts.ReferralIssued;

import java.time.Instant;
import java.util.Optional;

/**
 * How each case event changes the facts. The rules are pure: the same event applied to the same fact always gives
 * the same result, an event already reflected changes nothing (DUPLICATE), and an event older than the one a fact
 * reflects never overwrites it (STALE). Together with one fact per natural key this makes the projection safe to
 * redeliver and to replay from the start of the topic.
 */
public final class ProjectionRules {

    private ProjectionRules() {
    }

    /**
     * A contact was recorded: counselling (counted, not referred) or an intervention that was routed (domain
     * reference, "The flow a case takes", step 1). The opening event describes the whole case as it was opened.
     */
    public static Projection<CaseFact> caseOpened(Optional<CaseFact> current, CaseOpened event) {
        EventVersion version = new EventVersion(event.occurredAt(), event.eventId());
        if (current.isPresent()) {
            Optional<Projection<CaseFact>> unchanged = unchangedBy(current.get().version(), version);
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
        }
        Location location = event.location() == null ? new Location(null, null, null) : event.location();
        ChildProfile child = event.child() == null ? new ChildProfile(null, null) : event.child();
        Instant receivedAt = event.receivedAt() == null ? event.occurredAt() : event.receivedAt().toInstant();
        return Projection.applied(new CaseFact(
                event.caseId(),
                event.reportId() == null ? null : event.reportId().toString(),
                receivedAt,
                ReportingCalendar.dateOf(receivedAt),
                event.channel(),
                event.contactType(),
                event.concerns(),
                event.severity(),
                blankToNull(location.provinceCode()),
                blankToNull(location.districtCode()),
                blankToNull(location.communeCode()),
                child.sex(),
                child.ageYears(),
                event.status(),
                event.referralCount(),
                version.occurredAt(),
                version.eventId(),
                version.occurredAt()));
    }

    /**
     * A referral to one agency was issued (S0 Art 9.5). {@code caseContext} is the case as reporting knows it, if
     * it does; a referral seen before its case gets the context later ({@link #referralContext}).
     */
    public static Projection<ReferralFact> referralIssued(Optional<ReferralFact> current, ReferralIssued event,
                                                          Optional<CaseContext> caseContext) {
        EventVersion version = new EventVersion(event.occurredAt(), event.eventId());
        if (current.isPresent()) {
            ReferralFact fact = current.get();
            Optional<Projection<ReferralFact>> unchanged = unchangedBy(fact.version(), version);
            if (unchanged.isPresent()) {
                return caseContext.isPresent() && fact.caseContext() == null
                        ? Projection.applied(fact.withCaseContext(caseContext.get()))
                        : unchanged.get();
            }
        }
        return Projection.applied(new ReferralFact(
                event.referralId(),
                event.caseId(),
                event.agency(),
                event.role(),
                event.areaCode(),
                event.status(),
                event.concerns(),
                event.severity(),
                version.occurredAt(),
                event.ruleId(),
                event.rulesetVersion(),
                caseContext.orElse(current.map(ReferralFact::caseContext).orElse(null)),
                version.eventId(),
                version.occurredAt()));
    }

    /** The context every referral of a case carries once the case is known. */
    public static CaseContext referralContext(CaseFact caseFact) {
        return caseFact.context();
    }

    private static <F> Optional<Projection<F>> unchangedBy(EventVersion current, EventVersion incoming) {
        if (current.eventId().equals(incoming.eventId())) {
            return Optional.of(Projection.unchanged(Projection.Reason.DUPLICATE));
        }
        if (incoming.isOlderThan(current)) {
            return Optional.of(Projection.unchanged(Projection.Reason.STALE));
        }
        return Optional.empty();
    }

    private static String blankToNull(String code) {
        return code == null || code.isBlank() ? null : code;
    }
}
