package io.iocplab.lesson;

import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.scenario.OneLine;
import io.iocplab.scenario.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The values of a lesson file, read one YAML node at a time: texts in two languages, names the scenario
 * declares, whole numbers, times, maps with their keys checked. Every reader of the lesson file
 * ({@link LessonLoader}, {@link StepReader}, {@link CueReader}, {@link PredictionReader}, {@link SweepReader})
 * reads through one of these and adds its problems to it.
 *
 * <p>Rule: a value that is wrong is reported as a {@link Problem} at its node's line and column (1-based) with
 * its path in the file ({@code steps[2].at.thread: ...}), and the reader gets null (or 0) back and goes on, so
 * one pass reports everything wrong with the file. A reader knows whether its part was read cleanly by
 * comparing {@link #count()} before and after.
 */
final class Fields {
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+|0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    Fields(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** How many problems have been found so far. */
    int count() {
        return problems.size();
    }

    List<Problem> problems() {
        return problems;
    }

    // ------------------------------------------------------------------ texts

    /** A text in both languages: a map with non-blank en and ko (and Korean in the ko one). */
    Text twoLanguages(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            add(n, path + ": expected a text in English and Korean, { en: ..., ko: ... }; got " + describe(n));
            return null;
        }
        int before = count();
        Map<String, NodeTuple> e = args(m, path, List.of("en", "ko"));
        String en = null;
        String ko = null;
        if (!e.containsKey("en")) {
            add(n, path + ": missing the English text (en)");
        } else {
            en = text(value(e, "en"), path + ".en", "the English text");
            if (en != null && en.isBlank()) {
                add(value(e, "en"), path + ".en: the English text is empty");
            }
        }
        if (!e.containsKey("ko")) {
            add(n, path + ": missing the Korean text (ko)");
        } else {
            ko = text(value(e, "ko"), path + ".ko", "the Korean text");
            if (ko != null && ko.isBlank()) {
                add(value(e, "ko"), path + ".ko: the Korean text is empty");
            } else if (ko != null && ko.codePoints().noneMatch(Fields::hangul)) {
                add(value(e, "ko"), path + ".ko: the Korean text has no Korean in it");
            }
        }
        controlCharacters(e, "en", path);
        controlCharacters(e, "ko", path);
        return count() > before ? null : new Text(en.strip(), ko.strip());
    }

    /**
     * A text is shown in the window and printed by {@code lessons show}: a control character in it (an ESC that
     * would drive the terminal, a carriage return that would overwrite a line) is a problem; newlines and tabs
     * are text.
     */
    private void controlCharacters(Map<String, NodeTuple> e, String key, String path) {
        String s = scalar(value(e, key));
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && OneLine.escaped(c)) {
                add(value(e, key), path + "." + key + ": contains the control character " + OneLine.of(String.valueOf(c))
                        + "; a text may hold newlines and tabs, nothing else that is not shown");
                return;
            }
        }
    }

    static boolean hangul(int cp) {
        return cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0x1100 && cp <= 0x11FF || cp >= 0x3130 && cp <= 0x318F;
    }

    /** A scalar; {@code expected} says what it should have been when it is not one. */
    String text(Node n, String path, String expected) {
        String s = scalar(n);
        if (s == null) {
            add(n, path + ": expected " + expected + ", got " + describe(n));
        }
        return s;
    }

    /** A name of a {@code kind} (thread, port, socket) that must be among {@code declared} (unless null). */
    String name(Node n, String path, String kind, Set<String> declared) {
        String s = text(n, path, "the name of a " + kind);
        if (s != null && declared != null && !declared.contains(s)) {
            add(n, path + ": unknown " + kind + " '" + s + "' (the scenario's " + kind + "s: "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
        }
        return s;
    }

    /** One of the {@code allowed} words, or null. */
    String oneOf(Node n, String path, String what, List<String> allowed) {
        String s = text(n, path, "a " + what + ": one of " + String.join(", ", allowed));
        if (s != null && !allowed.contains(s)) {
            add(n, path + ": unknown " + what + " '" + s + "' (expected one of " + String.join(", ", allowed) + ")");
            return null;
        }
        return s;
    }

    // ------------------------------------------------------------------ numbers

    Boolean bool(Node n, String path) {
        String s = scalar(n);
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        add(n, path + ": expected true or false, got " + describe(n));
        return null;
    }

    /** A whole number, decimal or 0x hexadecimal, in [min, max]. */
    long whole(Node n, String path, long min, long max) {
        String s = scalar(n);
        if (s == null || !WHOLE.matcher(s).matches()) {
            add(n, path + ": expected a whole number, got " + describe(n));
            return 0;
        }
        long v;
        try {
            v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            add(n, path + ": " + s + " is out of range (expected " + min + " to " + max + ")");
        }
        return v;
    }

    /** A time written in milliseconds (up to 3 decimals kept), as microseconds. */
    long timeUs(Node n, String path) {
        String s = scalar(n);
        if (s == null || !isTime(s) || s.length() > 15) {
            add(n, path + ": expected a time in milliseconds (0 or more), got " + describe(n));
            return 0;
        }
        return new BigDecimal(s).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Whether a scalar is a time in milliseconds as a lesson writes it: digits, maybe a fraction. */
    static boolean isTime(String s) {
        return DECIMAL.matcher(s).matches();
    }

    // ------------------------------------------------------------------ maps

    /** A map's entries by key, reporting duplicates and non-text keys. */
    Map<String, NodeTuple> entries(MappingNode map, String path) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            String where = path.isEmpty() ? "" : path + ": ";
            if (key == null) {
                add(t.getKeyNode(), where + "expected a name as key, got " + describe(t.getKeyNode()));
            } else if (out.containsKey(key)) {
                int first = out.get(key).getKeyNode().getStartMark().map(mk -> mk.getLine() + 1).orElse(0);
                add(t.getKeyNode(), (path.isEmpty() ? key : path + "." + key) + ": written twice (first on line "
                        + first + ")");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    /** Entries, reporting every key not in {@code allowed}. */
    Map<String, NodeTuple> args(MappingNode map, String path, List<String> allowed) {
        Map<String, NodeTuple> e = entries(map, path);
        for (NodeTuple t : e.values()) {
            String key = scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                add(t.getKeyNode(), path + ": unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")");
            }
        }
        return e;
    }

    /** The value of a key that must be there; reports it missing at {@code owner} otherwise. */
    Node required(Map<String, NodeTuple> e, String key, Node owner, String path, String expected) {
        NodeTuple t = e.get(key);
        if (t == null) {
            add(owner, (path.isEmpty() ? "" : path + ": ") + "missing '" + key + "' (expected " + expected + ")");
            return null;
        }
        return t.getValueNode();
    }

    static Node value(Map<String, NodeTuple> e, String key) {
        NodeTuple t = e.get(key);
        return t == null ? null : t.getValueNode();
    }

    // ------------------------------------------------------------------ problems and positions

    void add(Node at, String message) {
        add(at == null ? null : at.getStartMark().orElse(null), message);
    }

    void add(Mark mark, String message) {
        add(mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message);
    }

    void add(int line, int column, String message) {
        problems.add(new Problem(file, line, column, message));
    }

    static Pos pos(Node n) {
        return n == null ? Pos.NONE : n.getStartMark().map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1))
                .orElse(Pos.NONE);
    }



}
