package io.iocplab.lesson.read;

import io.iocplab.lesson.Lesson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A scenario as a small tree that homework and the knobs of a "make it happen" step can change and write back as
 * YAML a student can run: {@link Mapping}s in file order, {@link Sequence}s, and {@link Scalar}s with their raw
 * text. Scalars keep their text exactly (no YAML typing): {@code 0x1} stays {@code 0x1}; a scalar that was quoted
 * stays quoted. The containers change in place; {@link #copy()} makes an independent tree.
 */
public sealed interface YamlTree {
    /** A deep copy. */
    YamlTree copy();

    /** A scalar: its raw text, and whether it was written plain (unquoted). */
    record Scalar(String value, boolean plain) implements YamlTree {
        public static Scalar of(String value) {
            return new Scalar(value, true);
        }

        @Override
        public Scalar copy() {
            return this;
        }
    }

    /** A list, in order. */
    record Sequence(List<YamlTree> items) implements YamlTree {
        public Sequence() {
            this(new ArrayList<>());
        }

        @Override
        public Sequence copy() {
            Sequence out = new Sequence();
            items.forEach(i -> out.items().add(i.copy()));
            return out;
        }
    }

    /** A map, in the file's order. */
    record Mapping(Map<String, YamlTree> entries) implements YamlTree {
        public Mapping() {
            this(new LinkedHashMap<>());
        }

        @Override
        public Mapping copy() {
            Mapping out = new Mapping();
            entries.forEach((k, v) -> out.entries().put(k, v.copy()));
            return out;
        }

        public YamlTree get(String key) {
            return entries.get(key);
        }

        /** The value of {@code key} when it is a map, else null. */
        public Mapping mapping(String key) {
            return entries.get(key) instanceof Mapping m ? m : null;
        }

        /** The value of {@code key} when it is a list, else null. */
        public Sequence sequence(String key) {
            return entries.get(key) instanceof Sequence s ? s : null;
        }

        /** The text of {@code key} when it is a scalar, else null. */
        public String scalar(String key) {
            return entries.get(key) instanceof Scalar s ? s.value() : null;
        }

        public void put(String key, YamlTree value) {
            entries.put(key, value);
        }

        /** Sets {@code key} to a plain scalar. */
        public void put(String key, String value) {
            entries.put(key, Scalar.of(value));
        }

        /** The only key of a one-key map (a program step: {@code Sleep: 5}), or null. */
        public String onlyKey() {
            return entries.size() == 1 ? entries.keySet().iterator().next() : null;
        }
    }

    /** The tree of a YAML node. */
    static YamlTree of(Node n) {
        if (n instanceof MappingNode m) {
            Mapping out = new Mapping();
            for (NodeTuple t : m.getValue()) {
                out.entries().put(((ScalarNode) t.getKeyNode()).getValue(), of(t.getValueNode()));
            }
            return out;
        }
        if (n instanceof SequenceNode s) {
            Sequence out = new Sequence();
            for (Node item : s.getValue()) {
                out.items().add(of(item));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) n;
        return new Scalar(s.getValue(), s.isPlain());
    }

    /** The tree of a lesson's {@code scenario:} block (its text with the rest of the file blanked out). */
    static Mapping scenarioOf(Lesson lesson) {
        Node root = new Compose(LoadSettings.builder().build()).composeString(lesson.scenarioText()).orElseThrow();
        return (Mapping) of(root);
    }

    /** The tree as a YAML document: block style at the top, flow style where a value fits on its line. */
    static String write(Mapping root) {
        StringBuilder sb = new StringBuilder();
        Writer.block(sb, root, 0);
        return sb.toString();
    }

    /** Writing a tree as YAML text. */
    final class Writer {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+\\-]*");
        private static final int WIDTH = 100;

        private Writer() {}

        private static void block(StringBuilder sb, YamlTree o, int indent) {
            String pad = "  ".repeat(indent);
            if (o instanceof Mapping m) {
                for (Map.Entry<String, YamlTree> e : m.entries().entrySet()) {
                    String head = pad + key(e.getKey()) + ":";
                    String flow = flow(e.getValue());
                    if (e.getValue() instanceof Scalar
                            || indent > 0 && head.length() + 1 + flow.length() <= WIDTH && !hasListOfMaps(e.getValue())) {
                        sb.append(head).append(' ').append(flow).append('\n');
                    } else {
                        sb.append(head).append('\n');
                        block(sb, e.getValue(), indent + 1);
                    }
                }
            } else if (o instanceof Sequence l) {
                for (YamlTree item : l.items()) {
                    if (item instanceof Mapping im && im.entries().size() == 1) {
                        Map.Entry<String, YamlTree> e = im.entries().entrySet().iterator().next();
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
        private static boolean hasListOfMaps(YamlTree o) {
            if (o instanceof Sequence l) {
                return l.items().stream().anyMatch(i -> !(i instanceof Scalar));
            }
            if (o instanceof Mapping m) {
                return m.entries().values().stream().anyMatch(Writer::hasListOfMaps);
            }
            return false;
        }

        public static String flow(YamlTree o) {
            if (o instanceof Mapping m) {
                if (m.entries().isEmpty()) {
                    return "{}";
                }
                List<String> parts = new ArrayList<>();
                m.entries().forEach((k, v) -> parts.add(key(k) + ": " + flow(v)));
                return "{ " + String.join(", ", parts) + " }";
            }
            if (o instanceof Sequence l) {
                List<String> parts = new ArrayList<>();
                for (YamlTree item : l.items()) {
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
}
