package io.iocplab.conformance;

import static io.iocplab.conformance.Trace.GQCS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a real IOCP server meets beyond the port itself (issue 15): AcceptEx and DisconnectEx over real
 * listening sockets on 127.0.0.1, one file each under {@code src/test/resources/conformance}, each citing its
 * source in its comments, checked on the trace {@code iocplab run FILE} writes. (Every file there is also run
 * twice for a byte-identical trace, and checked whole at every stop.)
 */
class ServerScenariosTest {
    private static final String ACCEPT = "AcceptEx";
    private static final String DISCONNECT = "DisconnectEx";
    private static final String GQCSEX = "GetQueuedCompletionStatusEx";

    // ------------------------------------------------------------------ AcceptEx

    @Test
    @DisplayName("AcceptEx is pending until a client connects; its packet comes through the listener's port and key")
    void acceptThroughTheListenersPort() {
        Trace t = Trace.run("ACCEPT-pending-then-through-the-listeners-port.yaml");
        t.returned("main", ACCEPT).fails(997).out("listen", "L").out("socket", "A1").out("overlapped", "OA");
        Event done = t.ioComplete("OA");
        assertEquals(2_050, done.tUs(), "when the client's connection reaches the listener");
        assertEquals("L", done.text("socket"), "the operation was issued on the listener");
        assertEquals("A1", done.text("accepted"));
        assertEquals("C1", done.text("peer"));
        assertEquals(0, done.num("status"));
        assertEquals(0, done.num("bytes"), "no first data was asked for");
        assertTrue(done.bool("packet"));
        t.returned("main", GQCS, 1).succeeds().packet(0, 100, "OA");
        t.returned("main", "CreateIoCompletionPort").succeeds().out("socket", "A1").out("port", "P");
        t.returned("main", "WSARecv").fails(997);
        t.returned("main", GQCS, 2).succeeds().packet(5, 7, "R");
        assertEquals(List.of("hello"), t.ioComplete("R").texts("buffers"));
        Event connect = t.ofType("peer").get(0);
        assertEquals("connect", connect.text("action"));
        assertEquals("L", connect.text("socket"), "before it is accepted a client talks to the listener");
        assertEquals("C1", connect.text("peer"));
        Event send = t.ofType("peer").get(1);
        assertEquals("A1", send.text("socket"), "once accepted, to its socket");
        assertEquals(connect.num("remote_port"), send.num("remote_port"), "an accepted socket has the listener's port");
    }

    @Test
    @DisplayName("clients wait in the backlog; AcceptEx calls take them in issue order, still pending first")
    void backlogInIssueOrder() {
        Trace t = Trace.run("ACCEPT-backlog-in-issue-order.yaml");
        List<Event> listener = t.ofType("listener.state");
        assertTrue(listener.stream().anyMatch(e -> e.texts("backlog").equals(List.of("C1", "C2"))),
                "both clients wait in the backlog before any AcceptEx");
        List<Call> accepts = t.returns("main", ACCEPT);
        accepts.get(0).fails(997);
        accepts.get(1).fails(997);
        accepts.get(2).fails(997);
        accepts.get(3).fails(10022).out("socket", "A3");     // already being accepted into
        accepts.get(4).fails(10022).out("socket", "S");      // connected: cannot be accepted into
        assertEquals("C1", t.ioComplete("OA1").text("peer"));
        assertEquals("C2", t.ioComplete("OA2").text("peer"));
        assertEquals(accepts.get(0).tUs(), t.ioComplete("OA1").tUs(), "the waiting client is taken at once");
        assertTrue(t.ioCompletes().stream().noneMatch(e -> "OA3".equals(e.text("overlapped"))), "OA3 stays pending");
        Event last = listener.get(listener.size() - 1);
        assertEquals(List.of(), last.texts("backlog"));
        assertEquals(1, last.get("accepts").size(), "OA3 waits for a client");
        Call ex = t.returned("main", GQCSEX).succeeds();
        assertEquals(List.of("OA1", "OA2"), ex.get("entries").findValuesAsText("overlapped"));
        t.returned("main", "WSARecv").succeeds().out("bytes", 3);
        assertEquals("one", t.ofType("peer").stream().filter(e -> "send".equals(e.text("action"))).findFirst()
                .orElseThrow().text("data"));
    }

