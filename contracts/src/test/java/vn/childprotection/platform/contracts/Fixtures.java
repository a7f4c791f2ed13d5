package vn.childprotection.platform.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Sample messages of every type, as the services build them. */
final class Fixtures {

    static final UUID REPORT_ID = UUID.fromString("6f1c2a7e-3b7d-4d35-9a49-1c1c2f0e8b11");
    static final String CASE_ID = Ids.caseIdFor(REPORT_ID);
    static final Instant OCCURRED_AT = Instant.parse("2026-11-20T02:15:03Z");
    static final OffsetDateTime RECEIVED_AT = OffsetDateTime.parse("2026-11-20T09:15:00+07:00");
    static final Location LOCATION = new Location("11", "094", null);
    static final Child CHILD = new Child("Nguyễn Thị Hoa", Sex.FEMALE, 12);

    private Fixtures() {
    }

    static ReportSubmitted reportSubmitted() {
        return new ReportSubmitted(Ids.nameBased(ReportSubmitted.TYPE, REPORT_ID.toString()), OCCURRED_AT, CASE_ID,
                REPORT_ID, RECEIVED_AT, Channel.HOTLINE_111, ContactType.INTERVENTION,
                List.of(Concern.SEXUAL_ABUSE, Concern.VIOLENCE), Severity.HIGH, LOCATION, CHILD,
                new Reporter("Trần Văn Bình", "0912 345 678", ReporterRelationship.NEIGHBOUR, false, true),
                "Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm.");
    }

    /** A report of today's map that named a district: intake mapped it and says so. */
    static ReportSubmitted reportSubmittedMapped() {
        ReportSubmitted report = reportSubmitted();
        return new ReportSubmitted(report.eventId(), report.occurredAt(), report.caseId(), report.reportId(),
                report.receivedAt(), report.channel(), report.contactType(), report.concerns(), report.severity(),
                new Location("11", null, "03127"), report.child(), report.reporter(), report.narrative(), "operator-111",
                new AreaPlacement("VN-2025", AreaPlacement.Outcome.MAPPED, new Location("11", "094", "03127"),
                        List.of("districtCode 094 belongs to map VN-2024 (districts ended 2025-06-30): the codes were "
                                + "read on that map")));
    }

    static CaseOpened caseOpened() {
        return new CaseOpened(Ids.nameBased(CaseOpened.TYPE, CASE_ID), OCCURRED_AT, CASE_ID, REPORT_ID, RECEIVED_AT,
                Channel.HOTLINE_111, ContactType.INTERVENTION, List.of(Concern.SEXUAL_ABUSE), Severity.HIGH,
                LOCATION, CHILD.profile(), true, CaseStatus.REFERRED, 2);
    }

    static ReferralIssued referralIssued() {
        String referralId = Ids.nameBased("referral", CASE_ID, Agencies.POLICE);
        return new ReferralIssued(Ids.nameBased(ReferralIssued.TYPE, referralId), OCCURRED_AT, CASE_ID, referralId,
                Agencies.POLICE, ReferralRole.PRIMARY, "094", ReferralStatus.ISSUED, List.of(Concern.SEXUAL_ABUSE),
                Severity.HIGH, "VN.SEXUAL_ABUSE", "VN-national-2025.1", "QĐ 349/QĐ-UBND Điện Biên 2013, Art 9.5b",
                Instant.parse("2026-11-20T06:15:00Z"), "11-094-POLICE");
    }

    static AgencyReferral agencyReferral() {
        ReferralIssued issued = referralIssued();
        return new AgencyReferral(Ids.nameBased(AgencyReferral.TYPE, issued.referralId()), OCCURRED_AT, CASE_ID,
                issued.referralId(), issued.agency(), issued.role(), issued.areaCode(), RECEIVED_AT,
                issued.concerns(), issued.severity(), LOCATION, CHILD,
                "Hàng xóm nghe thấy tiếng kêu cứu của cháu bé vào ban đêm.", issued.ruleId(),
                issued.rulesetVersion(), issued.legalBasis(), issued.dueAt(), issued.unitId());
    }

    static EscalationRaised escalationRaised() {
        String escalationId = Ids.nameBased("escalation", CASE_ID);
        return new EscalationRaised(Ids.nameBased(EscalationRaised.TYPE, escalationId), OCCURRED_AT, CASE_ID,
                escalationId, Severity.HIGH, "severity HIGH", EscalationRaised.COORDINATOR, List.of(
                new EscalationRaised.Deadline(EscalationRaised.DeadlineKind.SUPPORT_PLAN,
                        Instant.parse("2026-11-27T02:15:00Z"), "Nghị định 56/2017/NĐ-CP, Art 28.1", false),
                new EscalationRaised.Deadline(EscalationRaised.DeadlineKind.ACKNOWLEDGEMENT,
                        Instant.parse("2026-11-20T06:15:00Z"), null, true)));
    }

