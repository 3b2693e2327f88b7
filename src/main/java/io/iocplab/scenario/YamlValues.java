package io.iocplab.scenario;

import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * What a YAML value is, read from its node the same way by scenario files and lesson files: whether
 * it is null, its raw text, and how a message names it. Scalars are read from their raw text, never
 * from YAML's own typing.
 */
public final class YamlValues {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private YamlValues() {}

    /** A YAML null: {@code ~}, {@code null} (any of its spellings), an empty value or a {@code !!null}. */
    public static boolean isNull(Node n) {
        return n instanceof ScalarNode s
                && (Tag.NULL.equals(s.getTag()) || s.isPlain() && NULLS.contains(s.getValue()));
    }

    /** The raw text of a non-null scalar, or null for anything else. */
    public static String scalar(Node n) {
        return n instanceof ScalarNode s && !isNull(n) ? s.getValue() : null;
    }

    /** How a value reads in a message: 'text' (cut at 40), nothing, a map, a list. */
    public static String describe(Node n) {
        if (n == null || isNull(n)) {
            return "nothing";
        }
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
        }
        return n instanceof MappingNode ? "a map" : "a list";
    }
}
