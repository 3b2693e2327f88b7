package io.iocplab.app.editor;

import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Vocabulary;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The colours of a scenario file: the style classes of each stretch of its text, for the editor's code area.
 *
 * <p>Classes (styled in {@code editor.css}): {@code yaml-comment}; {@code yaml-section} (a top-level key),
 * {@code yaml-step} (a key or list item that is a step name), {@code yaml-key} (any other key);
 * {@code yaml-string}; {@code yaml-number}; {@code yaml-constant} ({@code true}, {@code null},
 * {@code INFINITE}, ...); and {@code yaml-problem} over the word where a problem of the loader is, on top of
 * its colour. Text in none of these has no class.
 */
public final class YamlColours {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<COMMENT>(?:^|(?<=\\s))#[^\\n]*)"
                    + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"
                    + "|(?<KEY>[A-Za-z_][\\w.]*)(?=\\s*:(?:\\s|$))"
                    + "|(?<CONSTANT>\\b(?:true|false|null|INFINITE|forever|graceful|reset)\\b)"
                    + "|(?<WORD>[A-Za-z_]\\w*)"
                    + "|(?<NUMBER>(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.]))",
            Pattern.MULTILINE);
    private static final Set<String> STEPS = Set.copyOf(Vocabulary.steps());

    private YamlColours() {}

    /** The style spans of {@code text}, with the places of {@code problems} marked. */
    public static StyleSpans<Collection<String>> of(String text, List<Problem> problems) {
        StyleSpans<Collection<String>> base = colours(text);
        if (problems.isEmpty()) {
            return base;
        }
        return base.overlay(marks(text, problems), (a, b) -> {
            if (b.isEmpty()) {
                return a;
            }
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return both;
        });
    }

    private static StyleSpans<Collection<String>> colours(String text) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = style(m, text);
            if (style == null) {
                continue;
            }
            spans.add(Collections.emptyList(), m.start() - last);
            spans.add(Collections.singleton(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }

    private static String style(Matcher m, String text) {
        if (m.group("COMMENT") != null) {
            return "yaml-comment";
        }
        if (m.group("STRING") != null) {
            return "yaml-string";
        }
        if (m.group("KEY") != null) {
            String key = m.group("KEY");
            if (STEPS.contains(key)) {
                return "yaml-step";
            }
            return m.start() == 0 || text.charAt(m.start() - 1) == '\n' ? "yaml-section" : "yaml-key";
        }
        if (m.group("CONSTANT") != null) {
            return "yaml-constant";
        }
        if (m.group("WORD") != null) {
            return STEPS.contains(m.group("WORD")) ? "yaml-step" : null;
        }
        return "yaml-number";
    }

    /** {@code yaml-problem} over the word each problem points at (at least one character, within its line). */
    private static StyleSpans<Collection<String>> marks(String text, List<Problem> problems) {
        boolean[] marked = new boolean[text.length()];
        for (Problem p : problems) {
            int[] range = range(text, p.line(), p.column());
            for (int i = range[0]; i < range[1]; i++) {
                marked[i] = true;
            }
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && marked[j] == marked[i]) {
                j++;
            }
            spans.add(marked[i] ? Collections.singleton("yaml-problem") : Collections.emptyList(), j - i);
            i = j;
        }
        if (text.isEmpty()) {
            spans.add(Collections.emptyList(), 0);
        }
        return spans.create();
    }

    /** The characters a problem at 1-based {@code line}:{@code column} marks: its word, or the line's end. */
    static int[] range(String text, int line, int column) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                start = text.length();
                break;
            }
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int from = Math.min(start + Math.max(0, column - 1), lineEnd);
        int to = from;
        while (to < lineEnd && " \t,:}]#".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to == from) {
            from = Math.max(start, Math.min(from, lineEnd - 1));
            to = Math.min(lineEnd, from + 1);
        }
        return new int[] {from, to};
    }
}
