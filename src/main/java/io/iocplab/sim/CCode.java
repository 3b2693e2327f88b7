package io.iocplab.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * C source as the code view shows it: lines, some of which are the steps a thread executes, and the
 * words of C a program is written in (a port's handle, an identifier, a pointer, a time in milliseconds).
 *
 * <p>Rules: a line that is a step carries the number its program gives that step (a scripted
 * program numbers its steps in document order; a workload's program by the lines of the listing it
 * writes itself, so the two cannot drift apart). Every other line has step -1. A line may carry a note: the key of a short comment in the code view's resource bundle
 * (and one argument), put into words by the window in its language.
 */
public final class CCode {
    private CCode() {}

    /**
     * One line of C.
     *
     * @param indent  nesting depth (4 spaces each)
     * @param code    the C text, without indentation
     * @param step    the program step this line shows, or -1
     * @param note    the key of a comment in the code view's bundle, or null
     * @param noteArg the note's argument ({0} in its pattern), or null
     */
    public record Line(int indent, String code, int step, String note, String noteArg) {
        public boolean isStep() {
            return step >= 0;
        }
    }

    /** Writes lines in order; a step line carries the number its program gives that step. */
    public static final class Writer {
        private final List<Line> lines = new ArrayList<>();
        private int buffers;

        /** A line that is not a step. */
        public Writer add(int indent, String code, String note, String noteArg) {
            lines.add(new Line(indent, code, -1, note, noteArg));
            return this;
        }

        /** A line that shows the program's step number {@code step} (-1: not a step). */
        public Writer add(int indent, String code, int step, String note, String noteArg) {
            lines.add(new Line(indent, code, step, note, noteArg));
            return this;
        }

        /** {@code int main(void)}: the program's entry point, the function the thread named main runs. */
        public Writer mainBegins() {
            return add(0, "int main(void) {", null, null);
        }

        /**
         * The end of main's program while other threads go on: {@code ExitThread(0)}, not {@code return}, which
         * would end the process and every other thread with it.
         */
        public Writer mainEnds() {
            return add(1, "ExitThread(0);", "note.exitMain", null);
        }

        public Writer blank() {
            lines.add(new Line(0, "", -1, null, null));
            return this;
        }

        /** How many WSABUF arrays {@link #bufferName()} has named so far. */
        public int buffers() {
            return buffers;
        }

        public int size() {
            return lines.size();
        }

        /** bufs, bufs2, bufs3 ...: one WSABUF array per call, so the C compiles. */
        public String bufferName() {
            buffers++;
            return buffers == 1 ? "bufs" : "bufs" + buffers;
        }

        public List<Line> lines() {
            return Collections.unmodifiableList(lines);
        }
    }

    // ------------------------------------------------------------------ C words

    /** The C handle of a port: {@code hcp} + its name, unless the name already starts with "hcp". */
    public static String handle(String port) {
        if (port == null) {
            return "NULL";
        }
        String id = id(port);
        return id.regionMatches(true, 0, "hcp", 0, 3) ? id : "hcp" + id;
    }

    /** A name as a C identifier: letters, digits and _, not starting with a digit. */
    public static String id(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** An OVERLAPPED pointer argument: {@code &label}, or NULL. */
    public static String pointer(String label) {
        return label == null ? "NULL" : "&" + id(label);
    }

    /** A timeout in milliseconds, or INFINITE. */
    public static String timeout(long us) {
        return us == Step.INFINITE ? "INFINITE" : ms(us);
    }

    /** Microseconds as milliseconds, without trailing zeros: 10000 is "10", 500 is "0.5". */
    public static String ms(long us) {
        return BigDecimal.valueOf(us).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** A C string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
