package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything reporting knows about one case, one document per case (natural key: the case id). Figures are counted
 * from these facts, never incremented per event, so a redelivered or replayed event cannot count twice.
 * Holds no personal data: the child only as sex and age (S0 Art 9.4 reports are aggregates).
 *
 * @param receivedDate  the Vietnamese calendar date of {@code receivedAt} ({@link ReportingCalendar})
 * @param lastEventId   the newest event reflected in this fact, with {@code lastEventAt} its {@link EventVersion}
 */
public record CaseFact(
        String caseId,
        String reportId,
        Instant receivedAt,
        LocalDate receivedDate,
        Channel channel,
        ContactType contactType,
        List<Concern> concerns,
        Severity severity,
        String provinceCode,
        String districtCode,
        String communeCode,
        Sex childSex,
        Integer childAgeYears,
        CaseStatus status,
        int referralCount,
        Instant openedAt,
        String lastEventId,
        Instant lastEventAt) {

    public CaseFact {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    public EventVersion version() {
        return new EventVersion(lastEventAt, lastEventId);
    }

    /** The case details that referral facts carry so that they can be filtered like cases. */
    public CaseContext context() {
        return new CaseContext(provinceCode, receivedAt, receivedDate, contactType);
    }
}