    @Test
    @DisplayName("AcceptEx with first data completes when the bytes arrive, or with 0 bytes when the client closes")
    void firstData() {
        Trace t = Trace.run("ACCEPT-first-data.yaml");
        Event one = t.ioComplete("OA1");
        assertEquals(10_050, one.tUs(), "not at the connect (2.05 ms): when the first bytes arrive");
        assertEquals(2, one.num("bytes"));
        assertEquals(List.of("hi"), one.texts("buffers"));
        assertTrue(t.ofType("listener.state").stream().anyMatch(e -> e.tUs() == 2_050
                && "C1".equals(e.get("accepts").get(0).get("client").asText())),
                "at the connect the AcceptEx has its client, and still waits");
        t.returned("main", GQCS, 1).succeeds().packet(2, 100, "OA1");
        Event two = t.ioComplete("OA2");
        assertEquals(25_050, two.tUs());
        assertEquals(0, two.num("status"));
        assertEquals(0, two.num("bytes"), "the client closed without sending: TRUE, 0 bytes");
        t.returned("main", GQCS, 2).succeeds().packet(0, 100, "OA2");
    }

    @Test
    @DisplayName("closing the accept socket or the listener, or CancelIoEx on the listener, aborts AcceptEx with 995")
    void aborted() {
        Trace t = Trace.run("ACCEPT-aborted.yaml");
        for (String ov : List.of("OA1", "OA2", "OA3")) {
            Event e = t.ioComplete(ov);
            assertEquals(995, e.num("status"), ov);
            assertTrue(e.bool("packet"), ov + " completes through the listener's port");
        }
        assertEquals(t.returned("main", "closesocket", 1).tUs(), t.ioComplete("OA1").tUs());
        t.returned("main", "CancelIoEx").succeeds().out("socket", "L");
        assertEquals(t.returned("main", "CancelIoEx").tUs(), t.ioComplete("OA2").tUs());
        assertEquals(t.returned("main", "closesocket", 2).tUs(), t.ioComplete("OA3").tUs());
        Call ex = t.returned("main", GQCSEX).succeeds();
        assertEquals(List.of("995", "995", "995"), ex.get("entries").findValuesAsText("status"));
        t.returned("main", "WSAGetOverlappedResult").fails(995);
        List<Event> listener = t.ofType("listener.state");
        assertTrue(listener.get(listener.size() - 1).bool("closed"));
    }

    // ------------------------------------------------------------------ receives that leave the data

    @Test
    @DisplayName("the zero-byte receive completes TRUE with 0 bytes when data arrives, and the data stays")
    void zeroByteReceive() {
        Trace t = Trace.run("ZERO-byte-receive-leaves-the-data.yaml");
        List<Call> recvs = t.returns("main", "WSARecv");
        recvs.get(0).fails(997);
        List<Event> zero = t.ioCompletes().stream().filter(e -> "Z".equals(e.text("overlapped"))).toList();
        assertEquals(3, zero.size());
        assertEquals(5_050, zero.get(0).tUs(), "when the bytes arrive");
        zero.forEach(e -> {
            assertEquals(0, e.num("status"), "TRUE");
            assertEquals(0, e.num("bytes"), "nothing taken");
            assertTrue(e.bool("packet"));
        });
        t.returned("main", GQCS, 1).succeeds().packet(0, 5, "Z");
        recvs.get(1).succeeds().out("bytes", 0);                      // the data is still there: at once
        recvs.get(2).succeeds().out("bytes", 5);                      // and all of it for the real receive
        assertEquals(List.of("hello"), t.ioComplete("R").texts("buffers"));
        recvs.get(3).fails(997);
        assertEquals(20_050, zero.get(2).tUs(), "the FIN: the end of the stream");
        t.returned("main", GQCS, 4).succeeds().packet(0, 5, "Z");
    }

