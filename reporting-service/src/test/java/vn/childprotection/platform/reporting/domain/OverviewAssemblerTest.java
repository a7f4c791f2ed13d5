package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.contracts.Concern;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class OverviewAssemblerTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

    @Test
    void with_nothing_counted_every_known_key_is_present_with_zero() {
        Overview overview = OverviewAssembler.assemble(OverviewCounts.EMPTY, OverviewFilter.NONE, NOW);

        assertThat(overview.reports()).isZero();
        assertThat(overview.cases()).isZero();
        assertThat(overview.referrals()).isZero();
        assertThat(overview.contacts()).containsExactly(entry("COUNSELLING", 0L), entry("INTERVENTION", 0L));
        assertThat(overview.byConcern()).hasSize(19)
                .containsOnlyKeys(Arrays.stream(Concern.values()).map(Enum::name).toList())
                .allSatisfy((concern, count) -> assertThat(count).isZero());
        assertThat(overview.byAgency().keySet()).containsExactlyElementsOf(Agencies.NATIONAL);
        assertThat(overview.bySeverity()).containsExactly(entry("EMERGENCY", 0L), entry("HIGH", 0L),
                entry("NORMAL", 0L));
        assertThat(overview.byChannel()).containsOnlyKeys("HOTLINE_111", "LOCAL_HOTLINE", "WALK_IN", "AGENCY",
                "ONLINE");
        assertThat(overview.byRole()).containsExactly(entry("PRIMARY", 0L), entry("SUPPORTING", 0L),
                entry("INFORMED", 0L));
        assertThat(overview.byProvince()).isEmpty();
        assertThat(overview.generatedAt()).isEqualTo(NOW);
    }

    @Test
    void counted_keys_fill_in_and_agencies_a_province_adds_follow_the_national_ones() {
        OverviewCounts counts = new OverviewCounts(5,
                Map.of("COUNSELLING", 2L, "INTERVENTION", 3L),
                Map.of("VIOLENCE", 3L, "SEXUAL_ABUSE", 1L),
                Map.of("HIGH", 4L, "NORMAL", 1L),
                Map.of("HOTLINE_111", 5L),
                Map.of("89", 1L, "11", 4L),
                7,
                Map.of("POLICE", 3L, "SOCIAL_AFFAIRS", 3L, "PROCURACY", 1L),
                Map.of("PRIMARY", 4L, "INFORMED", 3L));

        Overview overview = OverviewAssembler.assemble(counts, OverviewFilter.NONE, NOW);

        assertThat(overview.reports()).isEqualTo(5);
        assertThat(overview.cases()).isEqualTo(3);
        assertThat(overview.referrals()).isEqualTo(7);
        assertThat(overview.contacts()).containsExactly(entry("COUNSELLING", 2L), entry("INTERVENTION", 3L));
        assertThat(overview.byConcern()).hasSize(19).contains(entry("VIOLENCE", 3L), entry("SEXUAL_ABUSE", 1L),
                entry("NEGLECT", 0L));
        assertThat(overview.byAgency()).containsExactly(entry("SOCIAL_AFFAIRS", 3L), entry("POLICE", 3L),
                entry("HEALTH", 0L), entry("EDUCATION", 0L), entry("JUSTICE", 0L), entry("YOUTH_UNION", 0L),
                entry("WOMENS_UNION", 0L), entry("PROCURACY", 1L));
        assertThat(overview.byProvince()).containsExactly(entry("11", 4L), entry("89", 1L));
        assertThat(overview.byRole()).containsExactly(entry("PRIMARY", 4L), entry("SUPPORTING", 0L),
                entry("INFORMED", 3L));
    }

    @Test
    void the_province_filtered_on_is_shown_even_when_nothing_was_counted_there() {
        Overview overview = OverviewAssembler.assemble(OverviewCounts.EMPTY,
                new OverviewFilter(null, null, "06"), NOW);

        assertThat(overview.byProvince()).containsExactly(entry("06", 0L));
    }
}
