package io.iocplab.lesson.run;

import io.iocplab.lesson.Knob;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.read.ScenarioTree;
import io.iocplab.lesson.read.YamlTree.Mapping;
import io.iocplab.lesson.read.YamlTree.Scalar;
import io.iocplab.lesson.read.YamlTree;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.util.List;

/**
 * A lesson's scenario with the knobs of a "make it happen" step ({@link Knob}) set to the student's values: the
 * scenario's tree ({@link io.iocplab.lesson.read.YamlTree}) is changed where each knob points and read again by {@code ScenarioLoader},
 * so the run the student makes is the one a scenario file with those values would give.
 *
 * <p>Rules: a value replaces the scalar the knob names, written as the lesson gives it; {@code threads: N} keeps
 * the first N workers in file order, or adds copies of the last worker after it (named T1, T2, ... as free) until
 * there are N. Knobs left at their starting value change nothing.
 */
public final class Knobs {
    private Knobs() {}

    /**
     * The scenario with every knob at its value ({@code values} in the knobs' order).
     *
     * @throws InvalidScenarioException when the changed scenario does not load (lessons check tries every value)
     */
    public static Scenario apply(Lesson lesson, List<Knob> knobs, List<String> values) throws InvalidScenarioException {
        if (knobs.size() != values.size()) {
            throw new IllegalArgumentException(knobs.size() + " knobs, " + values.size() + " values");
        }
        Mapping tree = YamlTree.scenarioOf(lesson);
        for (int i = 0; i < knobs.size(); i++) {
            set(tree, knobs.get(i), values.get(i));
        }
        return ScenarioLoader.loadString(lesson.id() + ".yaml", YamlTree.write(tree));
    }

    private static void set(Mapping root, Knob knob, String value) {
        if (value.equals(knob.initial())) {
            return;
        }
        if (knob instanceof Knob.Cpus) {
            root.put("cpus", value);
        } else if (knob instanceof Knob.Concurrency c) {
            Mapping ports = root.mapping("ports");
            Mapping port = ports.mapping(c.port());
            if (port == null) {
                port = new Mapping();
                ports.put(c.port(), port);
            }
            port.put("concurrency", value);
        } else if (knob instanceof Knob.Workers) {
            workers(root, Integer.parseInt(value));
        } else if (knob instanceof Knob.StepArg s) {
            Mapping step = ScenarioTree.stepAt(root, s.thread(), s.at()).step();
            if (s.arg() == null) {
                step.put(s.api(), value);
            } else {
                step.mapping(s.api()).put(s.arg(), value);
            }
        } else if (knob instanceof Knob.PeerAction p) {
            Mapping action = (Mapping) root.mapping("peers").sequence(p.socket()).items().get(p.action());
            action.put(p.field(), new Scalar(value, true));
        }
    }

    /** Keeps the first {@code n} workers, or adds copies of the last one after it until there are {@code n}. */
    private static void workers(Mapping root, int n) {
        List<String> workers = ScenarioTree.workers(root);
        Mapping threads = ScenarioTree.threads(root);
        for (int i = workers.size() - 1; i >= n; i--) {
            threads.entries().remove(workers.get(i));
        }
        String last = workers.get(workers.size() - 1);
        String after = last;
        for (int i = workers.size(); i < n; i++) {
            String name = ScenarioTree.freshName(threads.entries().keySet());
            ScenarioTree.insert(threads, name, threads.get(last).copy(), null, after);
            after = name;
        }
    }
}
