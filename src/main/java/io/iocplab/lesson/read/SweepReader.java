package io.iocplab.lesson.read;

import static io.iocplab.lesson.read.Fields.pos;
import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.lesson.LessonSweep;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a lesson's {@code sweep:}, a map of axes in file order, each a list of values (see {@link LessonSweep}).
 *
 * <p>Rules: every axis can be applied to the lesson's scenario, and its values include the scenario's own
 * (the stage shows the lesson's scenario, so it must be one of the runs the student compares); the sweep has
 * between 2 and {@link LessonSweep#MAX_CONFIGURATIONS} configurations.
 */
final class SweepReader {
    private final Fields f;

    SweepReader(Fields f) {
        this.f = f;
    }

    /** The sweep written at {@code n} over {@code scenario} (null when unreadable), or null when it is wrong. */
    LessonSweep read(Node n, Scenario scenario) {
        List<String> knobs = Stream.of(Knob.values()).map(Knob::optionName).toList();
        if (!(n instanceof MappingNode m) || m.getValue().isEmpty()) {
            f.add(n, "sweep: expected a map of axes, each with a list of values, e.g. { threads: [2, 4, 8], "
                    + "concurrency: [0, 8] } (axes: " + String.join(", ", knobs) + "); got " + describe(n));
            return null;
        }
        int before = f.count();
        List<Axis> axes = new ArrayList<>();
        for (NodeTuple t : f.entries(m, "sweep").values()) {
            String name = scalar(t.getKeyNode());
            int k = knobs.indexOf(name);
            if (k < 0) {
                f.add(t.getKeyNode(), "sweep: unknown axis '" + name + "' (expected one of " + String.join(", ", knobs)
                        + ")");
                continue;
            }
            Axis axis = axis(Knob.values()[k], t.getValueNode(), "sweep." + name);
            if (axis != null && scenario != null && fits(axis, scenario, t, name)) {
                axes.add(axis);
            }
        }
        if (f.count() > before || scenario == null) {
            return null;
        }
        long runs = LessonSweep.configurations(axes);
        if (runs < 2) {
            f.add(n, "sweep: a single configuration, nothing to compare (give an axis two values or more)");
        } else if (runs > LessonSweep.MAX_CONFIGURATIONS) {
            f.add(n, "sweep: " + runs + " configurations, more than the " + LessonSweep.MAX_CONFIGURATIONS
                    + " a lesson may run (lessons check runs every one)");
        }
        return f.count() > before ? null : new LessonSweep(axes, pos(n));
    }

    /** Whether an axis applies to the scenario and has the scenario's own value among its values. */
    private boolean fits(Axis axis, Scenario scenario, NodeTuple t, String name) {
        Sweep alone;
        try {
            alone = new Sweep(scenario, List.of(axis));
        } catch (IllegalArgumentException e) {
            f.add(t.getKeyNode(), "sweep." + name + ": " + e.getMessage());
            return false;
        }
        Setting own = LessonSweep.settingOf(scenario, alone.port(), axis.knob());
        if (!axis.settings().contains(own)) {
            f.add(t.getValueNode(), "sweep." + name + ": the lesson's scenario has " + name + " " + own + ", which is "
                    + "not one of these values (the stage shows the lesson's scenario: it must be one of the runs "
                    + "the student compares)");
            return false;
        }
        return true;
    }

    private Axis axis(Knob knob, Node n, String path) {
        if (!(n instanceof SequenceNode s) || s.getValue().isEmpty()) {
            f.add(n, path + ": expected a list of values, e.g. " + (knob == Knob.BLOCK ? "[none, { every: 4, sleep: 20 }]"
                    : knob == Knob.COMPUTE ? "[0.5, 2]" : "[2, 4, 8]") + "; got "
                    + (n instanceof SequenceNode ? "an empty list" : describe(n)));
            return null;
        }
        int before = f.count();
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            Node v = s.getValue().get(i);
            Setting setting = setting(knob, v, path + "[" + i + "]");
            if (setting != null && settings.contains(setting)) {
                f.add(v, path + "[" + i + "]: " + setting + " is given twice");
            } else if (setting != null) {
                settings.add(setting);
            }
        }
        return f.count() > before ? null : new Axis(knob, settings);
    }

    /** One value: a whole number, milliseconds for compute, none or { every: K, sleep: MS } for block. */
    private Setting setting(Knob knob, Node n, String path) {
        int before = f.count();
        try {
            if (knob == Knob.COMPUTE) {
                long us = f.timeUs(n, path);
                return f.count() > before ? null : Setting.computeUs(us);
            }
            if (knob != Knob.BLOCK) {
                long v = f.whole(n, path, Long.MIN_VALUE, Long.MAX_VALUE);
                return f.count() > before ? null : new Setting(knob, v, 0);
            }
            if ("none".equals(scalar(n))) {
                return Setting.noBlocking();
            }
            if (!(n instanceof MappingNode m)) {
                f.add(n, path + ": expected none or { every: K, sleep: MS }, got " + describe(n));
                return null;
            }
            Map<String, NodeTuple> e = f.args(m, path, List.of("every", "sleep"));
            Node every = f.required(e, "every", m, path, "a blocking call every K received messages");
            Node sleep = f.required(e, "sleep", m, path, "how long each blocking call lasts, ms");
            long k = every == null ? 0 : f.whole(every, path + ".every", 1, 100_000);
            long us = sleep == null ? 0 : f.timeUs(sleep, path + ".sleep");
            return f.count() > before ? null : Setting.block((int) k, us);
        } catch (IllegalArgumentException e) {
            f.add(n, path + ": " + e.getMessage());
            return null;
        }
    }
}
