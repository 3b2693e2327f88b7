package io.iocplab.conformance;

import static io.iocplab.conformance.Port.Q;
import static io.iocplab.conformance.Port.W;
import static io.iocplab.conformance.Trace.GQCS;
import static io.iocplab.conformance.Trace.PQCS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The conformance scenarios of iocp-semantics.md §7, one file each under
 * {@code src/test/resources/conformance}, checked against the spec's "expected outcome" column on the
 * trace the simulator writes. Each file's comments say how its timing realises "every step is
 * atomic and steps run in the listed order".
 */
class ConformanceScenariosTest {
    private static final String WSARECV = "WSARecv";
    private static final String HUNDRED_BYTES =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzAB";

    // ------------------------------------------------------------------ the port alone

    @Test
    @DisplayName("S1 concurrency 0 means the number of processors (4), 3 means 3; both ports start empty")
    void s01() {
        Trace t = Trace.run("S01-concurrency-value.yaml");
        List<Port> p0 = t.portStates("P0");
        List<Port> p3 = t.portStates("P3");
        assertEquals(1, p0.size());
        assertEquals(1, p3.size());
        assertEquals(4, p0.get(0).concurrency());
        assertEquals(3, p3.get(0).concurrency());
        p0.get(0).is(0, W(), Q()).hasAssociated();
        p3.get(0).is(0, W(), Q()).hasAssociated();
    }

    @Test
    @DisplayName("S2 a post with no thread returns TRUE and queues the packet: Q=[A], depth 1, C=0")
    void s02() {
        Trace t = Trace.run("S02-post-without-threads.yaml");
        Call post = t.returned("main", PQCS).succeeds().out("port", "P").out("delivered_to", null);
        Port after = t.portAfter(post).is(0, W(), Q("A"));
        assertEquals(List.of(new Port.Packet(10, 7, "A", 0)), after.queue());
    }

    @Test
    @DisplayName("S3 packets leave FIFO to one thread with C=1 each time; a zero-timeout GQCS then times out and C stays 1")
    void s03() {
        Trace t = Trace.run("S03-fifo-packets-and-timeout.yaml");
        List<Call> gqcs = t.returns("T1", GQCS);
        assertEquals(4, gqcs.size());
        t.portBefore(gqcs.get(0)).is(0, W(), Q("A", "B", "C"));

        gqcs.get(0).succeeds().packet(1, 101, "A").out("release", "immediate");
        t.portAfter(gqcs.get(0)).is(1, W(), Q("B", "C"));
        gqcs.get(1).succeeds().packet(2, 102, "B");
        t.portAfter(gqcs.get(1)).is(1, W(), Q("C"));
        gqcs.get(2).succeeds().packet(3, 103, "C");
        t.portAfter(gqcs.get(2)).is(1, W(), Q());

        gqcs.get(3).fails(258).noPacket();
        t.portAfter(gqcs.get(3)).is(1, W(), Q()).hasAssociated("T1");
        assertTrue(t.returns("main", GQCS).isEmpty(), "main is never associated");
    }

    @Test
    @DisplayName("S4 waiters are released LIFO: A->T3, B->T2, C->T1, C rising to 3, the queue staying empty")
    void s04() {
        Trace t = Trace.run("S04-lifo-waiters.yaml");
        List<Call> posts = t.returns("main", PQCS);
        assertEquals(3, posts.size());
        t.portBefore(posts.get(0)).is(0, W("T3", "T2", "T1"), Q());

        posts.get(0).succeeds().out("delivered_to", "T3");
        t.portAfter(posts.get(0)).is(1, W("T2", "T1"), Q());
        posts.get(1).succeeds().out("delivered_to", "T2");
        t.portAfter(posts.get(1)).is(2, W("T1"), Q());
        posts.get(2).succeeds().out("delivered_to", "T1");
        t.portAfter(posts.get(2)).is(3, W(), Q());

        t.returned("T3", GQCS).succeeds().packet(1, 1, "A").released("handed_off", null);
        t.returned("T2", GQCS).succeeds().packet(2, 2, "B").released("handed_off", null);
        t.returned("T1", GQCS).succeeds().packet(3, 3, "C").released("handed_off", null);
        t.portStates().forEach(p -> assertEquals(List.of(), p.queueLabels(), () -> "Q stays empty: " + p.event()));
    }

