package io.iocplab.scenario;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The named arguments of one step (or of one socket or peer entry): a map whose allowed keys are known
 * up front. Building it reports every key that is not allowed (with the closest allowed one);
 * {@link #required} reports a missing key at the step itself.
 */
final class Args {
    private final Node owner;
    private final String path;
    private final Map<String, NodeTuple> entries;
    private final Problems problems;

    /**
     * @param owner   the node a "missing" problem points at (the step)
     * @param path    the key path of the step, e.g. {@code threads.T1[2].Sleep}
     * @param map     the arguments, or null when the step has none
     * @param allowed every argument name the step takes
     */
    Args(Node owner, String path, MappingNode map, List<String> allowed, Nodes nodes) {
        this.owner = owner;
        this.path = path;
        this.problems = nodes.problems();
        this.entries = map == null ? Map.of() : nodes.entries(map, path);
        for (NodeTuple t : entries.values()) {
            String key = YamlValues.scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                String hint = Suggest.hint(key, allowed);
                problems.add(t.getKeyNode(), path + ": unknown argument '" + key + "'" + (hint.isEmpty()
                        ? (allowed.isEmpty() ? " (it takes none)" : " (expected " + String.join(", ", allowed) + ")")
                        : hint));
            }
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value written for {@code key} (possibly a YAML null), or null when the key is absent. */
    Node optional(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** The value written for {@code key}; reports it missing, saying what was expected, when absent. */
    Node required(String key, String expected) {
        Node n = optional(key);
        if (n == null) {
            missing(key, "expected " + expected);
        }
        return n;
    }

    void missing(String key, String why) {
        problems.add(owner, path + ": missing argument '" + key + "' (" + why + ")");
    }

    /** The key path of one argument, e.g. {@code threads.T1[2].GetQueuedCompletionStatus.timeout}. */
    String path(String key) {
        return path + "." + key;
    }

    String path() {
        return path;
    }

    Node owner() {
        return owner;
    }
}
