package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.sim.Step;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario becomes a machine with its settings, ports and threads, and the same file gives the same trace. */
class ScenarioRunnerTest {
    private static final String POST_AND_TAKE = "cpus: 2\nports: { P: { concurrency: 1 } }\nthreads:\n"
            + "  T1: [ GetQueuedCompletionStatus ]\n"
            + "  T2: [ Sleep: 1, GetQueuedCompletionStatus: {} ]\n"
            + "  main:\n    - Sleep: 10\n    - PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: A }\n"
            + "    - PostQueuedCompletionStatus: { bytes: 3, key: 4, overlapped: null }\n";

    @Test
    void runsToTheSummary() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", POST_AND_TAKE);
        List<SimEvent> events = new ArrayList<>();
        Summary summary = ScenarioRunner.run(s, events::add);
        assertInstanceOf(Summary.class, events.get(events.size() - 1));
        assertEquals(2, summary.packets());
        assertEquals(List.of("T1", "T2", "main"), List.copyOf(summary.perThread().keySet()));
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i, events.get(i).seq());
        }
    }

    @Test
    void theSameFileGivesTheSameBytes() throws Exception {
        assertArrayEquals(trace(POST_AND_TAKE), trace(POST_AND_TAKE));
    }

    @Test
    void untilStopsTheRun() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", "until: 5\n" + POST_AND_TAKE);
        Summary summary = ScenarioRunner.run(s, e -> { });
        assertEquals(5_000, summary.tUs());
        assertEquals(0, summary.packets());
    }

    @Test
    void aSocketScenarioRunsOnRealLoopbackConnections() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                ports: { P: { concurrency: 1 } }
                sockets: { S1: { port: P, key: 11 } }
                peers:
                  S1: [ { at: 1, send: hello } ]
                threads:
                  T: [ { WSARecv: { socket: S1, buffers: [3, 8], overlapped: R } }, GetQueuedCompletionStatus ]
                """);
        List<SimEvent> events = new ArrayList<>();
        ScenarioRunner.run(s, events::add);
        IoComplete done = events.stream().filter(IoComplete.class::isInstance).map(IoComplete.class::cast)
                .findFirst().orElseThrow();
        assertEquals(List.of("hel", "lo"), done.buffers());
        assertEquals(5, done.bytes());
    }

    private static byte[] trace(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter w = new TraceWriter(bytes);
        ScenarioRunner.run(ScenarioLoader.loadString("t.yaml", text), w::write);
        w.flush();
        return bytes.toByteArray();
    }
}
