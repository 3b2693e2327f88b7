package io.iocplab.scenario;

import io.iocplab.sim.event.PacketView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON writer for trace lines: values are written in the order they are given, strings are
 * escaped so that every line is valid JSON and stays one line.
 *
 * <p>Escaping: {@code "} and {@code \} get a backslash; newline, carriage return and tab are written
 * {@code \n}, {@code \r}, {@code \t}; every other control character below U+0020 as <code>&#92;u00XX</code>;
 * a lone surrogate (which UTF-8 cannot carry) as <code>&#92;uXXXX</code>. Everything else, non-ASCII included,
 * is written as is (the trace is UTF-8).
 *
 * <p>Values: null, String, Boolean, Number (integers as digits, finite floating point numbers by
 * {@code toString}), Enum (lower-case name), {@link PacketView} (as bytes, key, overlapped, status),
 * List, and Map with String keys in the map's own iteration order. Anything else is a programming
 * error and throws {@link IllegalArgumentException}: a trace is never written with a guessed value.
 */
final class Json {
    private final StringBuilder sb = new StringBuilder(256);
    private boolean first = true;

    Json() {
        sb.append('{');
    }

    /** Adds one field to the object being written. */
    Json field(String name, Object value) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        string(sb, name);
        sb.append(':');
        value(sb, value);
        return this;
    }

    /** The finished object, without a line end. */
    String end() {
        return sb.append('}').toString();
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof java.math.BigInteger) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("a trace value must be a finite number, not " + v);
            }
            sb.append(v);
        } else if (v instanceof Enum<?> e) {
            string(sb, e.name().toLowerCase(Locale.ROOT));
        } else if (v instanceof PacketView p) {
            packet(sb, p);
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean firstEntry = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a trace object key must be a string, not " + e.getKey());
                }
                if (!firstEntry) {
                    sb.append(',');
                }
                firstEntry = false;
                string(sb, key);
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " in a trace: " + v);
        }
    }

    static void packet(StringBuilder sb, PacketView p) {
        sb.append("{\"bytes\":").append(p.bytes()).append(",\"key\":").append(p.key()).append(",\"overlapped\":");
        value(sb, p.overlapped());
        sb.append(",\"status\":").append(p.status()).append('}');
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !pairedSurrogate(s, i)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Whether the surrogate at i is half of a valid pair (and so a real character). */
    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
