package vn.childprotection.platform.referral.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.EscalationRaised.DeadlineKind;
import vn.childprotection.platform.contracts.ReferralRole;
import vn.childprotection.platform.contracts.Severity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadlines a referral carries (Decree 56/2017 Art 26.3, 28.1; acknowledgement a policy default). */
class ReferralDeadlinesTest {

    /** Friday 20 November 2026, 09:15 in Hà Nội. */
    private static final Instant FRIDAY = Instant.parse("2026-11-20T02:15:00Z");

    @Test
    void anEmergencyPrimaryReferralMustBeAcknowledgedActedOnWithin12HoursAndPlannedWithin5WorkingDays() {
        var deadlines = DeadlinePolicy.DEFAULT.deadlinesFor(FRIDAY, Severity.EMERGENCY, ReferralRole.PRIMARY);

        assertThat(deadlines).extracting(ReferralDeadline::kind).containsExactly(DeadlineKind.ACKNOWLEDGEMENT,
                DeadlineKind.EMERGENCY_MEASURES, DeadlineKind.SUPPORT_PLAN);
        assertThat(deadlines.get(0).dueAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(1)));
        assertThat(deadlines.get(0).policyDefault()).isTrue();
        assertThat(deadlines.get(1).dueAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(12)));
        assertThat(deadlines.get(1).escalateAt()).isEqualTo(FRIDAY.plus(Duration.ofHours(13))); // grace 1 h
        assertThat(deadlines.get(1).legalBasis()).contains("Art 26.3");
        // Mon 23, Tue 24, Wed 25, Thu 26, Fri 27: the weekend does not count
        assertThat(deadlines.get(2).dueAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00Z"));
        assertThat(deadlines.get(2).escalateAt()).isEqualTo(Instant.parse("2026-11-27T04:15:00Z")); // grace 2 h
    }

    @Test
    void aHighPrimaryReferralHasNoEmergencyMeasuresDeadline() {
        assertThat(DeadlinePolicy.DEFAULT.deadlinesFor(FRIDAY, Severity.HIGH, ReferralRole.PRIMARY))
                .extracting(ReferralDeadline::kind)
                .containsExactly(DeadlineKind.ACKNOWLEDGEMENT, DeadlineKind.SUPPORT_PLAN);
    }

    @Test
    void supportingAndInformedReferralsAndNormalCasesOnlyHaveTheAcknowledgement() {
        assertThat(DeadlinePolicy.DEFAULT.deadlinesFor(FRIDAY, Severity.EMERGENCY, ReferralRole.SUPPORTING))
                .extracting(ReferralDeadline::kind).containsExactly(DeadlineKind.ACKNOWLEDGEMENT);
        assertThat(DeadlinePolicy.DEFAULT.deadlinesFor(FRIDAY, Severity.NORMAL, ReferralRole.PRIMARY))
                .singleElement().satisfies(d -> assertThat(d.dueAt())
                        .isEqualTo(Instant.parse("2026-11-24T02:15:00Z"))); // 2 working days: Mon, Tue
    }

    @Test
    void holidaysAreNotWorkingDays() {
        DeadlinePolicy policy = new DeadlinePolicy(Map.of(), new WorkingCalendar(Set.of(LocalDate.of(2026, 11, 23))),
                DeadlinePolicy.VIETNAM);
        assertThat(policy.deadlinesFor(FRIDAY, Severity.HIGH, ReferralRole.PRIMARY).getLast().dueAt())
                .isEqualTo(Instant.parse("2026-11-30T02:15:00Z"));
    }

    @Test
    void aConfiguredDurationWinsOverWorkingDaysSoThatADemonstrationCanShortenEveryDeadline() {
        DeadlinePolicy demo = new DeadlinePolicy(Map.of(Severity.NORMAL,
                new DeadlinePolicy.Span(Duration.ofSeconds(20), 2)), null, null, Duration.ofSeconds(40),
                DeadlinePolicy.Span.of(Duration.ofSeconds(60)), Duration.ofSeconds(20), Duration.ofSeconds(10));

        assertThat(demo.deadlinesFor(FRIDAY, Severity.NORMAL, ReferralRole.PRIMARY).getFirst().dueAt())
                .isEqualTo(FRIDAY.plusSeconds(20));
        var emergency = demo.deadlinesFor(FRIDAY, Severity.EMERGENCY, ReferralRole.PRIMARY);
        assertThat(emergency.get(1).dueAt()).isEqualTo(FRIDAY.plusSeconds(40));
        assertThat(emergency.get(1).escalateAt()).isEqualTo(FRIDAY.plusSeconds(50));
        assertThat(emergency.get(2).dueAt()).isEqualTo(FRIDAY.plusSeconds(60));
        assertThat(emergency.get(2).escalateAt()).isEqualTo(FRIDAY.plusSeconds(80));
    }
}
