package vn.childprotection.platform.reporting.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as spreadsheet programs open it with Vietnamese intact: UTF-8 with a byte-order mark, RFC 4180 quoting
 * (fields with a comma, quote or line break are quoted, quotes doubled), CRLF line ends, a header row.
 */
public final class Csv {

    private static final String BOM = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BOM);

    public Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) text.append(',');
            text.append(escape(cells.get(i)));
        }
        text.append("\r\n");
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

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        // a leading =, +, - or @ would be run as a formula by spreadsheet programs
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