    @Test
    @DisplayName("S5 the concurrency value holds a packet back although T1 waits")
    void s05() {
        Trace t = Trace.run("S05-limit-holds-packet-back.yaml");
        List<Call> posts = t.returns("main", PQCS);
        assertEquals(3, posts.size());
        t.portBefore(posts.get(0)).is(0, W("T3", "T2", "T1"), Q());

        posts.get(0).succeeds().out("delivered_to", "T3");
        t.portAfter(posts.get(0)).is(1, W("T2", "T1"), Q());
        posts.get(1).succeeds().out("delivered_to", "T2");
        t.portAfter(posts.get(1)).is(2, W("T1"), Q());
        posts.get(2).succeeds().out("delivered_to", null);
        t.portAfter(posts.get(2)).is(2, W("T1"), Q("C"));

        t.returned("T3", GQCS).succeeds().packet(1, 1, "A");
        t.returned("T2", GQCS).succeeds().packet(2, 2, "B");
        assertEquals(List.of(), t.returns("T1", GQCS), "T1 is not woken");
        t.lastPortState().is(2, W("T1"), Q("C"));
        assertEquals("waiting", t.threadStates("T1").get(t.threadStates("T1").size() - 1).text("state"));
    }

    @Test
    @DisplayName("S7 a Sleep of the thread holding the only slot releases the next waiter with the queued packet")
    void s07() {
        Trace t = Trace.run("S07-sleep-releases-waiter.yaml");
        t.portBefore(t.returned("main", PQCS, 1)).is(0, W("T2", "T1"), Q());

        Call a = t.returned("main", PQCS, 1).succeeds().out("delivered_to", "T2");
        t.portAfter(a).is(1, W("T1"), Q());
        t.returned("T2", GQCS).succeeds().packet(1, 1, "A").released("handed_off", null);
        Call b = t.returned("main", PQCS, 2).succeeds().out("delivered_to", null);
        t.portAfter(b).is(1, W("T1"), Q("B"));

        Event sleep = t.waits("T2", "sleep").get(1);          // the Sleep(100) (the first Sleep precedes GQCS)
        t.portBefore(sleep).is(1, W("T1"), Q("B"));
        t.portAfter(sleep).is(1, W(), Q());
        Call t1 = t.returned("T1", GQCS).succeeds().packet(2, 2, "B").released("slept", "T2");
        assertEquals(sleep.tUs(), t1.tUs(), "T1 is released by T2's Sleep itself");
    }

    @Test
    @DisplayName("S8 when the Sleep ends C=2 exceeds M=1, and both threads simply run on")
    void s08() {
        Trace t = Trace.run("S08-running-exceeds-limit-after-wake.yaml");
        t.returned("T1", GQCS).succeeds().packet(2, 2, "B").released("slept", "T2");

        Call wake = t.returned("T2", "Sleep", 2);
        Port p = t.portAfter(wake).is(2, W(), Q());
        assertEquals(1, p.concurrency());
        assertTrue(p.running() > p.concurrency(), "C exceeds M");
        assertEquals("running", t.threadAt("T1", wake).text("state"));
        assertEquals("running", t.threadAt("T2", wake).text("state"));

        // from T2's return to its exit (its 50 ms Compute, while T1 still computes) nothing happens to
        // either thread or to the port: no preemption, no wait, C stays 2
        Event end = t.exit("T2");
        assertEquals(List.of(), t.between(wake, end).stream()
                .filter(e -> e.is("thread.state") || e.is("port.state")).toList());
        assertTrue(end.tUs() - wake.tUs() >= 50_000, "both ran together for the whole Compute");
        assertTrue(t.exit("T1").tUs() > end.tUs(), "T1 was still running when T2 ended");
    }

