package vn.childprotection.platform.reporting.adapter.out.mongo;

import org.bson.Document;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ContactType;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.NotificationKind;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralOverdue;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.contracts.Sex;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.CaseContext;
import vn.childprotection.platform.reporting.domain.CaseFact;
import vn.childprotection.platform.reporting.domain.EventVersion;
import vn.childprotection.platform.reporting.domain.NotificationFact;
import vn.childprotection.platform.reporting.domain.ReferralFact;

import java.time.LocalDate;
import java.util.ArrayList;

import static vn.childprotection.platform.reporting.adapter.out.mongo.Codes.date;
import static vn.childprotection.platform.reporting.adapter.out.mongo.Codes.instant;
import static vn.childprotection.platform.reporting.adapter.out.mongo.Codes.name;
import static vn.childprotection.platform.reporting.adapter.out.mongo.Codes.parse;

/**
 * Facts as BSON documents, written by hand (no mapping reflection: a rebuild writes tens of thousands per second).
 * Codes are stored as strings so that a code this version does not know is still stored; {@code receivedDate} is the
 * ISO Vietnamese calendar date, which compares correctly as a string; referral facts carry their case's
 * {@code provinceCode}, {@code districtCode}, {@code receivedDate} so they are filtered like cases. A case fact
 * records {@code areaMap} (the map of its day) and {@code latestProvinceCode} (its province on the latest map) for
 * people and ad-hoc queries; reading derives both again from the reception date and the codes, so documents written
 * before they were recorded read the same, and a later map moves them without a rebuild.
 */
final class FactCodec {

    private FactCodec() {
    }

    static Document encode(CaseFact f, long revision) {
        Document deadlines = new Document();
        f.deadlines().forEach((kind, due) -> deadlines.append(kind.name(), date(due)));
        return new Document("_id", f.caseId())
                .append("reportId", f.reportId())
                .append("receivedAt", date(f.receivedAt()))
                .append("receivedDate", f.receivedDate() == null ? null : f.receivedDate().toString())
                .append("channel", name(f.channel()))
                .append("contactType", name(f.contactType()))
                .append("concerns", Codes.names(f.concerns()))
                .append("severity", name(f.severity()))
                .append("provinceCode", f.provinceCode())
                .append("districtCode", f.districtCode())
                .append("communeCode", f.communeCode())
                .append("areaMap", f.areaMap())
                .append("latestProvinceCode", f.area() == null ? null : f.area().latestProvince())
                .append("childSex", name(f.childSex()))
                .append("childAgeYears", f.childAgeYears())
                .append("childKey", f.childKey())
                .append("informantExpectsFeedback", f.informantExpectsFeedback())
                .append("status", name(f.status()))
                .append("statusAt", f.statusVersion() == null ? null : date(f.statusVersion().occurredAt()))
                .append("statusEventId", f.statusVersion() == null ? null : f.statusVersion().eventId())
                .append("referralCount", f.referralCount())
                .append("openedAt", date(f.openedAt()))
                .append("completedAt", date(f.completedAt()))
                .append("closedAt", date(f.closedAt()))
                .append("escalatedAt", date(f.escalatedAt()))
                .append("outcomes", Codes.names(f.outcomes()))
                .append("deadlines", deadlines)
                .append("appliedEventIds", new ArrayList<>(f.appliedEventIds()))
                .append("lastEventAt", f.lastEvent() == null ? null : date(f.lastEvent().occurredAt()))
                .append("lastEventId", f.lastEvent() == null ? null : f.lastEvent().eventId())
                .append("revision", revision);
    }

    static CaseFact decodeCase(Document d, Areas areas) {
        CaseFact f = new CaseFact(d.getString("_id"));
        f.describe(d.getString("reportId"), instant(d.get("receivedAt")), parse(Channel.class, d.get("channel")),
                parse(ContactType.class, d.get("contactType")), Codes.parseAll(Concern.class, d.get("concerns")),
                parse(Severity.class, d.get("severity")), d.getString("provinceCode"), d.getString("districtCode"),
                d.getString("communeCode"), parse(Sex.class, d.get("childSex")), d.getInteger("childAgeYears"),
                d.getString("childKey"), Boolean.TRUE.equals(d.getBoolean("informantExpectsFeedback")),
                d.getInteger("referralCount", 0), instant(d.get("openedAt")));
        f.place(areas);
        f.status(parse(CaseStatus.class, d.get("status")), version(d.get("statusAt"), d.getString("statusEventId")));
        f.milestones(instant(d.get("completedAt")), instant(d.get("closedAt")), instant(d.get("escalatedAt")));
        f.outcomes().addAll(Codes.parseAll(ReferralOutcome.class, d.get("outcomes")));
        Document deadlines = d.get("deadlines", Document.class);
        if (deadlines != null) {
            deadlines.forEach((kind, due) -> {
                DeadlineKind k = parse(DeadlineKind.class, kind);
                if (k != null && instant(due) != null) f.deadlines().put(k, instant(due));
            });
        }
        f.appliedEventIds().addAll(Codes.strings(d.get("appliedEventIds")));
        f.lastEvent(version(d.get("lastEventAt"), d.getString("lastEventId")));
        return f;
    }

