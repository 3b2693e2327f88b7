package io.iocplab.lesson;

import static io.iocplab.lesson.Fields.pos;
import static io.iocplab.lesson.Fields.value;
import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.isNull;
import static io.iocplab.scenario.YamlValues.scalar;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a step's {@code predict:}: the question, the KIND of answer the engine computes ({@code answer:
 * next-release}, or with its subject, {@code answer: { wakes: T1 }}), and the author's optional "why".
 *
 * <p>The subject depends on the kind ({@link Prediction.Kind}): a port (which may be left out when the
 * scenario has only one), a thread (which must be given), or, for the kinds answered from the lesson's sweep,
 * nothing: their subject is the sweep itself, and a lesson without a {@code sweep:} cannot ask them.
 */
final class PredictionReader {
    static final List<String> PREDICT_KEYS = List.of("question", "answer", "explain");

    private final Fields f;
    private final ScenarioNames names;
    private final Citations citations;
    private final LessonSweep sweep;
    private final boolean sweepWritten;

    /**
     * @param sweep        the lesson's sweep, or null
     * @param sweepWritten whether the lesson has a {@code sweep:} (possibly wrong, then {@code sweep} is null:
     *                     its problems are already reported)
     */
    PredictionReader(Fields f, ScenarioNames names, Citations citations, LessonSweep sweep, boolean sweepWritten) {
        this.f = f;
        this.names = names;
        this.citations = citations;
        this.sweep = sweep;
        this.sweepWritten = sweepWritten;
    }

    /** The prediction written at {@code n}, or null when it is wrong (the problems are reported). */
    Prediction read(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            f.add(n, path + ": expected { question: { en, ko }, answer: KIND }, got " + describe(n));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, path, PREDICT_KEYS);
        Node q = f.required(e, "question", m, path, "the question, { en: ..., ko: ... }");
        Text question = q == null ? null : citations.read(q, f.twoLanguages(q, path + ".question"), path + ".question",
                true);
        Text explain = e.containsKey("explain") ? citations.read(value(e, "explain"),
                f.twoLanguages(value(e, "explain"), path + ".explain"), path + ".explain", true) : null;
        Node a = f.required(e, "answer", m, path, "the kind of answer the engine computes: " + kinds());
        Prediction.Kind kind = null;
        String subject = null;
        if (a != null) {
            String apath = path + ".answer";
            Node subjectNode = null;
            Node kindNode = a;
            if (a instanceof MappingNode am && am.getValue().size() == 1) {
                kindNode = am.getValue().get(0).getKeyNode();
                subjectNode = am.getValue().get(0).getValueNode();
            }
            kind = Prediction.Kind.of(scalar(kindNode));
            if (kind == null) {
                f.add(a, apath + ": unknown kind " + describe(kindNode) + " (expected " + kinds() + ")");
            } else if (kind.fromSweep()) {
                subject = sweepSubject(kind, a, subjectNode, apath);
            } else if (kind.aboutPort()) {
                subject = portSubject(kind, a, subjectNode, apath);
            } else {
                subject = threadSubject(kind, a, subjectNode, apath);
            }
        }
        if (f.count() > before) {
            return null;
        }
        return new Prediction(question, kind, subject, explain, pos(n), pos(a));
    }

    private String sweepSubject(Prediction.Kind kind, Node a, Node subjectNode, String apath) {
        if (subjectNode != null) {
            f.add(a, apath + ": " + kind.key() + " takes nothing more (write answer: " + kind.key()
                    + "): its choices are the configurations of the lesson's sweep");
        } else if (sweep != null) {
            return sweep.describe();
        } else if (!sweepWritten) {
            f.add(a, apath + ": " + kind.key() + " needs the lesson's sweep (e.g. sweep: { threads: [2, 4, 8] }): "
                    + "its choices are the sweep's configurations");
        }
        return null;
    }

    private String portSubject(Prediction.Kind kind, Node a, Node subjectNode, String apath) {
        Set<String> ports = names.ports();
        if (subjectNode == null || isNull(subjectNode)) {
            if (ports != null && ports.size() != 1) {
                f.add(a, apath + ": " + kind.key() + " needs a port (e.g. { " + kind.key() + ": P }): the "
                        + "scenario has " + ports.size() + " ports");
                return null;
            }
            return ports == null ? null : ports.iterator().next();
        }
        Node sn = subjectNode instanceof MappingNode sm ? entry(sm, "port", apath) : subjectNode;
        return sn == null ? null : f.name(sn, apath + "." + kind.key(), "port", ports);
    }

    private String threadSubject(Prediction.Kind kind, Node a, Node subjectNode, String apath) {
        if (subjectNode == null || isNull(subjectNode)) {
            f.add(a, apath + ": " + kind.key() + " needs a thread (e.g. { " + kind.key() + ": T1 })");
            return null;
        }
        Node sn = subjectNode instanceof MappingNode sm ? entry(sm, "thread", apath) : subjectNode;
        return sn == null ? null : f.name(sn, apath + "." + kind.key(), "thread", names.threads());
    }

    /** The subject written as a map of one key, { port: P } or { thread: T1 }. */
    private Node entry(MappingNode m, String key, String path) {
        Map<String, NodeTuple> e = f.args(m, path, List.of(key));
        return f.required(e, key, m, path, "the " + key);
    }

    private static String kinds() {
        StringBuilder sb = new StringBuilder();
        for (Prediction.Kind k : Prediction.Kind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.key());
        }
        return sb.toString();
    }
}