    @Test
    @DisplayName("S10 a wait with an empty queue only frees the slot; the next post is handed off; the waker then makes C=2")
    void s10() {
        Trace t = Trace.run("S10-wait-with-empty-queue-frees-slot.yaml");
        t.returned("T1", GQCS).succeeds().packet(0, 0, "X");

        Event mutexWait = t.waits("T1", "sleep").get(0);     // the model's stand-in for the mutex wait
        t.portBefore(mutexWait).is(1, W("T2"), Q());
        t.portAfter(mutexWait).is(0, W("T2"), Q());

        Call postA = t.returned("main", PQCS, 2).succeeds().out("delivered_to", "T2");
        assertTrue(postA.tUs() > mutexWait.tUs());
        Call t2 = t.returned("T2", GQCS).succeeds().packet(1, 1, "A").released("handed_off", null);
        assertTrue(t2.seq() > postA.seq(), "nobody was woken by the mutex wait itself");
        t.portAfter(postA).is(1, W(), Q());

        Call acquired = t.returned("T1", "Sleep");
        assertTrue(acquired.tUs() > postA.tUs());
        t.portAfter(acquired).is(2, W(), Q());
    }

    @Test
    @DisplayName("S11 ExitThread frees the slot and hands the queued packet to the waiter; T1 is no longer associated")
    void s11() {
        Trace t = Trace.run("S11-exit-releases-waiter.yaml");
        t.returned("T1", GQCS).succeeds().packet(0, 0, "X");
        Event exit = t.exit("T1");
        t.portBefore(exit).is(1, W("T2"), Q("B")).hasAssociated("T1", "T2");

        Call t2 = t.returned("T2", GQCS).succeeds().packet(2, 2, "B").released("exited", "T1");
        assertEquals(exit.tUs(), t2.tUs());
        t.portAfter(exit).is(1, W(), Q()).hasAssociated("T2");
    }

    @Test
    @DisplayName("S13 GQCS(P, 0) on an empty port: FALSE, NULL, 258, bytes and key unwritten; T1 is associated with C=1")
    void s13() {
        Trace t = Trace.run("S13-zero-timeout-associates.yaml");
        Call c = t.returned("T1", GQCS).fails(258).noPacket();
        t.portStates().get(0).is(0, W(), Q()).hasAssociated();      // the new port, before T1's call
        t.portAfter(c).is(1, W(), Q()).hasAssociated("T1");
    }

    @Test
    @DisplayName("S14a GQCS(P, 50 ms) with nothing posted times out at t=50 ms, C going from 0 to 1")
    void s14a() {
        Trace t = Trace.run("S14a-timeout-expires.yaml");
        Call c = t.returned("T1", GQCS).fails(258).noPacket();
        assertEquals(50_000, c.tUs());
        t.portAt(49_999).is(0, W("T1"), Q());
        t.portAfter(c).is(1, W(), Q()).hasAssociated("T1");
    }

    @Test
    @DisplayName("S14b a post at t=20 ms ends GQCS(P, 50 ms) with the packet at t=20 ms; no timeout follows")
    void s14b() {
        Trace t = Trace.run("S14b-post-before-timeout.yaml");
        Call post = t.returned("main", PQCS).succeeds().out("delivered_to", "T1");
        assertEquals(20_000, post.tUs());
        Call c = t.returned("T1", GQCS).succeeds().packet(5, 6, "A").released("handed_off", null);
        assertEquals(20_000, c.tUs());
        t.portAfter(c).is(1, W(), Q());
        assertTrue(t.summary().tUs() > 50_000, "the run went past the timeout");
        assertEquals(List.of(), t.ofType("api.return").stream().filter(e -> e.num("error") == 258).toList());
    }

