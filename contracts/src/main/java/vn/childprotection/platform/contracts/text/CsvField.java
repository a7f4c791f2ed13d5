package vn.childprotection.platform.contracts.text;

import java.util.List;

/**
 * One field of the platform's CSV exports (RFC 4180), shown by spreadsheet programs as the text it is: a text field
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — which a spreadsheet would
 * run as a formula — is prefixed with an apostrophe (OWASP, CSV injection); a field holding a comma, a quote or a
 * line break is then quoted, quotes doubled. Numbers are written as they are: a negative count is a number, not a
 * formula. {@code null} is an empty field.
 */
public final class CsvField {

    private static final String FORMULA_PREFIXES = "=+-@\t\r";

    private CsvField() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (!(value instanceof Number) && !text.isEmpty() && FORMULA_PREFIXES.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** A record: the fields separated by commas, ended with CRLF. */
    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder(16 * cells.size() + 2);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(of(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }
}
