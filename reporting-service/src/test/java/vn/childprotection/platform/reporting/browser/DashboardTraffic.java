package vn.childprotection.platform.reporting.browser;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.CaseOpened;
import vn.childprotection.platform.contracts.CaseStatus;
import vn.childprotection.platform.contracts.CaseStatusChanged;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.Ids;
import vn.childprotection.platform.contracts.ReasonCode;
import vn.childprotection.platform.contracts.ReferralIssued;
import vn.childprotection.platform.contracts.ReferralOutcome;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.ReferralStatus;
import vn.childprotection.platform.contracts.ReferralStatusChanged;
import vn.childprotection.platform.contracts.ResponseAction;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A year of traffic on case.events.v1 as referral-service publishes it, with the agency loop: cases opened in
 * Điện Biên (11) and Bắc Kạn (06; the cases after 1 July 2025 still name it, and count under Thái Nguyên 19, which it
 * became part of), referrals with acknowledgement deadlines, agencies acknowledging, accepting,
 * declining and completing (S0 Art 7.2), one referral left open past its deadline, one case completed.
 */
final class DashboardTraffic {

    /** A past year, so that every deadline of the scenario has passed whatever day the test runs. */
    static final int YEAR = 2025;
    static final String PERIOD = String.valueOf(YEAR);
    private static final Duration ACKNOWLEDGE_WITHIN = Duration.ofHours(1);

    final CaseEvents.CaseOpenedBuilder sexualAbuse = CaseEvents.aCase("dashboard-sexual-abuse").intervention(3)
            .concerns(Concern.SEXUAL_ABUSE, Concern.VIOLENCE).severity(Severity.EMERGENCY)
            .channel(Channel.HOTLINE_111).province("11", "094").receivedAt(date(3, 10), LocalTime.of(9, 0));
    final CaseEvents.CaseOpenedBuilder violence = CaseEvents.aCase("dashboard-violence").intervention(2)
            .concerns(Concern.VIOLENCE).severity(Severity.HIGH)
            .channel(Channel.LOCAL_HOTLINE).province("11", "095").receivedAt(date(5, 2), LocalTime.of(14, 30));
    final CaseEvents.CaseOpenedBuilder neglect = CaseEvents.aCase("dashboard-neglect").counselling()
            .concerns(Concern.NEGLECT).severity(Severity.NORMAL)
            .channel(Channel.ONLINE).province("06", "058").receivedAt(date(7, 15), LocalTime.of(20, 0));
    final CaseEvents.CaseOpenedBuilder trafficking = CaseEvents.aCase("dashboard-trafficking").intervention(2)
            .concerns(Concern.TRAFFICKING).severity(Severity.HIGH)
            .channel(Channel.HOTLINE_111).province("06", "058").receivedAt(date(9, 20), LocalTime.of(8, 0));
    /** Sent later, while the page is open: the live update. After 1 July 2025: a commune, no district. */
    final CaseEvents.CaseOpenedBuilder lateViolence = CaseEvents.aCase("dashboard-late-violence").intervention(1)
            .concerns(Concern.DOMESTIC_VIOLENCE).severity(Severity.HIGH)
            .channel(Channel.WALK_IN).commune("11", "03127").receivedAt(date(10, 1), LocalTime.of(10, 0));