    @Test
    @DisplayName("S19 the sentinel PQCS(P, 0, 0, NULL) dequeues as TRUE 0/0/NULL; then GQCS(P, 0) gives FALSE/NULL/258")
    void s19() {
        Trace t = Trace.run("S19-shutdown-sentinel.yaml");
        t.returned("main", PQCS).succeeds().out("delivered_to", null);
        t.returned("T1", GQCS, 1).succeeds().packet(0, 0, null);
        t.returned("T1", GQCS, 2).fails(258).noPacket();
        assertEquals(2, t.returns("T1", GQCS).size());
    }

    @Test
    @DisplayName("S21 PQCS values pass through unvalidated: TRUE, 0xFFFFFFFF, 0xABCDEF, ov 0x1")
    void s21() {
        Trace t = Trace.run("S21-post-values-unvalidated.yaml");
        t.returned("main", PQCS).succeeds();
        t.returned("T1", GQCS).succeeds().packet(0xFFFFFFFFL, 0xABCDEF, "0x1");
    }

    @Test
    @DisplayName("S29 closing the port abandons both waiters with 735; a later GQCS on the stale handle gets 6")
    void s29() {
        Trace t = Trace.run("S29-close-port-abandons-waiters.yaml");
        Call close = t.returned("main", "CloseHandle").succeeds();
        t.portBefore(close).is(0, W("T2", "T1"), Q());
        Port after = t.portAfter(close).is(0, W(), Q()).hasAssociated();
        assertTrue(after.closed());

        Call t2 = t.returned("T2", GQCS).fails(735).noPacket();
        Call t1 = t.returned("T1", GQCS).fails(735).noPacket();
        assertEquals(close.tUs(), t2.tUs());
        assertEquals(close.tUs(), t1.tUs());
        Call t3 = t.returned("T3", GQCS).fails(6).noPacket();
        assertTrue(t3.tUs() > close.tUs());
    }

    @Test
    @DisplayName("S32a an APC queued to a thread in an alertable GQCSEx, or before the call, runs; FALSE with 192; C=1")
    void s32a() {
        Trace t = Trace.run("S32a-alertable-gqcsex-runs-apcs.yaml");
        Event wait = t.waits("T1", "port").get(0);
        assertTrue(wait.bool("alertable"), "an alertable wait on the port: " + wait);
        Call queued = t.returned("main", "QueueUserAPC", 1).succeeds().out("thread_handle", "T1");
        t.portAfter(queued).is(1, W(), Q());                     // out of the waiters, counted again
        List<Event> apcs = t.ofType("apc");
        assertEquals(2, apcs.size());
        assertEquals("user", apcs.get(0).text("kind"));
        Call first = t.returned("T1", "GetQueuedCompletionStatusEx", 1).fails(192);
        assertEquals(List.of(), first.texts("entries"));
        assertTrue(apcs.get(0).seq() < first.seq() && first.tUs() < 50_000, "the APC ran before, long before 50 ms");
        t.portAfter(first).is(1, W(), Q());
        Call second = t.returned("T1", "GetQueuedCompletionStatusEx", 2).fails(192);
        assertEquals(1, t.waits("T1", "port").size(), "the second call does not wait: the APC was already queued");
        assertTrue(apcs.get(1).seq() < second.seq() && apcs.get(1).tUs() > t.returned("main", "QueueUserAPC", 2).tUs()
                + 4_000, "the APC queued during the Sleep waited for the alertable call");
    }

    @Test
    @DisplayName("S32b a non-alertable GQCS(P, 50) does not run the APC queued to T1 and times out at 50 ms")
    void s32b() {
        Trace t = Trace.run("S32b-gqcs-wait-is-not-alertable.yaml");
        t.returned("T1", WSARECV).fails(997).out("result", -1);
        Event wait = t.waits("T1", "port").get(0);
        Call c = t.returned("T1", GQCS).fails(258).noPacket();
        assertEquals(50_000, c.tUs() - wait.tUs());
        Event apc = t.ioComplete("R");
        assertTrue(apc.seq() > wait.seq() && apc.seq() < c.seq(), "the completion came during the wait");
        assertEquals(false, apc.bool("packet"));
        Event queued = t.ofType("apc.queued").get(0);
        assertEquals("completion", queued.text("kind"));
        assertTrue(queued.seq() > wait.seq() && queued.seq() < c.seq(), "its routine was queued to T1 then");
        assertEquals(List.of(), t.ofType("apc"), "and never ran: no alertable wait came");
        assertEquals(List.of(), t.between(wait, c).stream()
                .filter(e -> e.is("thread.state") && "T1".equals(e.text("thread"))
                        && !"ready".equals(e.text("state")) && !"running".equals(e.text("state"))).toList());
        t.portAfter(c).is(1, W(), Q());
    }

