package io.iocplab.app.editor;

import io.iocplab.scenario.Vocabulary;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be written at the caret of a scenario file: the word being typed ({@code from}..{@code to}) and the
 * words that may replace it, in the order the file format documents them. No JavaFX.
 *
 * <p>Rules, read from the text alone (a file with mistakes still gets its completion):
 * <ul>
 *   <li>at the start of a line with no indentation: a top-level key ({@code threads}, {@code ports}, ...);</li>
 *   <li>after {@code StepName: {} or a comma inside it: that step's arguments;</li>
 *   <li>inside the braces of an entry of {@code ports}, {@code sockets} or {@code peers}, or an indented line of
 *       {@code echo}: that section's keys;</li>
 *   <li>after {@code - } in {@code threads} (a step of a program or of a Loop): a step name.</li>
 * </ul>
 * The choices are those that start with the word typed so far (ignoring case); none when nothing fits.
 *
 * @param from    where the word being typed starts
 * @param to      the caret
 * @param choices the words that fit
 */
public record Completion(int from, int to, List<String> choices) {
    /** A key and an open brace with no closing one after it: {@code WSARecv: { socket: S1, }. */
    private static final Pattern STEP_BRACE = Pattern.compile("([A-Za-z_]\\w*)\\s*:\\s*\\{[^}]*$");
    private static final Pattern OPEN_BRACE = Pattern.compile("\\{[^}]*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s*$");

    public Completion {
        choices = List.copyOf(choices);
    }

    /** The completion at {@code caret} of {@code text}. */
    public static Completion at(String text, int caret) {
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        int from = caret;
        while (from > lineStart && isWordChar(text.charAt(from - 1))) {
            from--;
        }
        String prefix = text.substring(from, caret);
        String before = text.substring(lineStart, from);
        return new Completion(from, caret, fitting(candidates(text, lineStart, before), prefix));
    }

    private static List<String> candidates(String text, int lineStart, String before) {
        Matcher step = STEP_BRACE.matcher(before);
        String section = section(text, lineStart);
        if (step.find()) {
            List<String> args = Vocabulary.arguments(step.group(1));
            if (!args.isEmpty()) {
                return args;
            }
            return Vocabulary.entryKeys(section);
        }
        if (OPEN_BRACE.matcher(before).find()) {
            return Vocabulary.entryKeys(section);
        }
        if (before.isEmpty()) {
            return Vocabulary.keys();
        }
        if ("threads".equals(section) && LIST_ITEM.matcher(before).matches()) {
            return Vocabulary.steps();
        }
        if ("echo".equals(section) && before.isBlank()) {
            return Vocabulary.entryKeys("echo");
        }
        return List.of();
    }

    /** The top-level key whose block the line starting at {@code lineStart} is in, or "" at the top. */
    static String section(String text, int lineStart) {
        int end = lineStart - 1;
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end);
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '#') {
                int colon = line.indexOf(':');
                return colon < 0 ? "" : line.substring(0, colon).trim();
            }
            end = start - 1;
        }
        return "";
    }

    private static List<String> fitting(List<String> words, String prefix) {
        return words.stream().filter(w -> w.regionMatches(true, 0, prefix, 0, prefix.length()) && !w.equals(prefix))
                .toList();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
