package io.iocplab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A scenario as a plain tree (maps in file order, lists, scalars with their raw text) that homework
 * can change and write back as YAML a student can run. Scalars keep their text exactly (no YAML typing):
 * {@code 0x1} stays {@code 0x1}; a scalar that was quoted stays quoted.
 */
final class YamlTree {
    private YamlTree() {}

    /** A scalar: its raw text, and whether it was written plain (unquoted). */
    record Scalar(String value, boolean plain) {
        static Scalar of(String value) {
            return new Scalar(value, true);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+\\-]*");
    private static final int WIDTH = 100;

    static Object of(Node n) {
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                out.put(((ScalarNode) t.getKeyNode()).getValue(), of(t.getValueNode()));
            }
            return out;
        }
        if (n instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (Node item : s.getValue()) {
                out.add(of(item));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) n;
        return new Scalar(s.getValue(), s.isPlain());
    }

    /** Deep copy. */
    @SuppressWarnings("unchecked")
    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object item : l) {
                out.add(copy(item));
            }
            return out;
        }
        return o;
    }

    /** The tree as a YAML document: block style at the top, flow style where a value fits on its line. */
    static String write(Map<String, Object> root) {
        StringBuilder sb = new StringBuilder();
        block(sb, root, 0);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void block(StringBuilder sb, Object o, int indent) {
        String pad = "  ".repeat(indent);
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                String head = pad + key(e.getKey()) + ":";
                String flow = flow(e.getValue());
                if (!(e.getValue() instanceof Map || e.getValue() instanceof List)
                        || indent > 0 && head.length() + 1 + flow.length() <= WIDTH && !hasListOfMaps(e.getValue())) {
                    sb.append(head).append(' ').append(flow).append('\n');
                } else {
                    sb.append(head).append('\n');
                    block(sb, e.getValue(), indent + 1);
                }
            }
        } else if (o instanceof List<?> l) {
            for (Object item : l) {
                if (item instanceof Map<?, ?> im && im.size() == 1) {
                    Map.Entry<String, Object> e = ((Map<String, Object>) im).entrySet().iterator().next();
                    String head = pad + "- " + key(e.getKey()) + ":";
                    String flow = flow(e.getValue());
                    if (head.length() + 1 + flow.length() <= WIDTH && !hasListOfMaps(e.getValue())) {
                        sb.append(head).append(' ').append(flow).append('\n');
                    } else {
                        sb.append(head).append('\n');
                        block(sb, e.getValue(), indent + 2);
                    }
                } else {
                    sb.append(pad).append("- ").append(flow(item)).append('\n');
                }
            }
        } else {
            sb.append(pad).append(flow(o)).append('\n');
        }
    }

    /** Whether a value holds a list of steps (written in block style so it reads as a program). */
    private static boolean hasListOfMaps(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().anyMatch(i -> i instanceof Map || i instanceof List);
        }
        if (o instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(YamlTree::hasListOfMaps);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static String flow(Object o) {
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            List<String> parts = new ArrayList<>();
            ((Map<String, Object>) m).forEach((k, v) -> parts.add(key(k) + ": " + flow(v)));
            return "{ " + String.join(", ", parts) + " }";
        }
        if (o instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object item : l) {
                parts.add(flow(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        Scalar s = (Scalar) o;
        if (s.plain() && (s.value().isEmpty() || PLAIN.matcher(s.value()).matches())) {
            return s.value().isEmpty() ? "null" : s.value();
        }
        return quote(s.value());
    }

    private static String key(String k) {
        return PLAIN.matcher(k).matches() ? k : quote(k);
    }

    private static String quote(String v) {
        StringBuilder sb = new StringBuilder("\"");
        v.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02X", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
