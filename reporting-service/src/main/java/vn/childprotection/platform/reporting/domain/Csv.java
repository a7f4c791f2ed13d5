package vn.childprotection.platform.reporting.domain;

import vn.childprotection.platform.contracts.text.CsvField;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as spreadsheet programs open it with Vietnamese intact: UTF-8 with a byte-order mark, RFC 4180 quoting
 * (fields with a comma, quote or line break are quoted, quotes doubled), CRLF line ends, a header row; a text cell a
 * spreadsheet would run as a formula is shown as text ({@link CsvField}).
 */
public final class Csv {

    private static final String BOM = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BOM);

    public Csv row(List<?> cells) {
        text.append(CsvField.row(cells));
        return this;
    }

    public Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    public String text() {
        return text.toString();
    }

    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
