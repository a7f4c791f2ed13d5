package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.contracts.Concern;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.domain.StatsFilter;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterParserTest {

    private static final Areas AREAS = ShippedMaps.AREAS;

    private static StatsFilter parse(String period, String from, String to, String province, String district,
                                     String commune, String agency, String concern) {
        return FilterParser.parse(AREAS, period, from, to, province, district, commune, agency, concern);
    }

    private static void refused(Runnable parse, String... fields) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidParametersException.class, e -> assertThat(
                e.errors()).extracting(InvalidParametersException.FieldError::field).containsExactly(fields));
    }

    @Test
    void a_quarter_and_codes_make_the_filter() {
        StatsFilter filter = parse("2024-Q4", null, null, "11", "094", null, "POLICE", "SEXUAL_ABUSE");

        assertThat(filter.from()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(filter.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(filter.province()).isEqualTo("11");
        assertThat(filter.district()).isEqualTo("094");
        assertThat(filter.agency()).isEqualTo("POLICE");
        assertThat(filter.concern()).isEqualTo(Concern.SEXUAL_ABUSE);
    }

    @Test
    void absent_or_blank_parameters_do_not_filter() {
        assertThat(parse(" ", null, "", null, "", " ", null, null)).isEqualTo(StatsFilter.NONE);
    }

    @Test
    void period_together_with_from_or_to_is_refused() {
        refused(() -> parse("2026", "2026-01-01", null, null, null, null, null, null), "period");
    }

    @Test
    void every_bad_parameter_is_named() {
        refused(() -> parse(null, "2026-13-01", "yesterday", "Điện Biên", "94", "3127", "police", "FLOOD"),
                "from", "to", "province", "district", "commune", "agency", "concern");
    }

    @Test
    void a_province_of_the_earlier_map_is_read_as_the_province_it_became_part_of() {
        assertThat(parse(null, null, null, "89", null, null, null, null).province()).isEqualTo("91");
        assertThat(parse(null, null, null, "06", null, null, null, null).province()).isEqualTo("19");
        assertThat(parse(null, null, null, "91", null, null, null, null).province()).isEqualTo("91");
        refused(() -> parse(null, null, null, "99", null, null, null, null), "province");
    }

    @Test
    void a_commune_of_todays_map_or_a_district_of_the_earlier_one_implies_its_province() {
        StatsFilter commune = parse("2026", null, null, null, null, "03127", null, null);
        StatsFilter oldDistrict = parse("2024", null, null, null, "883", null, null, null);

        assertThat(commune.commune()).isEqualTo("03127");
        assertThat(commune.province()).isEqualTo("11");
        assertThat(oldDistrict.district()).isEqualTo("883");
        assertThat(oldDistrict.province()).as("Long Xuyên was in An Giang 89, now part of An Giang 91")
                .isEqualTo("91");
    }

    @Test
    void a_place_outside_the_province_or_of_no_map_is_refused() {
        refused(() -> parse(null, null, null, "11", null, "30292", null, null), "commune");
        refused(() -> parse(null, null, null, "11", "883", null, null, null), "district");
        refused(() -> parse(null, null, null, null, "999", null, null, null), "district");
        refused(() -> parse(null, null, null, null, null, "99999", null, null), "commune");
        refused(() -> parse(null, null, null, null, "094", "03127", null, null), "commune");
    }
}
