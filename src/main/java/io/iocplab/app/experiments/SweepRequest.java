package io.iocplab.app.experiments;

import io.iocplab.scenario.Scenario;
import io.iocplab.sim.EchoServer;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Sweep;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * What the experiments window's form asks for, as typed, and the {@link Sweep} it makes: the base scenario
 * (null when the main window has none), the messages per echo client, the first axis (along the charts)
 * and the second (one line per value; {@code secondKnob} null when there is none).
 */
record SweepRequest(Scenario base, String messages, Knob firstKnob, String firstValues, Knob secondKnob,
                    String secondValues) {
    /** The most configurations one sweep may have (the window keeps a point per configuration). */
    static final int MOST_CONFIGURATIONS = 200;
    static final int MOST_MESSAGES = 100_000;
    private static final EnumSet<Knob> ECHO_KNOBS = EnumSet.of(Knob.THREADS, Knob.COMPUTE, Knob.BLOCK);

    /** The sweep asked for, or the first mistake (in the order of the form). */
    Sweep sweep() throws AxisInput.Problem {
        if (base == null) {
            throw new AxisInput.Problem("problem.noScenario");
        }
        Scenario s = base.echo() == null ? base : withMessages(base, messageCount());
        List<Axis> axes = new ArrayList<>();
        axes.add(AxisInput.parse(firstKnob, firstValues));
        if (secondKnob != null) {
            if (secondKnob == firstKnob) {
                throw new AxisInput.Problem("problem.sameKnob");
            }
            axes.add(AxisInput.parse(secondKnob, secondValues));
        }
        for (Axis a : axes) {
            if (ECHO_KNOBS.contains(a.knob()) && s.echo() == null) {
                throw new AxisInput.Problem("problem.needsEcho", a.knob());
            }
            if (a.knob() == Knob.CONCURRENCY && s.echo() == null && s.ports().size() != 1) {
                throw new AxisInput.Problem("problem.needsPort");
            }
        }
        long total = axes.stream().mapToLong(Axis::size).reduce(1, (x, y) -> x * y);
        if (total > MOST_CONFIGURATIONS) {
            throw new AxisInput.Problem("problem.tooMany", total, MOST_CONFIGURATIONS);
        }
        try {
            return new Sweep(s, axes);
        } catch (IllegalArgumentException e) {
            throw new AxisInput.Problem("problem.refused", e.getMessage());
        }
    }

    private int messageCount() throws AxisInput.Problem {
        String m = messages == null ? "" : messages.strip();
        try {
            int n = Integer.parseInt(m);
            if (n >= 1 && n <= MOST_MESSAGES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new AxisInput.Problem("problem.messages", m, MOST_MESSAGES);
    }

    /** {@code s} with {@code messages} per echo client; everything else, the seed included, unchanged. */
    static Scenario withMessages(Scenario s, int messages) {
        EchoServer e = s.echo();
        return s.withEcho(new EchoServer(e.port(), e.workers(), e.clients(), messages, e.size(), e.thinkUs(),
                e.startUs(), e.computeUs(), e.blockEvery(), e.blockUs()));
    }
}
