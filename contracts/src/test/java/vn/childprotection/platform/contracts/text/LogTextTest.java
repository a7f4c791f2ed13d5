package vn.childprotection.platform.contracts.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void line_breaks_and_control_characters_cannot_forge_or_hide_a_log_line() {
        assertThat(LogText.of("id\r\n2026-01-01 INFO forged")).isEqualTo("id__2026-01-01 INFO forged");
        assertThat(LogText.of("a\u0085b\u2028c\u2029d")).isEqualTo("a_b_c_d");
        assertThat(LogText.of("\u001b[2Jx\u0000\u007f\t")).isEqualTo("_[2Jx___");
        assertThat(LogText.of("abc\u202Edef")).isEqualTo("abc_def");
    }

    @Test
    void ordinary_text_stays_as_it_is_and_long_text_is_cut() {
        assertThat(LogText.of("Điện Biên /api/v1/cases?x=1")).isEqualTo("Điện Biên /api/v1/cases?x=1");
        assertThat(LogText.of(null)).isEqualTo("null");
        assertThat(LogText.of("x".repeat(1000))).hasSize(LogText.MAX_LENGTH + 1).endsWith("…");
    }
}
