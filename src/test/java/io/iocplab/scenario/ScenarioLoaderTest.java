package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.Peer;
import io.iocplab.scenario.Scenario.SocketSpec;
import io.iocplab.sim.Step;
import io.iocplab.sim.Step.Source;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid files: the contract's example, defaults, extensions and every written form of a step. */
class ScenarioLoaderTest {

    private static Scenario load(String text) throws InvalidScenarioException {
        return ScenarioLoader.loadString("test.yaml", text);
    }

    @Test
    void readsTheContractExample() throws Exception {
        Scenario s = ScenarioLoader.loadString("contract-example.yaml", Resources.text("contract-example.yaml"));

        assertEquals("LIFO release of waiting threads", s.title());
        assertEquals(4, s.cpus());
        assertEquals(500_000, s.untilUs());
        assertEquals(Map.of("P", 3), s.ports());
        assertEquals(List.of("S1", "S2"), List.copyOf(s.sockets().keySet()));
        assertEquals(new SocketSpec("P", 11, new Source(7, 3)), s.sockets().get("S1"));
        assertEquals(new SocketSpec(null, 0, new Source(8, 3)), s.sockets().get("S2"));
        assertEquals(List.of(
                new Peer.Send(5_000, "hello"),
                new Peer.Close(20_000, false)), s.peers().get("S1"));
        assertEquals(List.of("T1", "T2", "main"), List.copyOf(s.threads().keySet()));
        assertEquals(List.of(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, new Source(15, 7))),
                s.threads().get("T1"));
        assertEquals(List.of(new Step.Sleep(1_000, new Source(17, 7)),
                        new Step.GetQueuedCompletionStatus("P", Step.INFINITE, new Source(18, 7))),
                s.threads().get("T2"));
        assertEquals(List.of(new Step.Sleep(10_000, new Source(20, 7)),
                        new Step.PostQueuedCompletionStatus("P", 10, 7, "A", new Source(21, 7))),
                s.threads().get("main"));
    }

    @Test
    void appliesDefaultsAndExtensions() throws Exception {
        Scenario s = load("threads:\n  T1: []\n");
        assertNull(s.title());
        assertEquals(Scenario.DEFAULT_CPUS, s.cpus());
        assertEquals(Scenario.NO_LIMIT, s.untilUs());
        assertEquals(20_000, s.quantumUs());
        assertEquals(1, s.callCostUs());
        assertEquals(1, s.seed());
        assertTrue(s.ports().isEmpty());
        assertEquals(List.of(), s.threads().get("T1"));

        Scenario e = load("seed: -7\nquantum: 2.5\ncallCost: 0.0104\nthreads: {}\n");
        assertEquals(-7, e.seed());
        assertEquals(2_500, e.quantumUs());
        assertEquals(10, e.callCostUs(), "10.4 µs rounds to 10");
        assertEquals(42, e.withSeed(42).seed());
    }

    @Test
    void keepsFileOrderOfPortsAndThreads() throws Exception {
        Scenario s = load("ports: { Z: {}, A: { concurrency: 0x2 }, M: }\nthreads: { z: [], a: , m: [] }\n");
        assertEquals(List.of("Z", "A", "M"), List.copyOf(s.ports().keySet()));
        assertEquals(List.of(0, 2, 0), List.copyOf(s.ports().values()));
        assertEquals(List.of("z", "a", "m"), List.copyOf(s.threads().keySet()));
    }

    @Test
    void readsHexNumbersAndKeepsLabelsAsWritten() throws Exception {
        Scenario s = load("ports: { P: {} }\nthreads:\n  main:\n"
                + "    - PostQueuedCompletionStatus: { bytes: 0xFFFFFFFF, key: 0xABCDEF, overlapped: 0x1 }\n"
                + "    - PostQueuedCompletionStatus: { bytes: 0, key: 0, overlapped: null }\n"
                + "    - PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: \"null\" }\n"
                + "    - PostQueuedCompletionStatus: { bytes: 1, key: 2, overlapped: { label: 010 } }\n");
        List<Step> main = s.threads().get("main");
        assertEquals(new Step.PostQueuedCompletionStatus("P", 0xFFFFFFFFL, 0xABCDEF, "0x1", new Source(4, 7)),
                main.get(0));
        assertNull(((Step.PostQueuedCompletionStatus) main.get(1)).overlapped());
        assertEquals("null", ((Step.PostQueuedCompletionStatus) main.get(2)).overlapped());
        assertEquals("010", ((Step.PostQueuedCompletionStatus) main.get(3)).overlapped());
    }

    @Test
    void acceptsEveryFormOfAStepWithoutArguments() throws Exception {
        Scenario s = load("ports: { P: {} }\nthreads:\n  T1:\n    - ExitThread: {}\n    - ExitThread: null\n"
                + "    - ExitThread\n    - ExitThread:\n    - GetQueuedCompletionStatus: {}\n"
                + "    - GetQueuedCompletionStatus\n    - CloseHandle\n");
        List<Step> t1 = s.threads().get("T1");
        assertEquals(7, t1.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(new Step.ExitThread(new Source(4 + i, 7)), t1.get(i));
        }
        assertEquals(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, new Source(8, 7)), t1.get(4));
        assertEquals(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, new Source(9, 7)), t1.get(5));
        assertEquals(new Step.CloseHandle("P", new Source(10, 7)), t1.get(6));
    }

    @Test
    void readsTimesInMillisecondsWithDecimals() throws Exception {
        Scenario s = load("until: 0.0005\nports: { P: {} }\nthreads:\n  T1:\n    - Sleep: 0.25\n    - Compute: 3\n"
                + "    - GetQueuedCompletionStatus: { timeout: 0 }\n"
                + "    - GetQueuedCompletionStatusEx: { count: 4, timeout: 1.5, alertable: true }\n");
        assertEquals(1, s.untilUs(), "0.5 µs rounds half up");
        List<Step> t1 = s.threads().get("T1");
        assertEquals(250, ((Step.Sleep) t1.get(0)).us());
        assertEquals(3_000, ((Step.Compute) t1.get(1)).us());
        assertEquals(0, ((Step.GetQueuedCompletionStatus) t1.get(2)).timeoutUs());
        assertEquals(new Step.GetQueuedCompletionStatusEx("P", 4, 1_500, true, new Source(8, 7)), t1.get(3));
    }

    @Test
    void readsLoopsAndThreadNames() throws Exception {
        Scenario s = load("threads:\n  T1:\n    - Loop:\n        times: forever\n        steps:\n"
                + "          - Loop: { times: 3, steps: [ Compute: 1, SuspendThread: T2 ] }\n"
                + "  T2:\n    - ResumeThread: T1\n");
        Step.Loop outer = (Step.Loop) s.threads().get("T1").get(0);
        assertNull(outer.times());
        Step.Loop inner = (Step.Loop) outer.steps().get(0);
        assertEquals(3, inner.times());
        assertEquals(List.of(new Step.Compute(1_000, new Source(6, 40)), new Step.SuspendThread("T2", new Source(6, 52))),
                inner.steps());
        assertEquals(new Step.ResumeThread("T1", new Source(8, 7)), s.threads().get("T2").get(0));
    }

    @Test
    void readsSocketSteps() throws Exception {
        Scenario s = load("ports: { P: {} }\nsockets: { S1: { port: P, key: 5 }, S2: }\n"
                + "peers: { S1: [ { at: 1, close: reset } ] }\nthreads:\n  T1:\n"
                + "    - WSARecv: { socket: S1, buffers: [4, 0x10], overlapped: { label: R, hEventLowBit: true } }\n"
                + "    - WSASend: { socket: S1, data: hi, overlapped: null, completionRoutine: false }\n"
                + "    - WSASend: { socket: S2, buffers: [a, 'b c'], overlapped: W }\n"
                + "    - CreateIoCompletionPort: { socket: S2, key: 9 }\n"
                + "    - WSAGetOverlappedResult: { socket: S1, overlapped: R }\n"
                + "    - CancelIoEx: { socket: S1, overlapped: null }\n"
                + "    - SetFileCompletionNotificationModes: { socket: S1, skipCompletionPortOnSuccess: true }\n"
                + "    - closesocket: S1\n");
        assertEquals(new Peer.Close(s.peers().get("S1").get(0).atUs(), true), s.peers().get("S1").get(0));
        List<Step> t1 = s.threads().get("T1");
        assertEquals(new Step.WSARecv("S1", List.of(4, 16), new Step.OverlappedArg("R", true), 0, false,
                new Source(6, 7)), t1.get(0));
        assertEquals(new Step.WSASend("S1", List.of("hi"), null, false, new Source(7, 7)), t1.get(1));
        assertEquals(List.of("a", "b c"), ((Step.WSASend) t1.get(2)).buffers());
        assertEquals(new Step.CreateIoCompletionPort("S2", "P", 9, new Source(9, 7)), t1.get(3));
        assertEquals(new Step.WSAGetOverlappedResult("S1", "R", new Source(10, 7)), t1.get(4));
        assertEquals(new Step.CancelIoEx("S1", null, new Source(11, 7)), t1.get(5));
        assertEquals(new Step.SetFileCompletionNotificationModes("S1", true, false, new Source(12, 7)), t1.get(6));
        assertEquals(new Step.closesocket("S1", new Source(13, 7)), t1.get(7));
    }

    @Test
    void theResultCannotBeModified() throws Exception {
        Scenario s = load("ports: { P: {} }\nthreads: { T1: [ Sleep: 1 ] }\n");
        assertFalse(s.threads().get("T1").isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> s.threads().get("T1").clear());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> s.ports().put("Q", 1));
    }
}
