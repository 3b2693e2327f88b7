package io.iocplab.lesson.read;

import static io.iocplab.lesson.read.Fields.pos;
import static io.iocplab.scenario.YamlValues.describe;

import io.iocplab.lesson.BugHunt;
import io.iocplab.lesson.Cue;
import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Text;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads one of a lesson's {@code steps:}: its cue ({@code at:}, {@link CueReader}), its narration
 * ({@code say:}, its sources cited as {@link Citations} says), the thread whose C code it highlights ({@code code: { thread: T1 }}, the code focus), and its
 * optional prediction ({@code predict:}, {@link PredictionReader}).
 */
final class StepReader {
    static final List<String> STEP_KEYS = List.of("at", "say", "code", "predict", "goal", "bug");
    static final List<String> BUG_KEYS = List.of("thread", "step", "hint", "explain");

    private final Fields f;
    private final ScenarioNames names;
    private final CueReader cues;
    private final Citations citations;
    private final PredictionReader predictions;
    private final GoalReader goals;
    private final io.iocplab.scenario.Scenario scenario;

    /** @param scenario the lesson's scenario (a bug's line is looked up in its listings), or null when it is wrong */
    StepReader(Fields f, ScenarioNames names, Citations citations, PredictionReader predictions, GoalReader goals,
               io.iocplab.scenario.Scenario scenario) {
        this.f = f;
        this.names = names;
        this.citations = citations;
        this.cues = new CueReader(f, names);
        this.predictions = predictions;
        this.goals = goals;
        this.scenario = scenario;
    }

    /** Step number {@code index} (0-based) written at {@code node}, or null when it is wrong. */
    LessonStep read(Node node, int index) {
        String path = "steps[" + index + "]";
        if (!(node instanceof MappingNode m)) {
            f.add(node, path + ": expected a step, { at: ..., say: { en: ..., ko: ... } }; got " + describe(node));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, path, STEP_KEYS);
        Node at = f.required(e, "at", m, path, "where in the run the step is, e.g. start or { call: "
                + "GetQueuedCompletionStatus, thread: T1 }");
        Cue cue = at == null ? null : cues.read(at, path + ".at");
        Node sayNode = f.required(e, "say", m, path, "what the narrator says, { en: ..., ko: ... }");
        Text say = sayNode == null ? null
                : citations.read(sayNode, f.twoLanguages(sayNode, path + ".say"), path + ".say", true);
        String code = e.containsKey("code") ? codeThread(e.get("code").getValueNode(), path + ".code") : null;
        Prediction predict = e.containsKey("predict")
                ? predictions.read(e.get("predict").getValueNode(), path + ".predict") : null;
        GoalExercise goal = e.containsKey("goal") ? goals.read(e.get("goal").getValueNode(), path + ".goal") : null;
        BugHunt bug = e.containsKey("bug") ? bug(e.get("bug").getValueNode(), path + ".bug") : null;
        long exercises = java.util.stream.Stream.of("predict", "goal", "bug").filter(e::containsKey).count();
        if (exercises > 1) {
            f.add(node, path + ": a step has one exercise at most (predict, goal or bug); this one has " + exercises);
        }
        if (f.count() > before) {
            return null;
        }
        return new LessonStep(index, cue, say, code, predict, goal, bug, pos(node));
    }

    /**
     * {@code bug: { thread: T1, step: 4, hint, explain }}: the program step whose line of T1's listing is wrong
     * (numbered as the listing and the events number them: {@code lessons show} prints them).
     */
    private BugHunt bug(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            f.add(n, path + ": expected { thread: T1, step: N, hint: { en, ko }, explain: { en, ko } }, got " + describe(n));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, path, BUG_KEYS);
        Node t = f.required(e, "thread", m, path, "the thread whose listing is shown");
        Node s = f.required(e, "step", m, path, "the program step whose line is wrong (0 first, as the listing numbers them)");
        String thread = t == null ? null : f.name(t, path + ".thread", "thread", names.threads());
        int step = s == null ? -1 : (int) f.whole(s, path + ".step", 0, 10_000);
        Text hint = text(e, m, path, "hint", "the hint shown after a wrong line");
        Text explain = text(e, m, path, "explain", "what the line does and why it is wrong");
        if (thread != null && step >= 0 && scenario != null) {
            io.iocplab.scenario.CListing listing = io.iocplab.scenario.CListing.of(scenario, thread);
            if (listing == null || listing.lineOf(step) < 0) {
                f.add(s, path + ".step: " + thread + "'s listing has no line for step " + step);
            }
        }
        return f.count() > before ? null : new BugHunt(thread, step, hint, explain, pos(n));
    }

    private Text text(Map<String, NodeTuple> e, MappingNode m, String path, String key, String expected) {
        Node t = f.required(e, key, m, path, expected + ", { en: ..., ko: ... }");
        return t == null ? null : citations.read(t, f.twoLanguages(t, path + "." + key), path + "." + key, true);
    }

    /** The code focus, {@code { thread: T1 }}: the thread whose C listing the step shows. */
    private String codeThread(Node c, String path) {
        if (!(c instanceof MappingNode cm)) {
            f.add(c, path + ": expected { thread: T1 }, got " + describe(c));
            return null;
        }
        Map<String, NodeTuple> ce = f.args(cm, path, List.of("thread"));
        Node t = f.required(ce, "thread", cm, path, "the thread whose C code the step shows");
        return t == null ? null : f.name(t, path + ".thread", "thread", names.threads());
    }
}
