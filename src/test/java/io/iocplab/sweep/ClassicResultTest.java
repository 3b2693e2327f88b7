package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The classic result, on the default sweep scenario (echo workload: 20 closed-loop clients, 2 ms of
 * Compute per message, every 4th message also a 20 ms blocking call, a 1 ms quantum), here with 100
 * messages per client, on 2 processors:
 * <ul>
 *   <li>with the concurrency value at the processors (0), more worker threads than the concurrency value
 *       raise the throughput, until the processors are busy; then more threads change nothing;</li>
 *   <li>a concurrency value above the processors (4, 8) raises the context switches per packet and does not
 *       raise the throughput.</li>
 * </ul>
 * What the model gave when this test was written (throughput in packets per virtual second / context
 * switches per packet / utilisation):
 * <pre>
 * threads   concurrency 0 (=2)      concurrency 4           concurrency 8
 *  1        287 / 0.001 / 0.14      287 / 0.001 / 0.14      287 / 0.001 / 0.14
 *  2        574 / 0.002 / 0.29      574 / 0.002 / 0.29      574 / 0.002 / 0.29
 *  4       1146 / 0.128 / 0.57      894 / 1.123 / 0.45      894 / 1.123 / 0.45
 *  8       1995 / 0.393 / 0.99     1784 / 1.271 / 0.89     1243 / 1.126 / 0.62
 * 16       1999 / 0.396 / 0.99     1984 / 1.264 / 0.99     1987 / 1.329 / 0.99
 * </pre>
 * With more runnable threads than processors, threads take turns every quantum (1 ms, shorter than a
 * message's 2 ms of Compute): each turn is a context switch, and a message's Compute is spread over more
 * real time, so the blocking calls overlap less and the throughput is not higher (at 4 and 8 threads, it is
 * lower).
 */
class ClassicResultTest {
    private static final int[] THREADS = {1, 2, 4, 8, 16};
    private static final int[] CONCURRENCY = {0, 4, 8};

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void moreThreadsHelpUntilTheProcessorsAreBusyAndAConcurrencyAboveThemOnlyAddsSwitches() throws Exception {
        Scenario base = TestScenarios.defaultWithMessages(100).withCpus(2);
        assertTrue(base.echo().blockEvery() > 0, "the workers make blocking calls");
        Sweep sweep = new Sweep(base, List.of(Axis.concurrency(CONCURRENCY), Axis.threads(THREADS)));
        List<Row> rows = sweep.run(Sweep.DEFAULT_PARALLELISM, null);
        Map<String, Measures> at = new HashMap<>();
        StringBuilder table = new StringBuilder("threads concurrency throughput cs/packet utilisation\n");
        for (Row r : rows) {
            Configuration c = r.configuration();
            Measures m = r.measures();
            assertEquals(20 * 100, m.echoes());
            at.put(c.threads() + "/" + c.concurrency(), m);
            table.append(String.format(Locale.ROOT, "%7d %11d %10.1f %10.3f %11.3f%n", c.threads(), c.concurrency(),
                    m.throughput(), m.contextSwitchesPerPacket(), m.utilisation()));
        }
        System.out.print(table);

        // 1. At the concurrency value of the processors: each doubling of the threads raises the throughput
        //    by more than half while the processors are not yet busy (utilisation under 0.9) ...
        int saturatedAt = -1;
        for (int i = 0; i + 1 < THREADS.length; i++) {
            Measures now = at.get(THREADS[i] + "/0");
            Measures next = at.get(THREADS[i + 1] + "/0");
            if (now.utilisation() < 0.9) {
                assertTrue(next.throughput() > 1.5 * now.throughput(), "threads " + THREADS[i] + " -> "
                        + THREADS[i + 1] + " raise the throughput while the processors are not busy\n" + table);
            } else if (saturatedAt < 0) {
                saturatedAt = THREADS[i];
            }
        }
        // ... they become busy once there are more threads than the concurrency value (2), at 8 threads ...
        assertEquals(8, saturatedAt, "the processors become busy at 8 threads\n" + table);
        assertTrue(at.get("8/0").utilisation() > 0.95, table.toString());
        assertTrue(at.get("8/0").throughput() > 3 * at.get("2/0").throughput(),
                "threads beyond the concurrency value multiply the throughput\n" + table);
        // ... and after that more threads add nothing (within 1%).
        assertEquals(1.0, at.get("16/0").throughput() / at.get("8/0").throughput(), 0.01, table.toString());

        // 2. A concurrency value above the processors never raises the throughput (within 1%), and once
        //    there are more threads than processors it raises the context switches per packet; with the
        //    processors busy (16 threads), at least twofold.
        for (int c : new int[] {4, 8}) {
            for (int t : THREADS) {
                Measures atCpus = at.get(t + "/0");
                Measures above = at.get(t + "/" + c);
                assertTrue(above.throughput() <= 1.01 * atCpus.throughput(),
                        "concurrency " + c + " at " + t + " threads does not raise the throughput\n" + table);
                if (t > 2) {
                    assertTrue(above.contextSwitchesPerPacket() > atCpus.contextSwitchesPerPacket(),
                            "concurrency " + c + " at " + t + " threads adds context switches\n" + table);
                }
            }
            assertTrue(at.get("16/" + c).contextSwitchesPerPacket() > 2 * at.get("16/0").contextSwitchesPerPacket(),
                    "concurrency " + c + " at 16 threads at least doubles the context switches per packet\n" + table);
            assertEquals(1.0, at.get("16/" + c).throughput() / at.get("16/0").throughput(), 0.01, table.toString());
        }
    }
}
