package vn.childprotection.platform.contracts.text;

/**
 * A value that came from outside (a request's path, a header, an exception's message about a caller's input), made
 * safe to put in a log line: every line break (CR, LF, NEL, the Unicode line and paragraph separators), every other
 * control character and every bidirectional-text control is replaced with {@code _}, so that no caller can forge a
 * log line or hide part of one, and the value is cut to {@value #MAX_LENGTH} characters.
 */
public final class LogText {

    public static final int MAX_LENGTH = 300;

    private LogText() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        int length = Math.min(text.length(), MAX_LENGTH);
        StringBuilder safe = new StringBuilder(length + 1);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            safe.append(unsafe(c) ? '_' : c);
        }
        if (text.length() > MAX_LENGTH) {
            safe.append('…');
        }
        return safe.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) // C0 (CR, LF, tab, ESC, …), DEL and C1 (NEL, …)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // bidi embeddings, isolates
                || c == '\u200E' || c == '\u200F' || c == '\u061C'; // bidi marks
    }
}
