package io.iocplab.app.stage;

import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Small real runs of the machine for the stage and code tests, folded into a {@link Timeline}.
 *
 * <p>{@link #lifo()}: port P with concurrency 2; T1..T4 wait in GetQueuedCompletionStatus (T4 last,
 * so on top), then compute 1 ms; main computes 10 µs and posts A (5 bytes, key 12), B (0, key 13),
 * C (3, key 11). A is handed to T4 and B to T3 (LIFO), C stays queued at 2 of 2 with T2 and T1 waiting.
 */
public final class StageRuns {
    private StageRuns() {}

    public static final Step.Source N = Step.Source.NONE;

    public static Step gqcs(String port) {
        return new Step.GetQueuedCompletionStatus(port, Step.INFINITE, N);
    }

    public static Step post(String port, long bytes, long key, String ov) {
        return new Step.PostQueuedCompletionStatus(port, bytes, key, ov, N);
    }

    public static Step compute(long us) {
        return new Step.Compute(us, N);
    }

    /** A run being set up; {@link #run()} runs it to its end into a timeline. */
    public static final class Run {
        private final Timeline timeline = new Timeline(MachineConfig.defaults().cpus());
        private final Machine machine = new Machine(MachineConfig.defaults(), timeline::append);

        public Run port(String name, int concurrency) {
            machine.createPort(name, concurrency);
            return this;
        }

        public Run thread(String name, Step... steps) {
            machine.createThread(name, Arrays.asList(steps));
            return this;
        }

        public Timeline run() {
            machine.run();
            machine.close();
            return timeline;
        }
    }

    public static Timeline lifo() {
        return new Run().port("P", 2)
                .thread("T1", gqcs("P"), compute(1_000))
                .thread("T2", gqcs("P"), compute(1_000))
                .thread("T3", gqcs("P"), compute(1_000))
                .thread("T4", gqcs("P"), compute(1_000))
                .thread("main", compute(10), post("P", 5, 12, "A"), post("P", 0, 13, "B"), post("P", 3, 11, "C"))
                .run();
    }

    /** The first stop (the end of a moment: where the window lands) at which the state matches. */
    public static int firstStep(Timeline t, Predicate<ViewState> p) {
        for (int m = 0; m < t.stopCount(); m++) {
            int step = t.stopStep(m);
            if (p.test(t.stateAt(step))) {
                return step;
            }
        }
        throw new AssertionError("no stop matches");
    }
}