    @Test
    @DisplayName("S38 three threads waiting on a port with M=1 leave C=0: waiting threads never count")
    void s38() {
        Trace t = Trace.run("S38-waiters-never-count.yaml");
        t.portAfter(t.waits("T3", "port").get(0)).is(0, W("T3", "T2", "T1"), Q());
        t.lastPortState().is(0, W("T3", "T2", "T1"), Q()).hasAssociated("T1", "T2", "T3");
        t.portStates().forEach(p -> assertEquals(0, p.running(), () -> "C of " + p.event()));
    }

    // ------------------------------------------------------------------ sockets

    @Test
    @DisplayName("S17 a peer RST fails the pending WSARecv: GQCS gives FALSE, ov=R, key K, 0 bytes, 64; WSAGetOverlappedResult gives 10054")
    void s17() {
        Trace t = Trace.run("S17-peer-reset-fails-pending-recv.yaml");
        t.returned("main", WSARECV).fails(997).out("result", -1).out("overlapped", "R").out("bytes", null);
        Event done = t.ioComplete("R");
        assertEquals(64, done.num("status"));
        assertEquals(0, done.num("bytes"));
        assertTrue(done.bool("packet"));
        assertTrue(done.seq() > t.ofType("peer").stream().filter(e -> "reset".equals(e.text("action")))
                .findFirst().orElseThrow().seq(), "R completes after the peer's RST");

        Call c = t.returned("T1", GQCS).fails(64).packet(0, 75, "R");
        t.portAfter(c).is(1, W(), Q()).hasAssociated("T1");
        t.returned("T1", "WSAGetOverlappedResult").fails(10054).out("overlapped", "R").out("bytes", 0);
    }

    @Test
    @DisplayName("Local close: closesocket with a receive pending completes it FALSE, ov=R, key K, 0 bytes, 1236 "
            + "(not a reset's 64); WSAGetOverlappedResult gives 10053 [WINE-sock; model decision 5]")
    void localClose() {
        Trace t = Trace.run("CLOSE-local-closesocket-aborts-pending-recv.yaml");
        t.returned("main", WSARECV).fails(997).out("overlapped", "R");
        t.returned("main", "closesocket").succeeds();
        Event done = t.ioComplete("R");
        assertEquals(1236, done.num("status"), "ERROR_CONNECTION_ABORTED, as Windows since Vista gives");
        assertEquals(0, done.num("bytes"));
        assertTrue(done.bool("packet"), "it went pending, so its failure comes through the port");
        t.returned("T1", GQCS).fails(1236).packet(0, 75, "R");
        t.returned("T1", "WSAGetOverlappedResult").fails(10053).out("overlapped", "R").out("bytes", 0);
    }

    @Test
    @DisplayName("Thread exit: a receive whose thread has exited is not cancelled; it completes TRUE through the "
            + "port when the bytes come [WINE-sock iocp_async_read_thread; iocp-semantics.md §2.3]")
    void threadExitDoesNotCancel() {
        Trace t = Trace.run("EXIT-thread-exit-does-not-cancel-io.yaml");
        Call recv = t.returned("issuer", WSARECV).fails(997).out("overlapped", "R");
        Event exited = t.ofType("thread.state").stream().filter(e -> "issuer".equals(e.text("thread"))
                && "exited".equals(e.text("state"))).findFirst().orElseThrow();
        assertTrue(exited.seq() > recv.seq());
        Event done = t.ioComplete("R");
        assertTrue(done.seq() > exited.seq(), "R completes after its thread has gone");
        assertEquals(0, done.num("status"), "not ERROR_OPERATION_ABORTED: nothing cancelled it");
        assertEquals(5, done.num("bytes"));
        t.returned("T1", GQCS).succeeds().packet(5, 75, "R");
    }

