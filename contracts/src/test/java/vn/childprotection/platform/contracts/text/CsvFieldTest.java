package vn.childprotection.platform.contracts.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFieldTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"})
    void text_starting_with_any_formula_prefix_is_shown_as_text(String formula) {
        String field = CsvField.of(formula);

        assertThat(field).doesNotStartWith(formula.substring(0, 1));
        assertThat(field.startsWith("'") || field.startsWith("\"'")).as(field).isTrue();
    }

    @Test
    void a_defused_field_is_still_quoted_as_rfc_4180_asks() {
        assertThat(CsvField.of("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(CsvField.of("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvField.of("-2")).isEqualTo("'-2");
    }

    @Test
    void numbers_plain_text_and_null_are_written_as_they_are() {
        assertThat(CsvField.of(-3L)).isEqualTo("-3");
        assertThat(CsvField.of(-0.5)).isEqualTo("-0.5");
        assertThat(CsvField.of("Điện Biên")).isEqualTo("Điện Biên");
        assertThat(CsvField.of("a=b")).isEqualTo("a=b");
        assertThat(CsvField.of(null)).isEmpty();
    }

    @Test
    void a_row_joins_its_fields_with_commas_and_ends_with_crlf() {
        assertThat(CsvField.row(Arrays.asList("a,b", null, 2, "@x"))).isEqualTo("\"a,b\",,2,'@x\r\n");
        assertThat(CsvField.row(List.of())).isEqualTo("\r\n");
    }
}
