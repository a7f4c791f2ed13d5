package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.reporting.domain.OverviewFilter;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OverviewFilterParserTest {

    @Test
    void iso_dates_and_a_province_code_make_the_filter() {
        assertThat(OverviewFilterParser.parse("2026-01-01", "2026-03-31", "11"))
                .isEqualTo(new OverviewFilter(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "11"));
    }

    @Test
    void absent_or_blank_parameters_do_not_filter() {
        assertThat(OverviewFilterParser.parse(null, " ", "")).isEqualTo(OverviewFilter.NONE);
    }

    @Test
    void every_bad_parameter_is_named() {
        InvalidParametersException e = catchThrowableOfType(InvalidParametersException.class,
                () -> OverviewFilterParser.parse("2026-13-01", "yesterday", "Điện Biên"));

        assertThat(e.errors()).extracting(InvalidParametersException.FieldError::field)
                .containsExactly("from", "to", "province");
    }

    @Test
    void a_range_that_ends_before_it_starts_names_from() {
        InvalidParametersException e = catchThrowableOfType(InvalidParametersException.class,
                () -> OverviewFilterParser.parse("2026-04-01", "2026-03-31", null));

        assertThat(e.errors()).extracting(InvalidParametersException.FieldError::field).containsExactly("from");
    }
}