    private static LocalDate date(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    /** The first batch: 4 contacts (1 counselling), 3 cases, 7 referrals. */
    List<CaseEvent> events() {
        List<CaseEvent> events = new ArrayList<>();

        CaseOpened abuse = sexualAbuse.build();
        ReferralIssued abuseSocial = issued(abuse, Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY);
        ReferralIssued abusePolice = issued(abuse, Agencies.POLICE, ReferralRole.PRIMARY);
        ReferralIssued abuseHealth = issued(abuse, Agencies.HEALTH, ReferralRole.SUPPORTING);
        events.addAll(List.of(abuse, abuseSocial, abusePolice, abuseHealth));
        events.add(changed(abusePolice, ResponseAction.ACKNOWLEDGED, ReferralStatus.ISSUED, ReferralStatus.ACKNOWLEDGED,
                Duration.ofMinutes(20), CaseStatus.IN_PROGRESS));
        events.add(caseStatus(abuse, CaseStatus.REFERRED, CaseStatus.IN_PROGRESS, Duration.ofMinutes(20)));
        events.add(changed(abuseSocial, ResponseAction.ACKNOWLEDGED, ReferralStatus.ISSUED,
                ReferralStatus.ACKNOWLEDGED, Duration.ofMinutes(45), CaseStatus.IN_PROGRESS));
        events.add(changed(abusePolice, ResponseAction.ACCEPTED, ReferralStatus.ACKNOWLEDGED, ReferralStatus.ACCEPTED,
                Duration.ofHours(2), CaseStatus.IN_PROGRESS));
        events.add(completed(abusePolice, ReferralStatus.ACCEPTED, Duration.ofDays(3), ReferralOutcome.LEGAL_ACTION_TAKEN,
                CaseStatus.IN_PROGRESS));
        // HEALTH never answers: open and overdue

        CaseOpened hit = violence.build();
        ReferralIssued hitSocial = issued(hit, Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY);
        ReferralIssued hitPolice = issued(hit, Agencies.POLICE, ReferralRole.PRIMARY);
        events.addAll(List.of(hit, hitSocial, hitPolice));
        events.add(changed(hitSocial, ResponseAction.ACKNOWLEDGED, ReferralStatus.ISSUED, ReferralStatus.ACKNOWLEDGED,
                Duration.ofMinutes(30), CaseStatus.IN_PROGRESS));
        events.add(caseStatus(hit, CaseStatus.REFERRED, CaseStatus.IN_PROGRESS, Duration.ofMinutes(30)));
        events.add(new ReferralStatusChanged(Ids.nameBased(ReferralStatusChanged.TYPE, hitPolice.referralId(), "decline"),
                at(hitPolice, Duration.ofHours(3)), hitPolice.caseId(), hitPolice.referralId(), hitPolice.agency(),
                hitPolice.role(), hitPolice.unitId(), Ids.nameBased("response", hitPolice.referralId(), "decline"),
                ResponseAction.DECLINED, ReferralStatus.ISSUED, ReferralStatus.DECLINED, ReasonCode.OUTSIDE_MANDATE,
                null, null, at(hitPolice, Duration.ofHours(3)), CaseStatus.IN_PROGRESS));

        events.add(neglect.build());

        CaseOpened traffic = trafficking.build();
        ReferralIssued trafficSocial = issued(traffic, Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY);
        ReferralIssued trafficPolice = issued(traffic, Agencies.POLICE, ReferralRole.PRIMARY);
        events.addAll(List.of(traffic, trafficSocial, trafficPolice));
        for (ReferralIssued referral : List.of(trafficSocial, trafficPolice)) {
            events.add(changed(referral, ResponseAction.ACKNOWLEDGED, ReferralStatus.ISSUED,
                    ReferralStatus.ACKNOWLEDGED, Duration.ofMinutes(10), CaseStatus.IN_PROGRESS));
            events.add(changed(referral, ResponseAction.ACCEPTED, ReferralStatus.ACKNOWLEDGED,
                    ReferralStatus.ACCEPTED, Duration.ofMinutes(40), CaseStatus.IN_PROGRESS));
        }
        events.add(caseStatus(traffic, CaseStatus.REFERRED, CaseStatus.IN_PROGRESS, Duration.ofMinutes(10)));
        events.add(completed(trafficSocial, ReferralStatus.ACCEPTED, Duration.ofDays(4),
                ReferralOutcome.SUPPORT_PROVIDED, CaseStatus.IN_PROGRESS));
        events.add(completed(trafficPolice, ReferralStatus.ACCEPTED, Duration.ofDays(5),
                ReferralOutcome.LEGAL_ACTION_TAKEN, CaseStatus.COMPLETED));
        events.add(new CaseStatusChanged(Ids.nameBased(CaseStatusChanged.TYPE, traffic.caseId(), "completed"),
                at(trafficPolice, Duration.ofDays(5)), traffic.caseId(), CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED,
                List.of(ReferralOutcome.SUPPORT_PROVIDED, ReferralOutcome.LEGAL_ACTION_TAKEN)));
        return events;
    }

    /** One more intervention case with its referral, published while the page is open. */
    List<CaseEvent> lateEvents() {
        CaseOpened late = lateViolence.build();
        return List.of(late, issued(late, Agencies.WOMENS_UNION, ReferralRole.PRIMARY));
    }

    private static ReferralIssued issued(CaseOpened opened, String agency, ReferralRole role) {
        String referralId = Ids.nameBased("referral", opened.caseId(), agency);
        String area = opened.location().mostLocalCode();
        Concern first = opened.concerns().getFirst();
        return new ReferralIssued(Ids.nameBased(ReferralIssued.TYPE, referralId), opened.occurredAt().plusMillis(10),
                opened.caseId(), referralId, agency, role, area, ReferralStatus.ISSUED, opened.concerns(),
                opened.severity(), "VN." + first.name(), "VN-national-2025.1",
                "QĐ 349/QĐ-UBND Điện Biên 2013, Art 9.5", opened.receivedAt().toInstant().plus(ACKNOWLEDGE_WITHIN),
                "unit-" + agency.toLowerCase() + "-" + area);
    }

    private static ReferralStatusChanged changed(ReferralIssued referral, ResponseAction action, ReferralStatus from,
                                                 ReferralStatus to, Duration after, CaseStatus caseStatus) {
        String responseId = Ids.nameBased("response", referral.referralId(), action.name());
        return new ReferralStatusChanged(Ids.nameBased(ReferralStatusChanged.TYPE, referral.referralId(), responseId),
                at(referral, after), referral.caseId(), referral.referralId(), referral.agency(), referral.role(),
                referral.unitId(), responseId, action, from, to, null, null, null, at(referral, after), caseStatus);
    }

    private static ReferralStatusChanged completed(ReferralIssued referral, ReferralStatus from, Duration after,
                                                   ReferralOutcome outcome, CaseStatus caseStatus) {
        String responseId = Ids.nameBased("response", referral.referralId(), ResponseAction.COMPLETED.name());
        return new ReferralStatusChanged(Ids.nameBased(ReferralStatusChanged.TYPE, referral.referralId(), responseId),
                at(referral, after), referral.caseId(), referral.referralId(), referral.agency(), referral.role(),
                referral.unitId(), responseId, ResponseAction.COMPLETED, from, ReferralStatus.COMPLETED, null, null,
                outcome, at(referral, after), caseStatus);
    }

    private static CaseStatusChanged caseStatus(CaseOpened opened, CaseStatus from, CaseStatus to, Duration after) {
        Instant when = opened.receivedAt().toInstant().plus(after);
        return new CaseStatusChanged(Ids.nameBased(CaseStatusChanged.TYPE, opened.caseId(), to.name()), when,
                opened.caseId(), from, to, List.of());
    }

    private static Instant at(ReferralIssued referral, Duration after) {
        return referral.occurredAt().plus(after);
    }
}
