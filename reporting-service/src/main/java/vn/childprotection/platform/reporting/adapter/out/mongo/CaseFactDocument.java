package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.reporting.domain.CaseFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code case_facts}: one document per case, {@code _id} = case id. Codes are stored as strings so that a code the
 * service does not know (yet) is still counted; {@code receivedDate} is the ISO Vietnamese calendar date, which
 * compares correctly as a string.
 */
@Document(CaseFactDocument.COLLECTION)
public record CaseFactDocument(
        @Id String id,
        String reportId,
        Instant receivedAt,
        String receivedDate,
        String channel,
        String contactType,
        List<String> concerns,
        String severity,
        String provinceCode,
        String districtCode,
        String communeCode,
        String childSex,
        Integer childAgeYears,
        String status,
        int referralCount,
        Instant openedAt,
        String lastEventId,
        Instant lastEventAt,
        long revision) {

    public static final String COLLECTION = "case_facts";

    static CaseFactDocument of(CaseFact fact, long revision) {
        return new CaseFactDocument(fact.caseId(), fact.reportId(), fact.receivedAt(),
                Codes.date(fact.receivedDate()), Codes.name(fact.channel()), Codes.name(fact.contactType()),
                fact.concerns().stream().map(Enum::name).toList(), Codes.name(fact.severity()),
                fact.provinceCode(), fact.districtCode(), fact.communeCode(), Codes.name(fact.childSex()),
                fact.childAgeYears(), Codes.name(fact.status()), fact.referralCount(), fact.openedAt(),
                fact.lastEventId(), fact.lastEventAt(), revision);
    }

    CaseFact toFact() {
        return new CaseFact(id, reportId, receivedAt, receivedDate == null ? null : LocalDate.parse(receivedDate),
                Codes.parse(Channel.class, channel), Codes.parse(ContactType.class, contactType),
                concerns == null ? List.of() : concerns.stream()
                        .map(c -> Codes.parse(Concern.class, c)).filter(c -> c != null).toList(),
                Codes.parse(Severity.class, severity), provinceCode, districtCode, communeCode,
                Codes.parse(Sex.class, childSex), childAgeYears, Codes.parse(CaseStatus.class, status),
                referralCount, openedAt, lastEventId, lastEventAt);
    }
}