    /** No agency left to act: the standing agency's provincial unit declined the only primary referral (S0 Art 8.4). */
    static EscalationRaised noAgencyLeft() {
        String referralId = Ids.nameBased("referral", CASE_ID, Agencies.SOCIAL_AFFAIRS, "forwardedFrom", "x");
        String escalationId = Ids.nameBased("escalation", CASE_ID, "declined", referralId);
        return new EscalationRaised(Ids.nameBased(EscalationRaised.TYPE, escalationId), OCCURRED_AT, CASE_ID,
                escalationId, Severity.NORMAL, "PRIMARY referral " + referralId + " DECLINED by the standing agency's "
                + "provincial unit: no agency left to act, the coordinator decides (S0 Art 8.4, 5.4)",
                EscalationRaised.COORDINATOR, List.of(), referralId);
    }

    static AgencyResponse agencyResponse(ResponseAction action) {
        ReferralIssued issued = referralIssued();
        return new AgencyResponse("police-094-2026-000123-" + action.name().toLowerCase(), issued.referralId(),
                CASE_ID, issued.agency(), action,
                action == ResponseAction.DECLINED || action == ResponseAction.FORWARDED ? "Không thuộc thẩm quyền" : null,
                action == ResponseAction.FORWARDED ? ReasonCode.BETTER_PLACED_AGENCY : null,
                action == ResponseAction.FORWARDED ? Agencies.HEALTH : null,
                action == ResponseAction.COMPLETED ? ReferralOutcome.SUPPORT_PROVIDED : null,
                null, issued.unitId(), OCCURRED_AT);
    }

    static ReferralStatusChanged referralStatusChanged() {
        AgencyResponse response = agencyResponse(ResponseAction.COMPLETED);
        return new ReferralStatusChanged(Ids.nameBased(ReferralStatusChanged.TYPE, response.referralId(),
                response.responseId()), OCCURRED_AT, CASE_ID, response.referralId(), response.agency(),
                ReferralRole.PRIMARY, response.unitId(), response.responseId(), ResponseAction.COMPLETED,
                ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED, null, null, ReferralOutcome.SUPPORT_PROVIDED,
                OCCURRED_AT, CaseStatus.COMPLETED);
    }

    static ReferralOverdue referralOverdue() {
        ReferralIssued issued = referralIssued();
        return new ReferralOverdue(Ids.nameBased(ReferralOverdue.TYPE, issued.referralId(), "ACKNOWLEDGEMENT",
                "REMINDER"), OCCURRED_AT, CASE_ID, issued.referralId(), issued.agency(), issued.role(),
                issued.unitId(), issued.areaCode(), issued.severity(), EscalationRaised.DeadlineKind.ACKNOWLEDGEMENT,
                issued.dueAt(), ReferralOverdue.Stage.REMINDER, ReferralStatus.ISSUED);
    }

    static CaseStatusChanged caseStatusChanged() {
        return new CaseStatusChanged(Ids.nameBased(CaseStatusChanged.TYPE, CASE_ID, "cause"), OCCURRED_AT, CASE_ID,
                CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED, List.of(ReferralOutcome.SUPPORT_PROVIDED));
    }

    static PersonalDataErased personalDataErased() {
        return new PersonalDataErased(Ids.nameBased(PersonalDataErased.TYPE, CASE_ID), OCCURRED_AT, CASE_ID,
                PersonalDataErased.Cause.REQUEST);
    }

    static NotificationDelivered notificationDelivered() {
        return new NotificationDelivered(Ids.nameBased(NotificationDelivered.TYPE, "n-1"), OCCURRED_AT, CASE_ID,
                "n-1", NotificationKind.REFERRAL_ISSUED, "WEBHOOK", "AGENCY_SYSTEM", Agencies.POLICE,
                referralIssued().referralId(), 1);
    }

    static NotificationFailed notificationFailed() {
        return new NotificationFailed(Ids.nameBased(NotificationFailed.TYPE, "n-2", "5"), OCCURRED_AT, CASE_ID,
                "n-2", NotificationKind.OUTCOME_TO_INFORMANT, "SMS", "INFORMANT", null, null, 5, "HTTP 503");
    }

    static AuditRecorded auditRecorded() {
        return new AuditRecorded(Ids.nameBased(AuditRecorded.TYPE, "referral-service-1a2b", "7"), OCCURRED_AT,
                CASE_ID, "referral-service-1a2b", 7, "subject-police-11", "agency-officer", Agencies.POLICE,
                "11-POLICE", "cprp-console", "READ_REFERRAL", "GET /api/v1/referrals/r-1", "r-1", null, "ALLOWED",
                200, "127.0.0.1", null, "0".repeat(64), "a".repeat(64));
    }

    static AuditRecorded auditRefusal() {
        return new AuditRecorded(Ids.nameBased(AuditRecorded.TYPE, "intake-service-9f8e", "1"), OCCURRED_AT, null,
                "intake-service-9f8e", 1, null, null, null, null, null, "AUTHENTICATE", "POST /api/v1/reports", null,
                null, "REFUSED", 401, "10.0.0.9", "no bearer token", "0".repeat(64), "b".repeat(64));
    }
}
