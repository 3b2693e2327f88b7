package io.iocplab.lesson.read;

import static io.iocplab.lesson.read.Fields.pos;
import static io.iocplab.lesson.read.Fields.value;
import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.isNull;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.lesson.Goal;
import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.Knob;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.read.YamlTree.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a step's {@code goal:} ({@link GoalExercise}): what to reach ({@code reach: { overshoot: P }}), the knobs
 * ({@link Knob}), the author's hint and why. Each knob's starting value is read from the scenario itself (the
 * value the lesson runs with), which must be among the knob's values; a {@code solution:} must be among them too.
 */
final class GoalReader {
    static final List<String> GOAL_KEYS = List.of("reach", "knobs", "hint", "explain");
    static final List<String> KNOB_KINDS = List.of("cpus", "concurrency", "threads", "step", "peer");
    private static final List<String> FIELDS = List.of("at", "close");

    private final Fields f;
    private final ScenarioNames names;
    private final Citations citations;
    private final Mapping tree;

    /** @param tree the scenario as a tree (where the knobs' starting values are read), or null when it is wrong */
    GoalReader(Fields f, ScenarioNames names, Citations citations, Mapping tree) {
        this.f = f;
        this.names = names;
        this.citations = citations;
        this.tree = tree;
    }

    GoalExercise read(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            f.add(n, path + ": expected { reach: ..., knobs: [...], hint: { en, ko }, explain: { en, ko } }, got "
                    + describe(n));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, path, GOAL_KEYS);
        Node reach = f.required(e, "reach", m, path, "the goal: one of " + Goal.kinds());
        Goal goal = reach == null ? null : goal(reach, path + ".reach");
        Node knobsNode = f.required(e, "knobs", m, path, "what the student may change, e.g. [{ concurrency: [0, 1, 2] }]");
        List<Knob> knobs = new ArrayList<>();
        if (knobsNode instanceof SequenceNode s && !s.getValue().isEmpty()) {
            for (int i = 0; i < s.getValue().size(); i++) {
                Knob k = knob(s.getValue().get(i), path + ".knobs[" + i + "]");
                if (k != null) {
                    knobs.add(k);
                }
            }
        } else if (knobsNode != null) {
            f.add(knobsNode, path + ".knobs: expected a list of knobs (" + String.join(", ", KNOB_KINDS) + "), got "
                    + describe(knobsNode));
        }
        Text hint = text(e, m, path, "hint", "the hint shown after a run that misses the goal");
        Text explain = text(e, m, path, "explain", "the author's why, shown when the goal is reached");
        if (f.count() > before) {
            return null;
        }
        return new GoalExercise(goal, knobs, hint, explain, pos(n));
    }

    private Text text(Map<String, NodeTuple> e, MappingNode m, String path, String key, String expected) {
        Node t = f.required(e, key, m, path, expected + ", { en: ..., ko: ... }");
        return t == null ? null : citations.read(t, f.twoLanguages(t, path + "." + key), path + "." + key, true);
    }

    /** {@code overshoot: P}, {@code queued-while-waiting: P} (the port may be left out with one port), {@code clean-exit}. */
    private Goal goal(Node n, String path) {
        String kind = n instanceof MappingNode m && m.getValue().size() == 1 ? scalar(m.getValue().get(0).getKeyNode())
                : scalar(n);
        Node portNode = n instanceof MappingNode m && m.getValue().size() == 1 ? m.getValue().get(0).getValueNode() : null;
        if ("clean-exit".equals(kind)) {
            if (portNode != null && !isNull(portNode)) {
                f.add(n, path + ": clean-exit is about the whole machine: write reach: clean-exit");
            }
            return new Goal.CleanExit();
        }
        if (!"overshoot".equals(kind) && !"queued-while-waiting".equals(kind)) {
            f.add(n, path + ": unknown goal " + describe(n) + " (expected " + Goal.kinds() + ")");
            return null;
        }
        String port = port(portNode, n, path + "." + kind);
        if (port == null) {
            return null;
        }
        return kind.equals("overshoot") ? new Goal.Overshoot(port) : new Goal.QueuedWhileWaiting(port);
    }

    /** A port named at {@code n}, or the only one when {@code n} is missing. */
    private String port(Node n, Node owner, String path) {
        if (n == null || isNull(n)) {
            if (names.ports() != null && names.ports().size() != 1) {
                f.add(owner, path + ": needs a port (the scenario has " + names.ports().size() + " ports)");
                return null;
            }
            return names.ports() == null ? null : names.ports().iterator().next();
        }
        return f.name(n, path, "port", names.ports());
    }

    // ------------------------------------------------------------------ knobs

    private Knob knob(Node n, String path) {
        if (!(n instanceof MappingNode m) || m.getValue().isEmpty()) {
            f.add(n, path + ": expected a knob, e.g. { cpus: [1, 2, 4] } or { step: { thread: T1, at: 2 }, values: "
                    + "[0, 5] }; got " + describe(n));
            return null;
        }
        String kind = scalar(m.getValue().get(0).getKeyNode());
        if (kind == null || !KNOB_KINDS.contains(kind)) {
            f.add(m.getValue().get(0).getKeyNode(), path + ": unknown knob " + describe(m.getValue().get(0).getKeyNode())
                    + " (expected " + String.join(", ", KNOB_KINDS) + ")");
            return null;
        }
        boolean named = kind.equals("step") || kind.equals("peer") || kind.equals("concurrency")
                && m.getValue().get(0).getValueNode() instanceof MappingNode;
        Map<String, NodeTuple> e = f.args(m, path, named ? List.of(kind, "values", "solution") : List.of(kind, "solution"));
        Node what = value(e, kind);
        Node valuesNode = named ? f.required(e, "values", m, path, "the values the student may choose") : what;
        if (kind.equals("concurrency") && named) {
            Map<String, NodeTuple> c = f.args((MappingNode) what, path + ".concurrency", List.of("port"));
            Node p = f.required(c, "port", what, path + ".concurrency", "the port");
            String port = p == null ? null : f.name(p, path + ".concurrency.port", "port", names.ports());
            return port == null ? null : concurrency(port, m, e, valuesNode, path);
        }
        return switch (kind) {
            case "cpus" -> {
                String initial = tree == null ? null : orDefault(tree.scalar("cpus"), Integer.toString(io.iocplab.scenario.Scenario.DEFAULT_CPUS));
                List<String> values = values(valuesNode, path + ".cpus", initial);
                yield values == null ? null : new Knob.Cpus(values, initial, solution(e, values, path), pos(n));
            }
            case "concurrency" -> {
                String port = port(null, m, path + ".concurrency");
                yield port == null ? null : concurrency(port, m, e, valuesNode, path);
            }
            case "threads" -> {
                String initial = tree == null ? null : Integer.toString(ScenarioTree.workers(tree).size());
                if (initial != null && initial.equals("0")) {
                    f.add(what, path + ".threads: the scenario has no worker thread (a thread whose program starts "
                            + "with GetQueuedCompletionStatus) to add or take away");
                    yield null;
                }
                List<String> values = values(valuesNode, path + ".threads", initial);
                yield values == null ? null : new Knob.Workers(values, initial, solution(e, values, path), pos(n));
            }
            case "step" -> step(what, e, valuesNode, path, n);
            default -> peer(what, e, valuesNode, path, n);
        };
    }

    private Knob concurrency(String port, MappingNode m, Map<String, NodeTuple> e, Node valuesNode, String path) {
        Mapping ports = tree == null ? null : ScenarioTree.ports(tree);
        String initial = ports == null ? null : ports.mapping(port) == null ? "0"
                : orDefault(ports.mapping(port).scalar("concurrency"), "0");
        List<String> values = values(valuesNode, path + ".concurrency", initial);
        return values == null ? null : new Knob.Concurrency(port, values, initial, solution(e, values, path), pos(m));
    }

    /** {@code step: { thread: T1, at: 2, arg: timeout }}: the step's argument in the scenario is the starting value. */
    private Knob step(Node what, Map<String, NodeTuple> e, Node valuesNode, String path, Node n) {
        if (!(what instanceof MappingNode wm)) {
            f.add(what, path + ".step: expected { thread: T1, at: 2 } (and arg: NAME for a step with named arguments)");
            return null;
        }
        Map<String, NodeTuple> w = f.args(wm, path + ".step", List.of("thread", "at", "arg"));
        Node t = f.required(w, "thread", wm, path + ".step", "the thread");
        Node at = f.required(w, "at", wm, path + ".step", "the step's number in the thread's listing (0 first)");
        String thread = t == null ? null : f.name(t, path + ".step.thread", "thread", names.threads());
        int index = at == null ? -1 : (int) f.whole(at, path + ".step.at", 0, 10_000);
        String arg = w.containsKey("arg") ? f.text(value(w, "arg"), path + ".step.arg", "an argument's name") : null;
        if (thread == null || index < 0 || tree == null) {
            return null;
        }
        ScenarioTree.StepRef ref = ScenarioTree.stepAt(tree, thread, index);
        if (ref == null) {
            f.add(at, path + ".step.at: " + thread + "'s program has no step " + index);
            return null;
        }
        String api = ref.step().onlyKey();
        YamlTree argument = ref.step().get(api);
        String initial = arg == null ? (argument instanceof YamlTree.Scalar s ? s.value() : null)
                : argument instanceof Mapping am ? am.scalar(arg) : null;
        if (initial == null) {
            f.add(at, path + ".step: " + thread + "'s step " + index + " (" + api + ") has no "
                    + (arg == null ? "single value (name its argument: arg: NAME)" : "argument " + arg + " written in the "
                    + "scenario (write it there: it is where the knob starts)"));
            return null;
        }
        List<String> values = values(valuesNode, path + ".values", initial);
        return values == null ? null
                : new Knob.StepArg(thread, index, api, arg, values, initial, solution(e, values, path), pos(n));
    }

    /** {@code peer: { socket: S, action: 1, field: close }}: the action's field in the scenario is the starting value. */
    private Knob peer(Node what, Map<String, NodeTuple> e, Node valuesNode, String path, Node n) {
        if (!(what instanceof MappingNode wm)) {
            f.add(what, path + ".peer: expected { socket: S, action: 0 } (and field: at or close)");
            return null;
        }
        Map<String, NodeTuple> w = f.args(wm, path + ".peer", List.of("socket", "action", "field"));
        Node s = f.required(w, "socket", wm, path + ".peer", "the socket whose client acts");
        Node a = f.required(w, "action", wm, path + ".peer", "the action's number in the client's list (0 first)");
        String socket = s == null ? null : f.name(s, path + ".peer.socket", "socket", names.sockets());
        int action = a == null ? -1 : (int) f.whole(a, path + ".peer.action", 0, 10_000);
        String field = w.containsKey("field") ? f.oneOf(value(w, "field"), path + ".peer.field", "field", FIELDS) : "at";
        if (socket == null || action < 0 || field == null || tree == null) {
            return null;
        }
        Mapping peers = tree.mapping("peers");
        YamlTree.Sequence actions = peers == null ? null : peers.sequence(socket);
        String initial = actions != null && action < actions.items().size()
                && actions.items().get(action) instanceof Mapping am ? am.scalar(field) : null;
        if (initial == null) {
            f.add(a, path + ".peer: the client of " + socket + " has no action " + action + " with " + field);
            return null;
        }
        List<String> values = values(valuesNode, path + ".values", initial);
        return values == null ? null
                : new Knob.PeerAction(socket, action, field, values, initial, solution(e, values, path), pos(n));
    }

    /** A list of 2 or more distinct scalars, the scenario's own value among them. */
    private List<String> values(Node n, String path, String initial) {
        if (!(n instanceof SequenceNode s) || s.getValue().size() < 2) {
            f.add(n, path + ": expected a list of 2 or more values, got " + describe(n));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : s.getValue()) {
            String v = f.text(item, path, "a value");
            if (v != null && out.contains(v)) {
                f.add(item, path + ": " + v + " is written twice");
            } else if (v != null) {
                out.add(v);
            }
        }
        if (initial != null && !out.contains(initial)) {
            f.add(n, path + ": the scenario's own value " + initial + " must be among the values (the knob starts there)");
            return null;
        }
        return out.size() == s.getValue().size() ? out : null;
    }

    private String solution(Map<String, NodeTuple> e, List<String> values, String path) {
        if (!e.containsKey("solution")) {
            return null;
        }
        String v = f.text(value(e, "solution"), path + ".solution", "one of the values");
        if (v != null && !values.contains(v)) {
            f.add(value(e, "solution"), path + ".solution: " + v + " is not among the values " + values);
            return null;
        }
        return v;
    }

    private static String orDefault(String v, String otherwise) {
        return v == null ? otherwise : v;
    }
}
