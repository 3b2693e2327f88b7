package io.iocplab.scenario;

/**
 * Text that came from a file (a value, a name, a file name) made fit for one line of a terminal.
 *
 * <p>Rule: every character that could end the line or talk to the terminal is written as an escape,
 * so that no value can forge a {@code FILE:LINE:COLUMN:} line of its own or move the cursor, change
 * colours or set the window title (ESC and OSC sequences): newline, carriage return and tab as
 * {@code \n}, {@code \r}, {@code \t}; every other control character (U+0000..U+001F, U+007F..U+009F),
 * the Unicode line and paragraph separators and the bidirectional overrides and isolates (which
 * reorder what the eye reads) as {@code \}{@code uXXXX}. Everything else, Korean included, is kept
 * as is; a backslash stays a backslash, so Windows paths read as they are.
 */
public final class OneLine {
    private OneLine() {}

    /** The text with every line-breaking or terminal-controlling character escaped; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Whether {@link #of} escapes this character (it could break a line or control the terminal). */
    public static boolean escaped(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F
                || c == '\u2028' || c == '\u2029'                  // line and paragraph separators
                || c >= '\u202A' && c <= '\u202E'                  // bidirectional embeddings and overrides
                || c >= '\u2066' && c <= '\u2069';                 // bidirectional isolates
    }
}