    @Test
    @DisplayName("S18 a peer FIN completes the pending 4096-byte WSARecv as TRUE with 0 bytes, key K, ov R")
    void s18() {
        Trace t = Trace.run("S18-peer-fin-completes-recv-with-zero.yaml");
        Call recv = t.returned("main", WSARECV).fails(997).out("result", -1).out("overlapped", "R");
        assertEquals(List.of("4096"), recv.texts("wsabufs"), "one WSABUF of 4096 bytes");
        Event done = t.ioComplete("R");
        assertEquals(0, done.num("status"));
        assertEquals(0, done.num("bytes"));
        assertEquals(List.of(""), done.texts("buffers"));
        assertTrue(done.bool("packet"));
        t.returned("T1", GQCS).succeeds().packet(0, 75, "R");
    }

    @Test
    @DisplayName("S24 a WSARecv that completes at once returns 0 with 100 bytes and still queues a packet")
    void s24() {
        Trace t = Trace.run("S24-immediate-success-queues-packet.yaml");
        Call recv = t.returned("main", WSARECV).succeeds().out("result", 0).out("bytes", 100).out("overlapped", "R");
        Event done = t.ioComplete("R");
        assertEquals(0, done.num("status"));
        assertEquals(100, done.num("bytes"));
        assertTrue(done.bool("packet"), "a packet is queued although the call succeeded at once");
        assertEquals(List.of(HUNDRED_BYTES), done.texts("buffers"));
        Port after = t.portAfter(recv).is(0, W(), Q("R"));
        assertEquals(new Port.Packet(100, 75, "R", 0), after.queue().get(0));
        t.returned("T1", GQCS).succeeds().packet(100, 75, "R");
    }

    @Test
    @DisplayName("S25 with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS the immediate WSARecv queues no packet; GQCS(P, 0) gives 258")
    void s25() {
        Trace t = Trace.run("S25-skip-completion-port-on-success.yaml");
        t.returned("main", "SetFileCompletionNotificationModes").succeeds();
        Call recv = t.returned("main", WSARECV).succeeds().out("result", 0).out("bytes", 100);
        assertEquals(false, t.ioComplete("R").bool("packet"));
        assertEquals(0, t.portAfter(recv).queue().size(), "depth 0");
        t.returned("T1", GQCS).fails(258).noPacket();
        t.portStates().forEach(p -> assertEquals(List.of(), p.queueLabels(), () -> "no packet ever: " + p.event()));
    }

    @Test
    @DisplayName("S26 a pending WSARecv returns SOCKET_ERROR/997 without writing the count; 60 bytes later queue {60, K, R}")
    void s26() {
        Trace t = Trace.run("S26-pending-recv-leaves-outputs.yaml");
        t.returned("main", WSARECV).fails(997).out("result", -1).out("bytes", null);
        Event done = t.ioComplete("R");
        assertEquals(60, done.num("bytes"));
        assertEquals(0, done.num("status"));
        assertTrue(done.bool("packet"));
        assertEquals(List.of(HUNDRED_BYTES.substring(0, 60)), done.texts("buffers"));
        Port queued = t.portAfter(done).is(0, W(), Q("R"));
        assertEquals(new Port.Packet(60, 75, "R", 0), queued.queue().get(0));
        t.returned("T1", GQCS).succeeds().packet(60, 75, "R");
    }

