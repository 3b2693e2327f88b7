package io.iocplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measures on small scenarios whose every number is worked out by hand in the scenario file's comment
 * (src/test/resources/sweep), and on hand-made event streams.
 */
class MeasuresTest {

    private static Measures measure(String file) {
        Scenario s = TestScenarios.load(file);
        MeasuringSink sink = new MeasuringSink(s.cpus());
        ScenarioRunner.run(s, sink);
        return sink.measures();
    }

    /**
     * one-cpu-compute.yaml: 1 processor, 1 thread, 4 packets, each 1 ms of Compute then a 1 ms Sleep. The run
     * ends at 8012 us; T runs 0..1005, 2005..3007, 4007..5009, 6009..7011, 8011..8012 = 1005 + 3 x 1002 + 1
     * = 4012 us; one context switch (T's first dispatch; it always comes back to the same processor).
     * Throughput 4 packets / 8.012 ms = 499.2511... packets/s; utilisation 4012 / 8012.
     */
    @Test
    void oneProcessorOneThreadFixedCompute() {
        Measures m = measure("one-cpu-compute.yaml");
        assertEquals(new Measures(1, 4, 1, 8012, 4012, 0, Measures.NO_SAMPLE, Measures.NO_SAMPLE,
                Map.of("P", new Measures.PortShares(1, 8012, 0, 0))), m);
        assertEquals(4 / 0.008012, m.throughput(), 1e-9);
        assertEquals(4012.0 / 8012.0, m.utilisation(), 1e-15);
        assertEquals(0.25, m.contextSwitchesPerPacket(), 0);
        assertEquals(0.0, m.ports().get("P").aboveConcurrencyShare(), 0);
        assertEquals(0.0, m.ports().get("P").queuedWhileWaitingShare(), 0);
    }

    /**
     * running-above.yaml: W2 comes back from a Sleep at 1001 us while W1 holds the only slot, and exits at
     * 2002: the running count is above 1 for 1001 us of 3503. Busy: W1 3001 + W2 1 + 1001 + main 1 + 2 =
     * 4006 us on 2 processors. Context switches: cpu 0 runs W1, main, W2; cpu 1 runs W2, W1: 5.
     */
    @Test
    void theRunningCountAboveTheConcurrencyValue() {
        Measures m = measure("running-above.yaml");
        assertEquals(new Measures(2, 2, 5, 3503, 4006, 0, Measures.NO_SAMPLE, Measures.NO_SAMPLE,
                Map.of("P", new Measures.PortShares(1, 3503, 1001, 0))), m);
        assertEquals(1001.0 / 3503.0, m.ports().get("P").aboveConcurrencyShare(), 1e-15);
        assertEquals(4006.0 / (2 * 3503.0), m.utilisation(), 1e-15);
        assertEquals(2 / 0.003503, m.throughput(), 1e-9);
    }

    /**
     * queued-while-waiting.yaml: B is posted at 1 us while W2 holds the only slot and W1 waits; W2 exits at
     * 3001 and B goes to W1: 3000 us of 4002 with a packet queued and a thread waiting. Busy: W1 0 + 1001,
     * W2 3001, main 2 = 4004 us. Context switches: cpu 0 runs W1, main, W1 again; cpu 1 W2: 4.
     */
    @Test
    void packetsQueuedWhileAThreadWaits() {
        Measures m = measure("queued-while-waiting.yaml");
        assertEquals(new Measures(2, 2, 4, 4002, 4004, 0, Measures.NO_SAMPLE, Measures.NO_SAMPLE,
                Map.of("P", new Measures.PortShares(1, 4002, 0, 3000))), m);
        assertEquals(3000.0 / 4002.0, m.ports().get("P").queuedWhileWaitingShare(), 1e-15);
    }

    /**
     * echo-latency.yaml (one client, 3 messages, Compute 1 ms, a 1 ms Sleep with the 2nd): latencies 1101,
     * 2102, 1101 us. The client's FIN lands at 4354, W1 closes the socket at 4355, main wakes at 4356 and
     * posts the shutdown packet at 4357, W1 exits at 4359: the run's span. Packets: 3 receives + 3 sends + the
     * 0-byte FIN + 1 shutdown = 8. Busy: W1 1004 + 1001 + 4 + 1004 + 2 + 1 = 3016, main 2 + 2: 3020 us.
     * Context switches: main, W1, main, W1 on the one processor: 4.
     */
    @Test
    void echoLatencyMedianAndNinetyNinthPercentile() {
        Measures m = measure("echo-latency.yaml");
        assertEquals(new Measures(1, 8, 4, 4359, 3020, 3, 1101, 2102,
                Map.of("P", new Measures.PortShares(1, 4359, 0, 0))), m);
    }

