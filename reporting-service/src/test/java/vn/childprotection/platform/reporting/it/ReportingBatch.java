package vn.childprotection.platform.reporting.it;

import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.CaseEvent;
import vn.childprotection.platform.contracts.Channel;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;
import vn.childprotection.platform.reporting.fixtures.CaseEvents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A year of hotline traffic, in the order referral-service publishes it (each case, then its referrals): three
 * interventions routed per the default routing table and two counselling contacts, in provinces 11 (Điện Biên),
 * 19 (Thái Nguyên) and 91 (An Giang), in the codes of the two-level map of those years (province and commune). Each
 * scenario uses its own year, so scenarios sharing one store do not meet.
 */
final class ReportingBatch {

    private final int year;
    final CaseEvents.CaseOpenedBuilder sexualAbuse;
    final CaseEvents.CaseOpenedBuilder trafficking;
    final CaseEvents.CaseOpenedBuilder domesticViolence;
    final CaseEvents.CaseOpenedBuilder neglectCounselling;
    final CaseEvents.CaseOpenedBuilder dropoutCounselling;

    ReportingBatch(int year) {
        this.year = year;
        sexualAbuse = CaseEvents.aCase(year + "-sexual-abuse").intervention(4)
                .concerns(Concern.SEXUAL_ABUSE, Concern.VIOLENCE).severity(Severity.EMERGENCY)
                .channel(Channel.HOTLINE_111).commune("11", "03127").receivedAt(date(2, 10), LocalTime.of(9, 15));
        trafficking = CaseEvents.aCase(year + "-trafficking").intervention(3)
                .concerns(Concern.TRAFFICKING).severity(Severity.HIGH)
                .channel(Channel.LOCAL_HOTLINE).commune("91", "30292").receivedAt(date(5, 20), LocalTime.of(14, 0));
        domesticViolence = CaseEvents.aCase(year + "-domestic-violence").intervention(3)
                .concerns(Concern.DOMESTIC_VIOLENCE).severity(Severity.HIGH)
                .channel(Channel.ONLINE).commune("19", "01843").receivedAt(date(8, 1), LocalTime.of(20, 45));
        neglectCounselling = CaseEvents.aCase(year + "-neglect").counselling()
                .concerns(Concern.NEGLECT).severity(Severity.NORMAL)
                .channel(Channel.HOTLINE_111).commune("11", "03151").receivedAt(date(8, 2), LocalTime.of(7, 30));
        // 17:30 UTC on 30 November is 00:30 on 1 December in Viet Nam
        dropoutCounselling = CaseEvents.aCase(year + "-dropout").counselling()
                .concerns(Concern.SCHOOL_DROPOUT_WORK, Concern.OTHER).severity(Severity.NORMAL)
                .channel(Channel.WALK_IN).commune("11", "03127")
                .receivedAt(OffsetDateTime.of(year, 11, 30, 17, 30, 0, 0, ZoneOffset.UTC));
    }

    LocalDate date(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    List<CaseEvent> events() {
        List<CaseEvent> events = new ArrayList<>();
        events.add(sexualAbuse.build());
        events.add(sexualAbuse.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build());
        events.add(sexualAbuse.referral(Agencies.POLICE, ReferralRole.PRIMARY).build());
        events.add(sexualAbuse.referral(Agencies.HEALTH, ReferralRole.SUPPORTING).build());
        events.add(sexualAbuse.referral(Agencies.WOMENS_UNION, ReferralRole.SUPPORTING).build());
        events.add(trafficking.build());
        events.add(trafficking.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.PRIMARY).build());
        events.add(trafficking.referral(Agencies.POLICE, ReferralRole.PRIMARY).build());
        events.add(trafficking.referral("PROCURACY", ReferralRole.SUPPORTING).build());
        events.add(domesticViolence.build());
        events.add(domesticViolence.referral(Agencies.WOMENS_UNION, ReferralRole.PRIMARY).build());
        events.add(domesticViolence.referral(Agencies.SOCIAL_AFFAIRS, ReferralRole.INFORMED).build());
        events.add(domesticViolence.referral(Agencies.POLICE, ReferralRole.SUPPORTING).build());
        events.add(neglectCounselling.build());
        events.add(dropoutCounselling.build());
        return events;
    }

    /** The whole year's figures, counted by hand from {@link #events()}. */
    static Figures yearFigures() {
        Figures f = Figures.zero().reports(5).cases(3).referrals(10);
        f.count(f.contacts(), "COUNSELLING", 2).count(f.contacts(), "INTERVENTION", 3);
        f.count(f.byAgency(), Agencies.SOCIAL_AFFAIRS, 3).count(f.byAgency(), Agencies.POLICE, 3)
                .count(f.byAgency(), Agencies.HEALTH, 1).count(f.byAgency(), Agencies.WOMENS_UNION, 2)
                .count(f.byAgency(), "PROCURACY", 1);
        f.count(f.byRole(), "PRIMARY", 5).count(f.byRole(), "SUPPORTING", 4).count(f.byRole(), "INFORMED", 1);
        for (String concern : List.of("SEXUAL_ABUSE", "VIOLENCE", "TRAFFICKING", "DOMESTIC_VIOLENCE", "NEGLECT",
                "SCHOOL_DROPOUT_WORK", "OTHER")) {
            f.count(f.byConcern(), concern, 1);
        }
        f.count(f.bySeverity(), "EMERGENCY", 1).count(f.bySeverity(), "HIGH", 2).count(f.bySeverity(), "NORMAL", 2);
        f.count(f.byChannel(), "HOTLINE_111", 2).count(f.byChannel(), "LOCAL_HOTLINE", 1)
                .count(f.byChannel(), "WALK_IN", 1).count(f.byChannel(), "ONLINE", 1);
        f.count(f.byProvince(), "11", 3).count(f.byProvince(), "19", 1).count(f.byProvince(), "91", 1);
        return f;
    }
}