    @Test
    @DisplayName("S27 WSARecv on a reset connection fails at once with 10054 and never makes a packet")
    void s27() {
        Trace t = Trace.run("S27-recv-after-reset-fails-at-once.yaml");
        t.returned("main", WSARECV).fails(10054).out("result", -1).out("bytes", null);
        assertEquals(List.of(), t.ioCompletes());
        t.returned("T1", GQCS).fails(258).noPacket();
        t.portStates().forEach(p -> assertEquals(List.of(), p.queueLabels(), () -> "no packet ever: " + p.event()));
    }

    @Test
    @DisplayName("S28 an hEvent with its low bit set keeps both an immediate and a later completion off the port")
    void s28() {
        Trace t = Trace.run("S28-hevent-low-bit-suppresses-packet.yaml");
        t.returned("main", WSARECV, 1).succeeds().out("overlapped", "R1").out("result", 0).out("bytes", 5);
        t.returned("main", WSARECV, 2).fails(997).out("overlapped", "R2").out("result", -1);
        Event r1 = t.ioComplete("R1");
        Event r2 = t.ioComplete("R2");
        assertEquals(false, r1.bool("packet"));
        assertEquals(false, r2.bool("packet"));
        assertEquals(List.of("early"), r1.texts("buffers"));
        assertEquals(List.of("late"), r2.texts("buffers"));
        t.returned("T1", GQCS).fails(258).noPacket();
        t.portStates().forEach(p -> assertEquals(List.of(), p.queueLabels(), () -> "no packet ever: " + p.event()));
        // the event path, not the port: the status block was written at completion
        t.returned("T1", "WSAGetOverlappedResult", 1).succeeds().out("overlapped", "R1").out("bytes", 5);
        t.returned("T1", "WSAGetOverlappedResult", 2).succeeds().out("overlapped", "R2").out("bytes", 4);
    }

    @Test
    @DisplayName("S33 CancelIoEx aborts the pending WSARecv (GQCS: FALSE, ov=R, 0 bytes, 995); a second CancelIoEx finds nothing (1168)")
    void s33() {
        Trace t = Trace.run("S33-cancelioex.yaml");
        t.returned("main", WSARECV).fails(997);
        Call first = t.returned("main", "CancelIoEx", 1).succeeds().out("overlapped", "R");
        Event done = t.ioComplete("R");
        assertEquals(995, done.num("status"));
        assertTrue(done.bool("packet"));
        assertTrue(done.seq() < first.seq(), "the cancel completes R within the CancelIoEx call");
        Call c = t.returned("T1", GQCS).fails(995).packet(0, 75, "R");
        Call second = t.returned("main", "CancelIoEx", 2).fails(1168).out("overlapped", "R");
        assertTrue(second.seq() > c.seq());
    }

    @Test
    @DisplayName("S37a associating an already associated socket with a second port fails: NULL, 87; S stays on P1")
    void s37a() {
        Trace t = Trace.run("S37a-second-association-refused.yaml");
        t.returned("main", "CreateIoCompletionPort").fails(87).out("socket", "S").out("port", null);
        t.returned("T1", GQCS).succeeds().out("port", "P1").packet(1, 1, "R");
        assertEquals(1, t.portStates("P2").size(), "P2 is never touched");
    }

    @Test
    @DisplayName("S37b CreateIoCompletionPort(INVALID_HANDLE_VALUE, P1, 0, 0) fails: NULL, 87")
    void s37b() {
        Trace t = Trace.run("S37b-associate-invalid-handle-value.yaml");
        t.returned("main", "CreateIoCompletionPort").fails(87).out("port", null);
        t.lastPortState("P1").is(0, W(), Q());
    }

    @Test
    @DisplayName("S40 WSARecv with a completion routine on an associated socket fails with 10022 and never makes a packet")
    void s40() {
        Trace t = Trace.run("S40-completion-routine-refused.yaml");
        t.returned("main", WSARECV).fails(10022).out("result", -1).out("overlapped", "R");
        assertEquals(List.of(), t.ioCompletes());
        t.returned("T1", GQCS).fails(258).noPacket();
        t.portStates().forEach(p -> assertEquals(List.of(), p.queueLabels(), () -> "no packet ever: " + p.event()));
    }
}