    @Test
    void aMessageComesBackWhenAllItsBytesHave() {
        MeasuringSink sink = new MeasuringSink(1);
        sink.accept(peer(0, "S", "send", 10));
        sink.accept(peer(1, "S", "send", 5));
        sink.accept(peer(2, "T", "send", 3));
        sink.accept(peer(10, "S", "recv", 4));
        sink.accept(peer(20, "S", "recv", 8));    // the first message's last 6 bytes, 2 of the second's
        sink.accept(peer(25, "T", "recv", 3));    // T's message: 23
        sink.accept(peer(29, "S", "recv", 3));    // the second's last 3: 28
        sink.accept(peer(30, "S", "send", 7));    // never comes back: no sample
        sink.accept(peer(31, "U", "recv", 9));    // bytes nobody sent are ignored
        sink.accept(new Summary(40, 0, 0, 0, 0, Map.of()));
        Measures m = sink.measures();
        assertEquals(3, m.echoes());
        assertEquals(23, m.latencyMedianUs());   // samples 20, 23, 28: rank ceil(1.5) = 2
        assertEquals(28, m.latencyP99Us());      // rank ceil(2.97) = 3
        assertTrue(Double.isNaN(m.contextSwitchesPerPacket()));
    }

    @Test
    void timeWeightedPortAndThreadStates() {
        MeasuringSink sink = new MeasuringSink(2);
        List<PortStateSpec> states = List.of(
                new PortStateSpec(0, 2, 0, 0, 0), new PortStateSpec(10, 2, 3, 0, 1),   // above from 10
                new PortStateSpec(10, 2, 3, 2, 1),      // the same time: this one holds; queued + waiting from 10
                new PortStateSpec(15, 2, 2, 2, 1),      // no longer above (10..15); still queued + waiting
                new PortStateSpec(40, 2, 2, 0, 1));     // the queue is empty: queued + waiting 10..40
        for (PortStateSpec p : states) {
            sink.accept(p.event());
        }
        sink.accept(thread(0, "A", State.READY));
        sink.accept(thread(5, "A", State.RUNNING));
        sink.accept(thread(12, "A", State.WAITING));
        sink.accept(thread(30, "A", State.RUNNING));
        sink.accept(thread(0, "B", State.RUNNING));
        sink.accept(thread(50, "B", State.EXITED));
        assertNull(sink.measures());
        sink.accept(new Summary(50, 0, 0, 10, 4, Map.of()));
        Measures m = sink.measures();
        assertEquals(new Measures.PortShares(2, 50, 5, 30), m.ports().get("P"));
        assertEquals((12 - 5) + (50 - 30) + 50, m.busyUs());
        assertEquals(77.0 / 100.0, m.utilisation(), 1e-15);
        assertEquals(10 / 50e-6, m.throughput(), 1e-6);
        assertEquals(0.4, m.contextSwitchesPerPacket(), 0);
    }

    @Test
    void nearestRankPercentiles() {
        assertEquals(-1, LongSamples.nearestRank(new long[0], 50));
        assertEquals(7, LongSamples.nearestRank(new long[] {7}, 50));
        assertEquals(7, LongSamples.nearestRank(new long[] {7}, 99));
        assertEquals(1, LongSamples.nearestRank(new long[] {1, 2}, 50));
        assertEquals(2, LongSamples.nearestRank(new long[] {1, 2}, 99));
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertEquals(50, LongSamples.nearestRank(hundred, 50));
        assertEquals(99, LongSamples.nearestRank(hundred, 99));
        long[] thousand = new long[1000];
        for (int i = 0; i < 1000; i++) {
            thousand[i] = i + 1;
        }
        assertEquals(990, LongSamples.nearestRank(thousand, 99));
        LongSamples s = new LongSamples();
        for (int i = 1000; i > 0; i--) {
            s.add(i);                               // grows past its first array
        }
        assertEquals(1000, s.size());
        assertEquals(500, LongSamples.nearestRank(s.sorted(), 50));
    }

    private static PeerAction peer(long t, String socket, String action, long bytes) {
        return new PeerAction(t, 0, 0, socket, PeerAction.Action.valueOf(action.toUpperCase(java.util.Locale.ROOT)), bytes,
                null, 1, 2);
    }

    private static ThreadState thread(long t, String name, State state) {
        return new ThreadState(t, 0, 0, name, state, state == State.WAITING ? ThreadState.Wait.PORT : null,
                state == State.RUNNING ? 0 : null, null, -1);
    }

    private record PortStateSpec(long t, int concurrency, int running, int queued, int waiters) {
        PortState event() {
            List<io.iocplab.sim.event.PacketView> queue = new java.util.ArrayList<>();
            for (int i = 0; i < queued; i++) {
                queue.add(new io.iocplab.sim.event.PacketView(1, 1, "o" + i, 0));
            }
            List<String> w = new java.util.ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                w.add("W" + i);
            }
            return new PortState(t, 0, 0, "P", concurrency, running, queue, w, List.of(), false);
        }
    }
}
