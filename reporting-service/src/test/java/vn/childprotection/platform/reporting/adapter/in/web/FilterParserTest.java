package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.reporting.domain.StatsFilter;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterParserTest {

    @Test
    void a_quarter_and_codes_make_the_filter() {
        StatsFilter filter = FilterParser.parse("2026-Q4", null, null, "11", "094", "POLICE", "SEXUAL_ABUSE");

        assertThat(filter.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(filter.province()).isEqualTo("11");
        assertThat(filter.district()).isEqualTo("094");
        assertThat(filter.agency()).isEqualTo("POLICE");
        assertThat(filter.concern()).isEqualTo(Concern.SEXUAL_ABUSE);
    }

    @Test
    void absent_or_blank_parameters_do_not_filter() {
        assertThat(FilterParser.parse(" ", null, "", null, "", null, null)).isEqualTo(StatsFilter.NONE);
    }

    @Test
    void period_together_with_from_or_to_is_refused() {
        assertThatThrownBy(() -> FilterParser.parse("2026", "2026-01-01", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(InvalidParametersException.FieldError::field).containsExactly("period"));
    }

    @Test
    void every_bad_parameter_is_named() {
        assertThatThrownBy(() -> FilterParser.parse(null, "2026-13-01", "yesterday", "Điện Biên", "94", "police",
                "FLOOD"))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(e.errors())
                        .extracting(InvalidParametersException.FieldError::field)
                        .containsExactly("from", "to", "province", "district", "agency", "concern"));
    }
}
