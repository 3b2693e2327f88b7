package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.net.LoopbackNetwork;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancel stops a sweep midway and leaves no socket and no thread behind. */
class SweepCancelTest {

    /** The live threads whose name starts with {@value Sweep#THREAD_NAME_PREFIX}. */
    static List<String> sweepThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(Sweep.THREAD_NAME_PREFIX)).sorted().toList();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cancelMidwayLeavesNoSocketAndNoThread() throws Exception {
        int before = LoopbackNetwork.openResourcesInProcess();
        assertTrue(sweepThreads().isEmpty(), "no sweep thread before: " + sweepThreads());
        // four runs of 20,000 echoes each: seconds apiece, so the cancel lands in the middle of the first two
        Sweep sweep = new Sweep(Sweep.defaultScenario(), List.of(Axis.threads(4, 8), Axis.cpus(2, 4)));
        AtomicInteger reported = new AtomicInteger();
        SweepRun run = sweep.start(2, p -> reported.incrementAndGet());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (LoopbackNetwork.openResourcesInProcess() <= before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int open = LoopbackNetwork.openResourcesInProcess();
        assertTrue(open > before, "a run has opened its sockets");
        assertEquals(2, sweepThreads().size(), "two sweep threads: " + sweepThreads());
        Thread.sleep(200);
        run.cancel();

        assertThrows(CancellationException.class, run::await);
        assertTrue(run.result().isCompletedExceptionally());
        assertTrue(run.isCancelled());
        assertTrue(reported.get() < 4, "the sweep stopped before its end: " + reported.get() + " runs reported");
        assertTrue(sweepThreads().isEmpty(), "no sweep thread is left: " + sweepThreads());
        assertEquals(before, LoopbackNetwork.openResourcesInProcess(), "every socket of the sweep is closed");
    }
}
