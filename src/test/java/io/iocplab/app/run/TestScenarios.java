package io.iocplab.app.run;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.time.Duration;

/** Small scenarios for the window's tests (no sockets unless said), read through the real loader. */
public final class TestScenarios {
    private TestScenarios() {}

    /** Three workers on a port of concurrency {@code concurrency}; main posts six packets. About a hundred events. */
    public static Scenario workers(int concurrency) {
        return load("workers.yaml", """
                title: six packets, three workers
                cpus: 2
                ports:
                  P: { concurrency: %d }
                threads:
                  T1:
                    - Loop: { times: 2, steps: [ GetQueuedCompletionStatus, { Compute: 1 } ] }
                  T2:
                    - Loop: { times: 2, steps: [ GetQueuedCompletionStatus, { Compute: 1 } ] }
                  T3:
                    - Loop: { times: 2, steps: [ GetQueuedCompletionStatus, { Sleep: 0.5 }, { Compute: 1 } ] }
                  main:
                    - Compute: 0.01
                    - PostQueuedCompletionStatus: { bytes: 5, key: 1, overlapped: A }
                    - PostQueuedCompletionStatus: { bytes: 3, key: 2, overlapped: B }
                    - PostQueuedCompletionStatus: { bytes: 8, key: 1, overlapped: C }
                    - Sleep: 2
                    - PostQueuedCompletionStatus: { bytes: 1, key: 3, overlapped: D }
                    - PostQueuedCompletionStatus: { bytes: 2, key: 3, overlapped: E }
                    - PostQueuedCompletionStatus: { bytes: 4, key: 3, overlapped: F }
                """.formatted(concurrency));
    }

    /** A run that never ends by itself: a thread sleeping 1 ms forever (two events a millisecond). */
    public static Scenario endless() {
        return load("endless.yaml", """
                cpus: 1
                ports:
                  P: {}
                threads:
                  T1:
                    - Loop: { times: forever, steps: [ { Sleep: 1 } ] }
                """);
    }

    public static Scenario load(String name, String text) {
        try {
            return ScenarioLoader.loadString(name, text);
        } catch (InvalidScenarioException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    /** Runs {@code scenario} to its end on the engine thread and waits for it (tests only). */
    public static RunSession finished(Scenario scenario) throws InterruptedException {
        RunSession s = RunSession.start("test.yaml", scenario);
        if (!s.awaitEnd(Duration.ofSeconds(30))) {
            s.cancel();
            throw new AssertionError("the run did not end in 30 s");
        }
        return s;
    }

    /** Whether any engine thread is still alive, waiting up to {@code timeout} for the last to end. */
    public static boolean engineThreadsAlive(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.isAlive() && RunSession.THREAD_NAME.equals(t.getName()));
            if (!alive) {
                return false;
            }
            if (System.nanoTime() > end) {
                return true;
            }
            Thread.sleep(10);
        }
    }
}