    @Test
    @DisplayName("MSG_PEEK on a blocking receive returns the bytes and leaves them for the next receive")
    void peek() {
        Trace t = Trace.run("PEEK-leaves-the-data.yaml");
        assertEquals(1, t.waits("T1", "io").size(), "the peek waits for the data");
        Call peeked = t.returned("T1", "WSARecv", 1).succeeds().out("bytes", 4).out("overlapped", null);
        assertEquals(1_050, peeked.tUs());
        t.returned("T1", "WSARecv", 2).succeeds().out("bytes", 4);
        assertEquals(List.of("peek"), t.ioComplete("R").texts("buffers"), "the same bytes, received now");
    }

    // ------------------------------------------------------------------ APCs

    @Test
    @DisplayName("a completion routine is an APC to the issuing thread, run only in an alertable wait; SleepEx returns 192")
    void completionRoutinesAndSleepEx() {
        Trace t = Trace.run("APC-sleepex-and-completion-routines.yaml");
        Event recv = t.ioComplete("R");
        assertEquals(false, recv.bool("packet"), "no port: no packet, a routine instead");
        List<Event> queued = t.ofType("apc.queued");
        assertEquals(List.of("R", "W"), queued.stream().map(e -> e.text("overlapped")).toList());
        assertEquals(recv.tUs(), queued.get(0).tUs(), "queued when the operation completed");
        Event sleeping = t.waits("T1", "sleep").get(0);
        assertTrue(sleeping.bool("alertable"));
        List<Event> ran = t.ofType("apc");
        assertEquals(List.of("R", "W"), ran.stream().map(e -> e.text("overlapped")).toList());
        assertEquals(List.of("completion", "completion"), ran.stream().map(e -> e.text("kind")).toList());
        assertEquals(recv.tUs(), ran.get(0).tUs(), "the alertable SleepEx(INFINITE) woke for it at once");
        t.returned("T1", "SleepEx", 1).succeeds().out("result", 192);
        t.returned("T1", "WSAGetOverlappedResult").succeeds().out("bytes", 4);
        Call send = t.returned("T1", "WSASend").succeeds().out("bytes", 4);
        assertEquals(send.tUs(), queued.get(1).tUs(), "completed at once: its routine was queued at once");
        Call plain = t.returned("T1", "SleepEx", 2).succeeds().out("result", 0).out("alertable", false);
        assertTrue(plain.seq() < ran.get(1).seq(), "a non-alertable SleepEx leaves it queued");
        t.returned("T1", "SleepEx", 3).succeeds().out("result", 192);
        t.returned("main", "QueueUserAPC").fails(31);
    }

    // ------------------------------------------------------------------ sends that wait

    @Test
    @DisplayName("a peer that stops reading for 50 ms: sends pend (997), then complete in issue order, every byte read")
    void backPressure() {
        Trace t = Trace.run("SEND-backpressure-peer-stops-reading-50ms.yaml");
        List<Call> sends = t.returns("main", "WSASend");
        assertEquals(10, sends.size());
        for (int i = 0; i < 10; i++) {
            if (i < 3) {
                sends.get(i).succeeds().out("bytes", 20);                     // 60 of 64: they fit
            } else {
                sends.get(i).fails(997).out("result", -1).out("bytes", null);
            }
        }
        List<Event> done = t.ioCompletes();
        assertEquals(List.of("W0", "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9"),
                done.stream().map(e -> e.text("overlapped")).toList(), "completed in the order they were issued");
        for (Event e : done.subList(3, 10)) {
            assertEquals(0, e.num("status"));
            assertEquals(20, e.num("bytes"));
            assertTrue(e.tUs() >= 55_000, "only once the peer reads again, 50 ms later: " + e);
        }
        List<String> packets = new java.util.ArrayList<>(t.returned("main", GQCSEX).get("entries")
                .findValuesAsText("overlapped"));
        t.returns("main", GQCS).forEach(c -> packets.add(c.text("overlapped")));
        assertEquals(done.stream().map(e -> e.text("overlapped")).toList(), packets, "and dequeued in that order");

        StringBuilder sent = new StringBuilder();
        done.forEach(e -> sent.append(String.join("", e.texts("buffers"))));
        StringBuilder read = new StringBuilder();
        t.ofType("peer").stream().filter(e -> "recv".equals(e.text("action"))).forEach(e -> read.append(e.text("data")));
        assertEquals(200, sent.length());
        assertEquals(sent.toString(), read.toString(), "the peer received every byte, in order");
        assertTrue(t.ofType("peer").stream().filter(e -> "recv".equals(e.text("action")))
                .allMatch(e -> e.tUs() >= 55_000), "nothing was read while the peer did not read");

        List<Event> state = t.ofType("socket.state");
        assertTrue(state.stream().allMatch(e -> e.num("unread") <= 64), "never more unread than the send buffer");
        Event full = state.stream().filter(e -> e.num("pending_sends") == 7).findFirst().orElseThrow();
        assertEquals(64, full.num("unread"));
        assertEquals(136, full.num("sending"), "seven sends wait with 136 bytes not yet in the buffer");
        assertEquals(false, full.bool("peer_reading"));
        Event last = state.get(state.size() - 1);
        assertEquals(0, last.num("unread"));
        assertEquals(0, last.num("pending_sends"));
    }

