package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code referral_facts}: one document per referral, {@code _id} = referral id. The case's province and reception
 * date are copied in ({@code provinceCode}, {@code receivedAt}, {@code receivedDate}, {@code contactType}) so that
 * referrals are filtered exactly like cases.
 */
@Document(ReferralFactDocument.COLLECTION)
public record ReferralFactDocument(
        @Id String id,
        String caseId,
        String agency,
        String role,
        String areaCode,
        String status,
        List<String> concerns,
        String severity,
        Instant issuedAt,
        String ruleId,
        String rulesetVersion,
        String provinceCode,
        Instant receivedAt,
        String receivedDate,
        String contactType,
        String lastEventId,
        Instant lastEventAt,
        long revision) {

    public static final String COLLECTION = "referral_facts";

    static ReferralFactDocument of(ReferralFact fact, long revision) {
        CaseContext context = fact.caseContext();
        return new ReferralFactDocument(fact.referralId(), fact.caseId(), fact.agency(), Codes.name(fact.role()),
                fact.areaCode(), Codes.name(fact.status()), fact.concerns().stream().map(Enum::name).toList(),
                Codes.name(fact.severity()), fact.issuedAt(), fact.ruleId(), fact.rulesetVersion(),
                context == null ? null : context.provinceCode(),
                context == null ? null : context.receivedAt(),
                context == null ? null : Codes.date(context.receivedDate()),
                context == null ? null : Codes.name(context.contactType()),
                fact.lastEventId(), fact.lastEventAt(), revision);
    }

    ReferralFact toFact() {
        CaseContext context = provinceCode == null && receivedAt == null && receivedDate == null
                ? null
                : new CaseContext(provinceCode, receivedAt,
                receivedDate == null ? null : LocalDate.parse(receivedDate),
                Codes.parse(ContactType.class, contactType));
        return new ReferralFact(id, caseId, agency, Codes.parse(ReferralRole.class, role), areaCode,
                Codes.parse(ReferralStatus.class, status),
                concerns == null ? List.of() : concerns.stream()
                        .map(c -> Codes.parse(Concern.class, c)).filter(c -> c != null).toList(),
                Codes.parse(Severity.class, severity), issuedAt, ruleId, rulesetVersion, context,
                lastEventId, lastEventAt);
    }
}
