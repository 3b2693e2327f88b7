package io.iocplab.app.history;

import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-checked run the history tests share, a real run of {@link Machine} with
 * {@link MachineConfig#defaults()} (4 processors, calls cost 1 µs):
 * <pre>
 * port P, concurrency 2
 * T1: GQCS(P, INFINITE); Compute 1 ms
 * T2: GQCS(P, INFINITE); Sleep 0.1 ms; Compute 1 ms
 * T3: GQCS(P, INFINITE); Compute 1 ms
 * main: Compute 10 µs; Post(P, 1, 7, A); Post(P, 2, 7, B); Post(P, 3, 7, C)
 * </pre>
 * What happens, event by event (44 events, 0 … 1113 µs): T1, T2, T3 wait on P at t=0 (T3 is the most
 * recent waiter). At 10 µs A is handed off to T3, at 11 µs B to T2 (LIFO), at 12 µs C is queued
 * (running 2 of 2). T2 goes to Sleep at 12 µs: that frees a slot, so T1 is released with C ("slept",
 * freed by T2). T2 wakes at 112 µs and is counted again without a limit check: running 3 of 2, an
 * overshoot until T3 exits at 1011 µs. main exits at 13 µs, T1 at 1013, T2 at 1113.
 */
final class HistoryRuns {
    private HistoryRuns() {}

    static final Step.Source N = Step.Source.NONE;

    static List<SimEvent> events() {
        List<SimEvent> events = new ArrayList<>();
        Machine m = new Machine(MachineConfig.defaults(), events::add);
        m.createPort("P", 2);
        m.createThread("T1", List.of(gqcs(), new Step.Compute(1000, N)));
        m.createThread("T2", List.of(gqcs(), new Step.Sleep(100, N), new Step.Compute(1000, N)));
        m.createThread("T3", List.of(gqcs(), new Step.Compute(1000, N)));
        m.createThread("main", List.of(new Step.Compute(10, N), post(1, "A"), post(2, "B"), post(3, "C")));
        m.run();
        return events;
    }

    static Timeline timeline() {
        return timeline(events());
    }

    static Timeline timeline(List<SimEvent> events) {
        Timeline t = new Timeline(MachineConfig.defaults().cpus(), 8);
        events.forEach(t::append);
        return t;
    }

    private static Step gqcs() {
        return new Step.GetQueuedCompletionStatus("P", Step.INFINITE, N);
    }

    private static Step post(long bytes, String label) {
        return new Step.PostQueuedCompletionStatus("P", bytes, 7, label, N);
    }
}