    @Test
    @DisplayName("a blocking send waits for room; CancelIoEx and a reset end pending sends with 995 and 64")
    void blockingCancelAndReset() {
        Trace t = Trace.run("SEND-blocking-cancel-and-reset.yaml");
        Event wait = t.waits("T1", "io").get(0);
        Call blocking = t.returned("T1", "WSASend").succeeds().out("bytes", 12).out("overlapped", null);
        assertEquals(20_000, blocking.tUs(), "when the peer has read enough");
        assertTrue(blocking.seq() > wait.seq());
        t.returned("T2", "WSASend", 1).fails(997);
        t.returned("T2", "WSASend", 2).fails(997);
        assertEquals(995, t.ioComplete("U1").num("status"));
        t.returned("T2", "CancelIoEx").succeeds();
        Event reset = t.ioComplete("U2");
        assertEquals(64, reset.num("status"));
        assertEquals(40_050, reset.tUs());
        t.returned("T2", GQCS, 1).fails(995).packet(0, 4, "U1");
        t.returned("T2", GQCS, 2).fails(64).packet(0, 4, "U2");
        t.returned("T2", "WSAGetOverlappedResult").fails(10054);
    }

    // ------------------------------------------------------------------ DisconnectEx

    @Test
    @DisplayName("DisconnectEx with TF_REUSE_SOCKET hands the socket back to AcceptEx, still on its port")
    void disconnectAndReuse() {
        Trace t = Trace.run("DISCONNECT-reuse-socket-for-acceptex.yaml");
        List<Call> disconnects = t.returns("main", DISCONNECT);
        disconnects.get(0).fails(997).out("reuse", true);
        List<Event> done = t.ioCompletes().stream().filter(e -> DISCONNECT.equals(e.text("api"))).toList();
        assertEquals(2, done.size());
        assertEquals(50, done.get(0).tUs() - disconnects.get(0).tUs(), "one loopback latency: the FIN's trip");
        assertEquals(0, done.get(0).num("status"));
        t.returned("main", GQCS, 4).succeeds().packet(0, 7, "D");          // through A1's port, with A1's key

        List<Call> accepts = t.returns("main", ACCEPT);
        accepts.get(1).fails(997).out("socket", "A1");
        List<Event> accepted = t.ioCompletes().stream().filter(e -> ACCEPT.equals(e.text("api"))).toList();
        assertEquals(List.of("C1", "C2"), accepted.stream().map(e -> e.text("peer")).toList());
        assertEquals(List.of("A1", "A1"), accepted.stream().map(e -> e.text("accepted")).toList());
        t.returned("main", "CreateIoCompletionPort", 2).fails(87);              // A1 kept its port
        t.returned("main", GQCS, 6).succeeds().packet(3, 7, "R");               // and its key
        assertEquals(List.of("two"), t.ioCompletes().stream().filter(e -> "R".equals(e.text("overlapped")))
                .reduce((a, b) -> b).orElseThrow().texts("buffers"));

        disconnects.get(1).fails(997).out("reuse", false);
        accepts.get(2).fails(10022);                                           // not handed back for reuse
        disconnects.get(2).fails(10057);                                       // not connected
    }
}
