package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

    @Test
    void the_median_of_an_even_count_lies_between_the_middle_values() {
        assertThat(Percentiles.of(List.of(15.0, 10.0)).medianMinutes()).isEqualTo(12.5);
    }

    @Test
    void the_90th_percentile_interpolates_between_closest_ranks() {
        Percentiles p = Percentiles.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));

        assertThat(p.count()).isEqualTo(10);
        assertThat(p.medianMinutes()).isEqualTo(5.5);
        assertThat(p.p90Minutes()).isEqualTo(9.1);
    }

    @Test
    void one_value_is_its_own_median_and_percentile() {
        assertThat(Percentiles.of(List.of(42.0))).isEqualTo(new Percentiles(1, 42.0, 42.0));
    }

    @Test
    void nothing_measured_gives_no_median() {
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, null, null));
    }
}
