package io.iocplab.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a YAML text, of the kinds a hand, an editor or an attacker makes: spans deleted, lines
 * deleted, doubled, swapped or re-indented, YAML punctuation, anchors, aliases and tags inserted, numbers replaced
 * by boundary values, names swapped, control characters and escape sequences, very long values, deep nesting,
 * alias bombs. One to four mutations per text; the same seed always gives the same text.
 */
final class Mutator {
    private static final List<String> TOKENS = List.of(":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ",
            "!!binary ", "!java.lang.Runtime ", "'", "\"", "\n", "\t", "\u001b[2J", "\u001b]0;x\u0007", "\u0000", "#", "~",
            "null", "forever", "INFINITE", "-1", "0", "0x7fffffffffffffff", "99999999999999999999", "1e9", "0.0000001",
            "é", "한", "\uFEFF", "\r", "%YAML 1.2\n", "---\n", "...\n", "? ", "|\n", ">-\n", "<<: ",
            "Loop: { times: forever, steps: [] }", "{ Loop: { times: 0, steps: [ Sleep: 1 ] } }", "close: reset",
            "send: \"x\\ny\"", "buffers: [0]", "key: 0", "until: 1");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "255", "256", "1023", "1024", "1025", "2048",
            "2049", "65536", "2147483647", "2147483648", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "0x0", "0xFFFFFFFF", "1.5", "0.001", "0.0005", "1000000000", "-0", "007");

    private Mutator() {}

    static String mutate(String text, SplittableRandom r) {
        String t = text;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            t = once(t, r);
        }
        return t;
    }

    private static String once(String t, SplittableRandom r) {
        if (t.isEmpty()) {
            return TOKENS.get(r.nextInt(TOKENS.size()));
        }
        List<String> lines = List.of(t.split("\n", -1));
        int at = r.nextInt(t.length() + 1);
        switch (r.nextInt(12)) {
            case 0 -> {                                                       // delete a span
                int end = Math.min(t.length(), at + 1 + r.nextInt(20));
                return t.substring(0, at) + t.substring(end);
            }
            case 1 -> {                                                       // insert a token
                return t.substring(0, at) + TOKENS.get(r.nextInt(TOKENS.size())) + t.substring(at);
            }
            case 2 -> {                                                       // a number becomes a boundary value
                var m = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(t);
                List<int[]> spans = new java.util.ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (spans.isEmpty()) {
                    return t;
                }
                int[] s = spans.get(r.nextInt(spans.size()));
                return t.substring(0, s[0]) + NUMBERS.get(r.nextInt(NUMBERS.size())) + t.substring(s[1]);
            }
            case 3 -> {                                                       // a word becomes another word of the text
                String[] words = t.split("[^A-Za-z0-9_]+");
                String a = words[r.nextInt(words.length)];
                String b = words[r.nextInt(words.length)];
                return a.isEmpty() ? t : t.replaceFirst("\\b" + java.util.regex.Pattern.quote(a) + "\\b",
                        java.util.regex.Matcher.quoteReplacement(b));
            }
            case 4 -> {                                                       // delete a line
                List<String> l = new java.util.ArrayList<>(lines);
                l.remove(r.nextInt(l.size()));
                return String.join("\n", l);
            }
            case 5 -> {                                                       // double a line
                List<String> l = new java.util.ArrayList<>(lines);
                int i = r.nextInt(l.size());
                l.add(i, l.get(i));
                return String.join("\n", l);
            }
            case 6 -> {                                                       // swap two lines
                List<String> l = new java.util.ArrayList<>(lines);
                java.util.Collections.swap(l, r.nextInt(l.size()), r.nextInt(l.size()));
                return String.join("\n", l);
            }
            case 7 -> {                                                       // re-indent a line
                List<String> l = new java.util.ArrayList<>(lines);
                int i = r.nextInt(l.size());
                l.set(i, r.nextBoolean() ? "  " + l.get(i) : l.get(i).replaceFirst("^ {1,2}", ""));
                return String.join("\n", l);
            }
            case 8 -> {                                                       // a very long value
                return t.substring(0, at) + "x".repeat(1 + r.nextInt(200_000)) + t.substring(at);
            }
            case 9 -> {                                                       // deep nesting
                int depth = 1 + r.nextInt(3_000);
                return t.substring(0, at) + "[".repeat(depth) + "]".repeat(depth) + t.substring(at);
            }
            case 10 -> {                                                      // an alias bomb in a thread
                StringBuilder b = new StringBuilder("\nthreads:\n  X0: &b0 [ Sleep: 1, Sleep: 1, Sleep: 1, Sleep: 1 ]\n");
                int levels = 2 + r.nextInt(9);
                for (int k = 1; k <= levels; k++) {
                    b.append("  X").append(k).append(": &b").append(k).append(" [ ")
                            .append(String.join(", ", java.util.Collections.nCopies(4,
                                    "{ Loop: { times: 2, steps: *b" + (k - 1) + " } }"))).append(" ]\n");
                }
                return t + b;
            }
            default -> {                                                      // a random character
                char c = (char) (r.nextInt(4) == 0 ? r.nextInt(0x20) : 0x20 + r.nextInt(0x2FF));
                return t.substring(0, at) + c + t.substring(at);
            }
        }
    }
}