    static Document encode(ReferralFact f, long revision) {
        Document overdue = new Document();
        f.overdue().forEach((kind, mark) -> overdue.append(kind.name(),
                new Document("dueAt", date(mark.dueAt())).append("stage", name(mark.stage()))));
        CaseContext c = f.caseContext();
        return new Document("_id", f.referralId())
                .append("caseId", f.caseId())
                .append("agency", f.agency())
                .append("role", name(f.role()))
                .append("areaCode", f.areaCode())
                .append("unitId", f.unitId())
                .append("concerns", Codes.names(f.concerns()))
                .append("severity", name(f.severity()))
                .append("issuedAt", date(f.issuedAt()))
                .append("ruleId", f.ruleId())
                .append("rulesetVersion", f.rulesetVersion())
                .append("forwardedFrom", f.forwardedFrom())
                .append("acknowledgementDueAt", date(f.acknowledgementDueAt()))
                .append("status", name(f.status()))
                .append("statusAt", f.statusVersion() == null ? null : date(f.statusVersion().occurredAt()))
                .append("statusEventId", f.statusVersion() == null ? null : f.statusVersion().eventId())
                .append("acknowledgedAt", date(f.acknowledgedAt()))
                .append("acceptedAt", date(f.acceptedAt()))
                .append("supportStartedAt", date(f.supportStartedAt()))
                .append("completedAt", date(f.completedAt()))
                .append("declinedAt", date(f.declinedAt()))
                .append("forwardedAt", date(f.forwardedAt()))
                .append("declineReason", name(f.declineReason()))
                .append("forwardReason", name(f.forwardReason()))
                .append("forwardTo", f.forwardTo())
                .append("outcome", name(f.outcome()))
                .append("overdue", overdue)
                .append("provinceCode", c == null ? null : c.provinceCode())
                .append("districtCode", c == null ? null : c.districtCode())
                .append("receivedAt", c == null ? null : date(c.receivedAt()))
                .append("receivedDate", c == null || c.receivedDate() == null ? null : c.receivedDate().toString())
                .append("contactType", c == null ? null : name(c.contactType()))
                .append("appliedEventIds", new ArrayList<>(f.appliedEventIds()))
                .append("lastEventAt", f.lastEvent() == null ? null : date(f.lastEvent().occurredAt()))
                .append("lastEventId", f.lastEvent() == null ? null : f.lastEvent().eventId())
                .append("revision", revision);
    }

    static ReferralFact decodeReferral(Document d) {
        ReferralFact f = new ReferralFact(d.getString("_id"), d.getString("caseId"));
        f.describe(d.getString("agency"), parse(ReferralRole.class, d.get("role")), d.getString("areaCode"),
                d.getString("unitId"), Codes.parseAll(Concern.class, d.get("concerns")),
                parse(Severity.class, d.get("severity")), instant(d.get("issuedAt")), d.getString("ruleId"),
                d.getString("rulesetVersion"), d.getString("forwardedFrom"),
                instant(d.get("acknowledgementDueAt")));
        f.status(parse(ReferralStatus.class, d.get("status")),
                version(d.get("statusAt"), d.getString("statusEventId")));
        f.milestones(instant(d.get("acknowledgedAt")), instant(d.get("acceptedAt")),
                instant(d.get("supportStartedAt")), instant(d.get("completedAt")), instant(d.get("declinedAt")),
                instant(d.get("forwardedAt")));
        f.reasons(parse(ReasonCode.class, d.get("declineReason")), parse(ReasonCode.class, d.get("forwardReason")),
                d.getString("forwardTo"), parse(ReferralOutcome.class, d.get("outcome")));
        Document overdue = d.get("overdue", Document.class);
        if (overdue != null) {
            overdue.forEach((kind, mark) -> {
                DeadlineKind k = parse(DeadlineKind.class, kind);
                if (k != null && mark instanceof Document m && instant(m.get("dueAt")) != null) {
                    ReferralOverdue.Stage stage = parse(ReferralOverdue.Stage.class, m.get("stage"));
                    f.overdue().put(k, new ReferralFact.OverdueMark(instant(m.get("dueAt")),
                            stage == null ? ReferralOverdue.Stage.REMINDER : stage));
                }
            });
        }
        if (d.get("receivedDate") != null || d.get("provinceCode") != null) {
            String receivedDate = d.getString("receivedDate");
            f.caseContext(new CaseContext(d.getString("provinceCode"), d.getString("districtCode"),
                    instant(d.get("receivedAt")), receivedDate == null ? null : LocalDate.parse(receivedDate),
                    parse(ContactType.class, d.get("contactType"))));
        }
        f.appliedEventIds().addAll(Codes.strings(d.get("appliedEventIds")));
        f.lastEvent(version(d.get("lastEventAt"), d.getString("lastEventId")));
        return f;
    }

    static Document encode(NotificationFact n) {
        return new Document("_id", n.eventId())
                .append("caseId", n.caseId())
                .append("notificationId", n.notificationId())
                .append("kind", name(n.kind()))
                .append("delivered", n.delivered())
                .append("channel", n.channel())
                .append("recipientRole", n.recipientRole())
                .append("agency", n.agency())
                .append("referralId", n.referralId())
                .append("attempts", n.attempts())
                .append("occurredAt", date(n.occurredAt()));
    }

    static NotificationFact decodeNotification(Document d) {
        return new NotificationFact(d.getString("_id"), d.getString("caseId"), d.getString("notificationId"),
                parse(NotificationKind.class, d.get("kind")), Boolean.TRUE.equals(d.getBoolean("delivered")),
                d.getString("channel"), d.getString("recipientRole"), d.getString("agency"),
                d.getString("referralId"), d.getInteger("attempts", 0), instant(d.get("occurredAt")));
    }

    private static EventVersion version(Object at, String eventId) {
        return at == null || eventId == null ? null : new EventVersion(instant(at), eventId);
    }
}
