package vn.childprotection.platform.reporting.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void csv_starts_with_a_utf8_bom_and_keeps_vietnamese_intact() {
        byte[] bytes = new Csv().row("tỉnh", "số vụ").row("Điện Biên", 3).bytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("tỉnh,số vụ\r\nĐiện Biên,3\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_and_nulls_are_empty() {
        String text = new Csv().row("a,b", "say \"hi\"", "two\nlines", null).text();

        assertThat(text.substring(1)).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(new Csv().row("=HYPERLINK(1)").text().substring(1)).isEqualTo("'=HYPERLINK(1)\r\n");
    }

    @Test
    void every_formula_prefix_is_defused_and_negative_numbers_stay_numbers() {
        String text = new Csv().row("-2+3", "+1", "@SUM(A1)", "\t=1", "\r=1", -4).text();

        assertThat(text.substring(1)).isEqualTo("'-2+3,'+1,'@SUM(A1),'\t=1,\"'\r=1\",-4\r\n");
    }
}
