package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything reporting knows about one referral of a case to one agency (S0 Art 9.5), one document per referral
 * (natural key: the referral id). Later issues grow it with acknowledgement, acceptance and outcome times
 * (time to accept, time to outcome, decline and forward reasons: S0 Art 7.2).
 *
 * @param caseContext the case's province and reception date, or {@code null} until the case is known
 */
public record ReferralFact(
        String referralId,
        String caseId,
        String agency,
        ReferralRole role,
        String areaCode,
        ReferralStatus status,
        List<Concern> concerns,
        Severity severity,
        Instant issuedAt,
        String ruleId,
        String rulesetVersion,
        CaseContext caseContext,
        String lastEventId,
        Instant lastEventAt) {

    public ReferralFact {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    public EventVersion version() {
        return new EventVersion(lastEventAt, lastEventId);
    }

    public ReferralFact withCaseContext(CaseContext context) {
        return new ReferralFact(referralId, caseId, agency, role, areaCode, status, concerns, severity, issuedAt,
                ruleId, rulesetVersion, context, lastEventId, lastEventAt);
    }
}
