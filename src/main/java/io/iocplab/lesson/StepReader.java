package io.iocplab.lesson;

import static io.iocplab.lesson.Fields.pos;
import static io.iocplab.scenario.YamlValues.describe;

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
    static final List<String> STEP_KEYS = List.of("at", "say", "code", "predict");

    private final Fields f;
    private final ScenarioNames names;
    private final CueReader cues;
    private final Citations citations;
    private final PredictionReader predictions;

    StepReader(Fields f, ScenarioNames names, Citations citations, PredictionReader predictions) {
        this.f = f;
        this.names = names;
        this.citations = citations;
        this.cues = new CueReader(f, names);
        this.predictions = predictions;
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
        if (f.count() > before) {
            return null;
        }
        return new LessonStep(index, cue, say, code, predict, pos(node));
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
