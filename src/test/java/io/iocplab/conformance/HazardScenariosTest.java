package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The misuse detector (issue 15), one file per rule under {@code src/test/resources/conformance}, each citing
 * its source: every hazard is reported at the call that made it (thread, call, step of the listing), with its
 * rule's name, and the run goes on to its end as the model defines it.
 */
class HazardScenariosTest {

    /** One hazard as the test expects it: who, which call, which step, which rule. */
    private record Seen(String thread, String api, long step, String rule) {}

    private static List<Seen> hazards(Trace t) {
        return t.ofType("hazard").stream()
                .map(e -> new Seen(e.text("thread"), e.text("api"), e.num("step"), e.text("rule"))).toList();
    }

    /** The hazard is in the same moment as the call it names, and the run goes on after it. */
    private static void goesOn(Trace t) {
        for (Event h : t.ofType("hazard")) {
            assertTrue(h.text("message").length() > 20, "a message that says what happened: " + h);
            assertTrue(t.events().stream().anyMatch(e -> e.is("api.return") && e.seq() > h.seq()),
                    "calls return after the hazard: " + h);
        }
        assertTrue(t.summary().is("summary"), "the run ended normally");
    }

    @Test
    @DisplayName("overlapped-in-use: at the second WSARecv with a pending OVERLAPPED, not at a later one once free")
    void overlappedInUse() {
        Trace t = Trace.run("HAZARD-overlapped-in-use.yaml");
        assertEquals(List.of(new Seen("main", "WSARecv", 1, "overlapped-in-use")), hazards(t));
        assertEquals(t.returned("main", "WSARecv", 2).tUs(), t.ofType("hazard").get(0).tUs());
        t.returned("main", "WSARecv", 2).fails(997);                   // it goes on: pending too
        t.returned("main", "GetQueuedCompletionStatus", 2).fails(995);
        t.returned("main", "WSARecv", 3).fails(997);
        goesOn(t);
    }

    @Test
    @DisplayName("buffer-in-use: at the WSASend naming a buffer a pending WSARecv fills")
    void bufferInUse() {
        Trace t = Trace.run("HAZARD-buffer-in-use.yaml");
        assertEquals(List.of(new Seen("main", "WSASend", 1, "buffer-in-use")), hazards(t));
        t.returned("main", "WSASend", 1).succeeds();
        t.returned("main", "WSASend", 2).succeeds();
        goesOn(t);
    }

    @Test
    @DisplayName("socket-closed: at every call on the closed socket, each failing as the model says")
    void socketClosed() {
        Trace t = Trace.run("HAZARD-socket-closed.yaml");
        assertEquals(List.of(new Seen("main", "WSARecv", 1, "socket-closed"),
                new Seen("main", "closesocket", 2, "socket-closed"),
                new Seen("main", "CancelIoEx", 3, "socket-closed")), hazards(t));
        t.returned("main", "WSARecv").fails(10038);
        t.returned("main", "closesocket", 2).fails(10038);
        t.returned("main", "CancelIoEx").fails(6);
        goesOn(t);
    }

    @Test
    @DisplayName("port-closed: at the post and the wait on a closed port, each failing with 6")
    void portClosed() {
        Trace t = Trace.run("HAZARD-port-closed.yaml");
        assertEquals(List.of(new Seen("main", "PostQueuedCompletionStatus", 1, "port-closed"),
                new Seen("main", "GetQueuedCompletionStatus", 2, "port-closed")), hazards(t));
        t.returned("main", "PostQueuedCompletionStatus").fails(6);
        t.returned("main", "GetQueuedCompletionStatus").fails(6).noPacket();
        goesOn(t);
    }

    @Test
    @DisplayName("context-after-close: at the GQCS that takes a packet whose key's context was freed")
    void contextAfterClose() {
        Trace t = Trace.run("HAZARD-context-after-close.yaml");
        assertEquals(List.of(new Seen("main", "GetQueuedCompletionStatus", 3, "context-after-close")), hazards(t));
        t.returned("main", "GetQueuedCompletionStatus").fails(1236).packet(0, 5, "R");
        assertTrue(t.ofType("hazard").get(0).text("message").contains("key 5"));
        goesOn(t);
    }

    @Test
    @DisplayName("a correct server, the echo workload with and without AcceptEx, makes no hazard")
    void theEchoServerMakesNone() throws Exception {
        for (String accept : List.of("", ", accept: true")) {
            io.iocplab.scenario.Scenario s = io.iocplab.scenario.ScenarioLoader.loadString("echo.yaml",
                    "ports: { P: {} }\necho: { workers: 3, clients: 6, messages: 20, size: 16" + accept + " }\n");
            List<io.iocplab.sim.event.SimEvent> events = new java.util.ArrayList<>();
            io.iocplab.scenario.ScenarioRunner.run(s, events::add);
            assertEquals(List.of(), events.stream().filter(e -> e instanceof io.iocplab.sim.event.Hazard).toList(),
                    accept);
        }
    }

    @Test
    @DisplayName("freed-while-pending: at each HeapFree of memory a pending operation uses, none after completion")
    void freedWhilePending() {
        Trace t = Trace.run("HAZARD-freed-while-pending.yaml");
        assertEquals(List.of(new Seen("main", "HeapFree", 2, "freed-while-pending"),
                new Seen("main", "HeapFree", 3, "freed-while-pending")), hazards(t));
        assertEquals(4, t.returns("main", "HeapFree").size(), "every HeapFree returned");
        t.returns("main", "HeapFree").forEach(Call::succeeds);
        goesOn(t);
    }
}
