package io.iocplab.scenario;

import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.isNull;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.sim.Step;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads values out of YAML nodes the way scenario files write them, reporting a problem for every
 * value that is not what was expected. Each reader returns a placeholder (null, 0) after reporting,
 * so a caller learns about failure by {@link Problems#count()} and can go on checking the rest.
 *
 * <p>Scalars are read from their raw text, never from YAML's own typing: {@code 0x1} stays the text
 * "0x1" where a label is expected, and numbers are read by the rules below, not by a YAML schema.
 * Times are milliseconds with optional decimals, stored as microseconds rounded half up; whole numbers
 * are decimal or 0x hexadecimal.
 */
final class Nodes {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+|0[xX][0-9a-fA-F]+");
    /** About 31 years of virtual time: beyond that a number is a typo, not a time. */
    private static final long MAX_TIME_US = 1_000_000_000_000_000L;

    private final Problems problems;

    Nodes(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }




    /**
     * The entries of a map by key text, in file order. Reports keys that are not plain text and
     * keys written twice (the second one is ignored).
     */
    Map<String, NodeTuple> entries(MappingNode map, String path) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null) {
                problems.add(t.getKeyNode(), at(path) + "expected a name as key, got " + describe(t.getKeyNode()));
            } else if (out.containsKey(key)) {
                int first = out.get(key).getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
                problems.add(t.getKeyNode(), join(path, key) + ": written twice (first on line " + first + ")");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    /** The node as a map; null for YAML null when {@code nullOk}; otherwise reports and returns null. */
    MappingNode map(Node n, String path, String expected, boolean nullOk) {
        if (n instanceof MappingNode m) {
            return m;
        }
        if (!(nullOk && isNull(n))) {
            problems.add(n, path + ": expected " + expected + ", got " + describe(n));
        }
        return null;
    }

    /** The items of a list; an empty list for YAML null when {@code nullOk}; otherwise reports. */
    List<Node> list(Node n, String path, String expected, boolean nullOk) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        if (!(nullOk && isNull(n))) {
            problems.add(n, path + ": expected " + expected + ", got " + describe(n));
        }
        return List.of();
    }

    /** Any non-null scalar's raw text. */
    String text(Node n, String path, String expected) {
        String s = scalar(n);
        if (s == null) {
            problems.add(n, path + ": expected " + expected + ", got " + describe(n));
        }
        return s;
    }

    /** A time in ms (decimals allowed) as µs, at least {@code minUs}; {@code INFINITE} when allowed. */
    long timeUs(Node n, String path, long minUs, boolean infiniteOk) {
        String expected = infiniteOk ? "a time in milliseconds or INFINITE" : "a time in milliseconds";
        String s = scalar(n);
        if (infiniteOk && "INFINITE".equals(s)) {
            return Step.INFINITE;
        }
        if (s == null || !DECIMAL.matcher(s).matches()) {
            problems.add(n, path + ": expected " + expected + ", got " + describe(n));
            return 0;
        }
        if (s.startsWith("-")) {
            problems.add(n, path + ": negative time '" + s + "' (expected " + expected + ", 0 or more)");
            return 0;
        }
        BigDecimal us = new BigDecimal(s).movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        if (us.compareTo(BigDecimal.valueOf(MAX_TIME_US)) > 0) {
            problems.add(n, path + ": time '" + s + "' is too large (at most " + MAX_TIME_US / 1000 + " ms)");
            return 0;
        }
        long value = us.longValueExact();
        if (value < minUs) {
            problems.add(n, path + ": time '" + s + "' is too small (at least "
                    + BigDecimal.valueOf(minUs).movePointLeft(3).stripTrailingZeros().toPlainString() + " ms)");
        }
        return value;
    }

    /** A whole number (decimal or 0x hex) from min to max. */
    long whole(Node n, String path, long min, long max) {
        String s = scalar(n);
        String expected = "a whole number from " + min + " to " + max;
        if (s == null || !WHOLE.matcher(s).matches()) {
            problems.add(n, path + ": expected " + expected + " (decimal or 0x hex), got " + describe(n));
            return 0;
        }
        BigInteger v = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.substring(2), 16)
                : new BigInteger(s);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(n, path + ": " + s + " is out of range (expected " + expected + ")");
            return 0;
        }
        return v.longValueExact();
    }

    /** true or false. */
    boolean bool(Node n, String path) {
        String s = scalar(n);
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s);
        }
        problems.add(n, path + ": expected true or false, got " + describe(n));
        return false;
    }

    /**
     * A name of something declared in the file (a thread, port, socket). {@code declared} null means the
     * declarations could not be read, so no name is questioned (one mistake, one problem).
     */
    String name(Node n, String path, String kind, Collection<String> declared) {
        String s = text(n, path, "the name of a " + kind);
        if (s != null && declared != null && !declared.contains(s)) {
            problems.add(n, path + ": unknown " + kind + " '" + s + "'" + knownNames(s, kind, declared));
        }
        return s;
    }

    /** " (did you mean X?)", or the list of declared names, or that there are none. */
    static String knownNames(String word, String kind, Collection<String> declared) {
        if (declared.isEmpty()) {
            return " (the file declares no " + kind + "s)";
        }
        String hint = Suggest.hint(word, declared);
        return hint.isEmpty() ? " (" + kind + "s: " + String.join(", ", declared) + ")" : hint;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
