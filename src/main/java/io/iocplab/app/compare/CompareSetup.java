package io.iocplab.app.compare;

import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an A/B comparison runs: one knob, and its setting for run A and for run B. Both runs are the
 * same scenario with the same seed, so the knob is the only difference between them. No JavaFX.
 *
 * <p>Rules:
 * <ul>
 *   <li>A knob is offered when the scenario has what it changes, as a sweep decides it: the
 *       processors always, the concurrency value when there is a port to set (the echo workload's,
 *       or the only one), worker threads, Compute and the blocking call when there is an echo
 *       workload ({@link Configuration}'s accessors are null otherwise).</li>
 *   <li>The settings are applied exactly as a sweep applies them: the two runs are the two
 *       configurations of a {@link Sweep} with one axis, A's value then B's. So the comparison's
 *       numbers are a sweep's numbers for the same configurations.</li>
 *   <li>A and B differ (an axis takes no value twice); a setup that cannot be applied is refused
 *       with the sweep's message.</li>
 * </ul>
 */
public record CompareSetup(Knob knob, Setting a, Setting b) {

    public CompareSetup {
        Objects.requireNonNull(knob, "knob");
        if (a.knob() != knob || b.knob() != knob) {
            throw new IllegalArgumentException("A and B must both set " + knob.optionName());
        }
    }

    /** The scenario as a sweep sees it before any setting: the port it sets, its current values. */
    public static Configuration base(Scenario scenario) {
        return new Sweep(scenario, List.of()).configurations().get(0);
    }

    /** The knobs this scenario offers, in {@link Knob} order. */
    public static List<Knob> knobs(Scenario scenario) {
        Configuration base = base(scenario);
        List<Knob> out = new ArrayList<>();
        for (Knob k : Knob.values()) {
            if (current(base, k) != null) {
                out.add(k);
            }
        }
        return out;
    }

    /** The knob's setting in the scenario as it is, or null when the scenario has no such knob. */
    public static Setting current(Configuration base, Knob knob) {
        return switch (knob) {
            case THREADS -> base.threads() == null ? null : Setting.threads(base.threads());
            case CONCURRENCY -> base.concurrency() == null ? null : Setting.concurrency(base.concurrency());
            case CPUS -> Setting.cpus(base.cpus());
            case COMPUTE -> base.computeUs() == null ? null : Setting.computeUs(base.computeUs());
            case BLOCK -> base.block();
        };
    }

    /**
     * The setup a comparison of {@code knob} starts with: A as in the scenario, B another value an
     * instructor would show next to it (concurrency 1 against 2, otherwise 1; twice the threads,
     * processors or Compute; blocking against none).
     *
     * @throws IllegalArgumentException if the scenario has no such knob
     */
    public static CompareSetup defaults(Scenario scenario, Knob knob) {
        Setting a = current(base(scenario), knob);
        if (a == null) {
            throw new IllegalArgumentException("this scenario has no " + knob.optionName() + " to change");
        }
        return new CompareSetup(knob, a, other(a));
    }

    private static Setting other(Setting a) {
        long v = a.value();
        return switch (a.knob()) {
            case THREADS -> Setting.threads((int) Math.min(2 * v, KnobField.of(Knob.THREADS).max()));
            case CONCURRENCY -> Setting.concurrency(v == 1 ? 2 : 1);
            case CPUS -> Setting.cpus((int) Math.min(2 * v, KnobField.of(Knob.CPUS).max()));
            case COMPUTE -> Setting.computeUs(v == 0 ? 1000 : 2 * v);
            case BLOCK -> v == 0 ? Setting.block(3, 1000) : Setting.noBlocking();
        };
    }

    /** Whether A and B are the same setting (nothing to compare). */
    public boolean same() {
        return a.equals(b);
    }

    /**
     * The two runs: the scenario with A's setting, then with B's, as a sweep makes them.
     *
     * @throws IllegalArgumentException if A and B are the same, or the sweep cannot apply the knob
     */
    public List<Configuration> configurations(Scenario scenario) {
        return new Sweep(scenario, List.of(new Axis(knob, List.of(a, b)))).configurations();
    }
}
