package io.iocplab.timeline;

import static io.iocplab.timeline.Runs.close;
import static io.iocplab.timeline.Runs.compute;
import static io.iocplab.timeline.Runs.gqcs;
import static io.iocplab.timeline.Runs.gqcsEx;
import static io.iocplab.timeline.Runs.post;
import static io.iocplab.timeline.Runs.resume;
import static io.iocplab.timeline.Runs.sleep;
import static io.iocplab.timeline.Runs.suspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** (c) The "why?" answers, in English and Korean, on states of real runs. */
class WhyTest {
    static final Locale EN = Locale.ENGLISH;
    static final Locale KO = Locale.KOREAN;

    /** The state at the stop where the first event matching p is shown: the end of its moment. */
    static ViewState after(List<SimEvent> events, Predicate<SimEvent> p) {
        return new ViewStateBuilder(Runs.CPUS).applyAll(events.subList(0, Runs.stopAfter(events, p))).snapshot();
    }

    static ViewState at(List<SimEvent> events, int step) {
        return new ViewStateBuilder(Runs.CPUS).applyAll(events.subList(0, step)).snapshot();
    }

    static Predicate<SimEvent> returnOf(String thread, String api) {
        return e -> e instanceof ApiReturn r && r.thread().equals(thread) && r.api().name().equals(api);
    }

    static Predicate<SimEvent> stateOf(String thread, State state, Wait wait) {
        return e -> e instanceof ThreadState t && t.thread().equals(thread) && t.state() == state
                && t.waitingOn() == wait;
    }

    static void contains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), () -> "expected \"" + p + "\" in: " + text);
        }
    }

    /** Prints both texts when run with -Dwhy.print=true, to read them whole. */
    static void print(Explanation e) {
        if (!Boolean.getBoolean("why.print")) {
            return;
        }
        System.out.println(e.key() + "\n  EN: " + e.text(EN) + "\n  KO: " + e.text(KO));
    }

    // ------------------------------------------------------------------ threads waiting on the port

    @Test
    @DisplayName("S5: T1 waits although C is queued: 2 threads run and the concurrency value is 2")
    void waitingWithPacketsQueued() {
        ViewState s = after(Runs.s5(), e -> e instanceof PortState p && p.queue().size() == 1);
        Explanation e = Why.thread(s, "T1");
        print(e);
        assertEquals("thread.waitingPort.queued", e.key());
        assertEquals(List.of("T1", "P", 1, 2, 2), e.args().subList(0, 5));
        contains(e.text(EN), "T1 is waiting on P although 1 packet is queued: 2 threads are running and the "
                + "concurrency value is 2", "first to be released");
        contains(e.text(KO), "T1 스레드는", "P 포트", "패킷이 1개", "실행 중인 스레드가 2개", "동시 실행 값이 2", "LIFO");
    }

    @Test
    @DisplayName("Two packets queued: the plural, as in the brief's example")
    void waitingWithTwoPacketsQueued() {
        List<SimEvent> ev = new Runs.Run().port("P", 2)
                .thread("T1", gqcs("P"), compute(1_000)).thread("T2", gqcs("P"), compute(1_000))
                .thread("T3", gqcs("P"), compute(1_000))
                .thread("main", compute(10), post("P", "A"), post("P", "B"), post("P", "C"), post("P", "D"))
                .run();
        ViewState s = after(ev, e -> e instanceof PortState p && p.queue().size() == 2);
        String en = Why.thread(s, "T1").text(EN);
        contains(en, "although 2 packets are queued: 2 threads are running and the concurrency value is 2");
        contains(Why.thread(s, "T1").text(KO), "패킷이 2개");
    }

    @Test
    @DisplayName("S5: waiting with an empty queue, and where the waiter stands in the LIFO")
    void waitingOnEmptyQueue() {
        ViewState s = after(Runs.s5(), stateOf("T3", State.WAITING, Wait.PORT));
        Explanation t1 = Why.thread(s, "T1");
        print(t1);
        assertEquals("thread.waitingPort.empty", t1.key());
        contains(t1.text(EN), "T1 is waiting on P and no packet is queued", "2 threads started waiting after it");
        contains(t1.text(KO), "T1 스레드는 P 포트에서 기다리고", "패킷이 하나도 없습니다", "스레드가 2개");
        Explanation t3 = Why.thread(s, "T3");
        contains(t3.text(EN), "most recent waiter, so it is the first to be released");
        contains(t3.text(KO), "가장 먼저 풀려납니다");
    }

    // ------------------------------------------------------------------ how a thread was released

    @Test
    @DisplayName("S5: T3 and T2 were handed A and B at post time; T1 was released with C because T3 exited")
    void handedOffAndReleasedByExit() {
        List<SimEvent> ev = Runs.s5();
        Explanation t3 = Why.thread(after(ev, returnOf("T3", "GetQueuedCompletionStatus")), "T3");
        print(t3);
        assertEquals("thread.handedOff", t3.key());
        contains(t3.text(EN), "T3 was waiting on P when packet A arrived", "handed the packet straight to T3");
        contains(t3.text(KO), "T3 스레드가 P 포트에서 기다리던 중에 패킷(A)이 도착", "바로 넘겨주었습니다");
        Explanation t1 = Why.thread(after(ev, returnOf("T1", "GetQueuedCompletionStatus")), "T1");
        print(t1);
        assertEquals("thread.freed", t1.key());
        contains(t1.text(EN), "T1 was released with packet C because T3 exited");
        contains(t1.text(KO), "T3 스레드가 종료했습니다", "T1 스레드가 큐 맨 앞의 패킷(C)을 받아 풀려났습니다");
    }

    @Test
    @DisplayName("S7: T1 was released with B because T2 blocked in Sleep; T2 sleeping frees its slot")
    void releasedBecauseAnotherSlept() {
        List<SimEvent> ev = Runs.s7();
        ViewState s = after(ev, returnOf("T1", "GetQueuedCompletionStatus"));
        Explanation t1 = Why.thread(s, "T1");
        print(t1);
        contains(t1.text(EN), "released with packet B because T2 blocked in Sleep", "freed a slot on P");
        contains(t1.text(KO), "T2 스레드가 Sleep을 호출해", "P 포트에 자리가 하나 비었고", "패킷(B)");
        Explanation t2 = Why.thread(s, "T2");
        print(t2);
        assertEquals("thread.sleeping", t2.key());
        contains(t2.text(EN), "T2 is in Sleep", "does not count as running");
        contains(t2.text(KO), "T2 스레드는 Sleep 중", "실행 중으로 세지 않");
    }

    @Test
    @DisplayName("Took a packet at once (immediate), with GQCS and GQCSEx")
    void tookAtOnce() {
        List<SimEvent> ev = new Runs.Run().port("P", 2)
                .thread("M", post("P", "A"), post("P", "p1"), post("P", "p2"))
                .thread("T1", compute(10), gqcs("P"), compute(100), gqcsEx("P", 4), compute(100))
                .run();
        Explanation one = Why.thread(after(ev, returnOf("T1", "GetQueuedCompletionStatus")), "T1");
        print(one);
        assertEquals("thread.tookAtOnce", one.key());
        contains(one.text(EN), "T1 called GetQueuedCompletionStatus on P and took packet A at once");
        contains(one.text(KO), "패킷(A)을 기다리지 않고 바로 가져왔습니다");
        Explanation ex = Why.thread(after(ev, returnOf("T1", "GetQueuedCompletionStatusEx")), "T1");
        print(ex);
        contains(ex.text(EN), "took 2 packets (p1, p2) at once");
        contains(ex.text(KO), "패킷(2개: p1, p2)을");
    }

    @Test
    @DisplayName("Timed out: WAIT_TIMEOUT (258)")
    void timedOut() {
        List<SimEvent> ev = new Runs.Run().port("P", 2).thread("T1", gqcs("P", 50_000), compute(10)).run();
        Explanation e = Why.thread(after(ev, returnOf("T1", "GetQueuedCompletionStatus")), "T1");
        print(e);
        assertEquals("thread.timedOut", e.key());
        contains(e.text(EN), "returned FALSE with WAIT_TIMEOUT (258)", "no packet came before the timeout");
        contains(e.text(KO), "WAIT_TIMEOUT(258)", "패킷이 오지 않았다");
    }

    @Test
    @DisplayName("Abandoned: the port closed under a waiter, ERROR_ABANDONED_WAIT_0 (735)")
    void abandoned() {
        List<SimEvent> ev = new Runs.Run().port("P", 2)
                .thread("T1", gqcs("P"), compute(10)).thread("M", compute(10), close("P")).run();
        Explanation e = Why.thread(after(ev, returnOf("T1", "GetQueuedCompletionStatus")), "T1");
        print(e);
        assertEquals("thread.abandoned", e.key());
        contains(e.text(EN), "ERROR_ABANDONED_WAIT_0 (735)", "P was closed while the thread was waiting");
        contains(e.text(KO), "ERROR_ABANDONED_WAIT_0(735)", "P 포트가 닫혀서");
        Explanation g = Why.gauge(after(ev, e2 -> e2 instanceof PortState p && p.closed()), "P");
        assertEquals("gauge.closed", g.key());
    }

    @Test
    @DisplayName("A failed I/O packet: the peer's RST completes the pending WSARecv with ERROR_NETNAME_DELETED (64)")
    void failedPacket() {
        List<SimEvent> ev = new Runs.Run(new Runs.FakeConnections()).port("P", 2)
                .socket("S1", "P", 11, new Peer.Scripted(List.of(new Peer.Close(100, true))))
                .thread("W", Runs.recv("S1", "R1", 8), gqcs("P"), compute(10)).run();
        ViewState s = after(ev, returnOf("W", "GetQueuedCompletionStatus"));
        assertEquals(64, s.thread("W").packet().status());
        assertTrue(s.socket("S1").peerReset());
        assertEquals(64, s.socket("S1").lastCompletion().status());
        Explanation e = Why.thread(s, "W");
        print(e);
        assertEquals("thread.failedPacket", e.key());
        contains(e.text(EN), "W got packet R1 from P", "FALSE with ERROR_NETNAME_DELETED (64)", "the I/O operation",
                "the peer reset the connection (RST)", "Your own closesocket would give 1236");
        contains(e.text(KO), "패킷(R1)을 받았지만", "ERROR_NETNAME_DELETED(64)", "상대가 연결을 리셋(RST)했기");
    }

    @Test
    @DisplayName("A failed I/O packet of the program's own closesocket: 1236, and the why says it is not a reset")
    void failedPacketOfALocalClose() {
        List<SimEvent> ev = new Runs.Run(new Runs.FakeConnections()).port("P", 2)
                .socket("S1", "P", 11, Peer.SILENT)
                .thread("W", Runs.recv("S1", "R1", 8), new Step.closesocket("S1", Runs.N), gqcs("P"), compute(10))
                .run();
        ViewState s = after(ev, returnOf("W", "GetQueuedCompletionStatus"));
        assertEquals(1236, s.thread("W").packet().status());
        Explanation e = Why.thread(s, "W");
        assertEquals("thread.failedPacket", e.key());
        contains(e.text(EN), "ERROR_CONNECTION_ABORTED (1236)", "closed the socket itself", "a peer's reset gives 64");
        contains(e.text(KO), "ERROR_CONNECTION_ABORTED(1236)", "소켓을 직접 닫았기");
    }

    // ------------------------------------------------------------------ other states

    @Test
    @DisplayName("Over the limit: S7's T2 came back from Sleep while the count was already 1 of 1")
    void overshootThread() {
        ViewState s = after(Runs.s7(), stateOf("T2", State.RUNNING, null).and(e -> e.tUs() == 111));
        Explanation e = Why.thread(s, "T2");
        print(e);
        assertEquals("thread.overshoot", e.key());
        contains(e.text(EN), "T2 runs over the limit of P: it came back from Sleep while the running count was "
                + "already 1 of 1", "now 2 of 1");
        contains(e.text(KO), "T2 스레드는 P 포트의 한도를 넘겨", "Sleep에서 돌아왔을 때", "1/1", "2/1");
    }

    @Test
    @DisplayName("Over the limit and ready: S7 with every other processor busy, T2 comes back and waits for one")
    void overshootReadyThread() {
        Runs.Run r = new Runs.Run().port("P", 1)
                .thread("T1", gqcs("P"), compute(1_000))
                .thread("T2", gqcs("P"), sleep(100), compute(10))
                .thread("M", compute(10), post("P", "A"), post("P", "B"));
        for (int i = 1; i < Runs.CPUS; i++) {
            r.thread("B" + i, compute(5_000));                   // the other processors stay busy
        }
        ViewState s = after(r.run(), stateOf("T2", State.READY, null).and(e -> e.tUs() > 100));
        Explanation e = Why.thread(s, "T2");
        print(e);
        // asked "why is T2 ready but not running?", the answer says both: it waits for a processor, and counts
        assertEquals("thread.overshoot.ready", e.key());
        contains(e.text(EN), "T2 is ready: it waits for a free processor, and on P it already counts as running, "
                + "over the limit: it came back from Sleep while the running count was already 1 of 1");
        contains(e.text(KO), "T2 스레드는 준비(ready) 상태로 비어 있는 프로세서를 기다리고 있지만", "2/1");
    }

    @Test
    @DisplayName("Ready: waiting for a processor, and already counted on its port")
    void ready() {
        // one processor: T1 runs first and waits on P while M is ready; M's post hands A to T1, which must
        // wait for the processor M holds, already counted on P
        List<SimEvent> ev = new Runs.Run(1).port("P", 2)
                .thread("T1", gqcs("P"), compute(10))
                .thread("M", compute(10), post("P", "A"), compute(100))
                .run();
        Explanation first = Why.thread(after(ev, e -> true), "M");
        assertEquals("thread.ready", first.key());
        contains(first.text(EN), "M is ready", "free processor");
        contains(first.text(KO), "M 스레드는 준비(ready) 상태", "프로세서");
        Explanation counted = Why.thread(after(ev, e -> e instanceof io.iocplab.sim.event.PortDequeue), "T1");
        print(counted);
        assertEquals("thread.ready.counted", counted.key(), "T1 waits for the processor M holds");
        contains(counted.text(EN), "For P it already counts as running (1 of 2)");
        contains(counted.text(KO), "실행 중인 스레드 수 1/2");
    }

    @Test
    @DisplayName("Suspended, exited, running")
    void suspendedExitedRunning() {
        List<SimEvent> ev = new Runs.Run().port("P", 1)
                .thread("T1", compute(1_000))
                .thread("M", compute(10), suspend("T1"), compute(50), resume("T1")).run();
        Explanation sus = Why.thread(after(ev, stateOf("T1", State.WAITING, Wait.SUSPENDED)), "T1");
        print(sus);
        assertEquals("thread.suspended", sus.key());
        contains(sus.text(EN), "T1 is suspended (SuspendThread)", "ResumeThread");
        contains(sus.text(KO), "T1 스레드는 SuspendThread로 일시 중단", "ResumeThread");
        Explanation run = Why.thread(after(ev, stateOf("T1", State.RUNNING, null)), "T1");
        print(run);
        assertEquals("thread.running", run.key());
        contains(run.text(EN), "T1 is running on processor 0");
        contains(run.text(KO), "T1 스레드는 0번 프로세서에서 실행 중");
        Explanation done = Why.thread(at(ev, ev.size()), "T1");
        assertEquals("thread.exited", done.key());
        contains(done.text(EN), "T1 has exited");
        contains(done.text(KO), "T1 스레드는 종료되었습니다");
        assertEquals("thread.unknown", Why.thread(at(ev, ev.size()), "T9").key());
    }

    @Test
    @DisplayName("Blocked in a blocking WSARecv (no OVERLAPPED): waiting in I/O")
    void blockedInIo() {
        List<SimEvent> ev = new Runs.Run(new Runs.FakeConnections()).port("P", 2)
                .socket("S2", null, 0, new Peer.Scripted(List.of(new Peer.Send(200, "abc"))))
                .thread("W", Runs.recv("S2", null, 4), compute(10)).run();
        Explanation e = Why.thread(after(ev, stateOf("W", State.WAITING, Wait.IO)), "W");
        print(e);
        assertEquals("thread.blockedIo", e.key());
        contains(e.text(EN), "W is blocked in WSARecv, a call made without an OVERLAPPED");
        contains(e.text(KO), "W 스레드는 WSARecv 호출 안에서 멈춰", "OVERLAPPED 없이");
    }

    // ------------------------------------------------------------------ queued packets

    @Test
    @DisplayName("S5: C waits: the most recent waiter is T1 but the count is at the limit; it is next to leave")
    void packetAtLimit() {
        ViewState s = after(Runs.s5(), e -> e instanceof PortState p && p.queue().size() == 1);
        Explanation e = Why.packet(s, "P", 0);
        print(e);
        assertEquals("packet.atLimit", e.key());
        contains(e.text(EN), "This packet (C) waits: the most recent waiter is T1, but the running count is at the "
                + "limit (2 of 2)", "It is next to leave");
        contains(e.text(KO), "패킷(C)이", "T1 스레드가 있긴 하지만", "한도(2/2)", "다음 차례");
        assertEquals("packet.notQueued", Why.packet(s, "P", 1).key());
    }

    @Test
    @DisplayName("No thread waits: the packet waits for the next GetQueuedCompletionStatus; FIFO position")
    void packetNoWaiter() {
        List<SimEvent> ev = new Runs.Run().port("P", 2)
                .thread("M", post("P", 10, 7, null), post("P", "B")).run();
        ViewState s = at(ev, ev.size());
        Explanation head = Why.packet(s, "P", 0);
        print(head);
        assertEquals("packet.noWaiter", head.key());
        contains(head.text(EN), "This packet (key 7, 10 bytes, no OVERLAPPED) waits", "no thread is waiting on P",
                "next to leave");
        contains(head.text(KO), "패킷(키 7, 10바이트, OVERLAPPED 없음)이", "기다리는 스레드가 하나도 없기");
        Explanation second = Why.packet(s, "P", 1);
        print(second);
        contains(second.text(EN), "This packet (B)", "1 packet is ahead of it");
        contains(second.text(KO), "앞에 패킷이 1개");
    }

    // ------------------------------------------------------------------ the gauge

    @Test
    @DisplayName("Gauge: 2 of 2 at the limit (S5); 1 of 2 below the limit with T2 the next waiter (S5)")
    void gaugeAtAndBelowLimit() {
        List<SimEvent> ev = Runs.s5();
        Explanation at = Why.gauge(after(ev, e -> e instanceof PortState p && p.queue().size() == 1), "P");
        print(at);
        assertEquals("gauge.atLimit", at.key());
        contains(at.text(EN), "2 of 2: at the limit, a waiting thread will not be released");
        contains(at.text(KO), "2/2: 한도에 찼습니다", "풀려나지 않습니다");
        Explanation below = Why.gauge(after(ev, e -> e instanceof PortState p && p.running() == 1), "P");
        print(below);
        assertEquals("gauge.below.waiter", below.key());
        contains(below.text(EN), "1 of 2: below the limit", "straight to T2");
        contains(below.text(KO), "1/2: 아직 한도보다 적습니다", "T2 스레드");
        // nothing queued and nobody waiting: a thread that calls now does not "take a queued packet at once"
        Explanation idle = Why.gauge(at(ev, 1), "P");
        assertEquals("gauge.below.empty", idle.key());
        contains(idle.text(EN), "0 of 2: below the limit, but no thread is waiting and no packet is queued",
                "waits in the queue until a thread calls GetQueuedCompletionStatus");
        assertFalse(idle.text(EN).contains("takes a queued packet"), idle.text(EN));
        contains(idle.text(KO), "0/2: 아직 한도보다 적지만, 기다리는 스레드도 큐에 있는 패킷도 없습니다");
    }

    @Test
    @DisplayName("Gauge: 2 of 1: overshoot by 1 because T2 came back from Sleep (S7)")
    void gaugeOvershoot() {
        ViewState s = after(Runs.s7(), stateOf("T2", State.RUNNING, null).and(e -> e.tUs() == 111));
        Explanation e = Why.gauge(s, "P");
        print(e);
        assertEquals("gauge.overshoot", e.key());
        contains(e.text(EN), "2 of 1: overshoot by 1 because T2 came back from Sleep while the count was already 1 "
                + "of 1");
        contains(e.text(KO), "2/1: 한도를 1만큼 넘었습니다", "T2 스레드가 Sleep에서 돌아왔을 때", "1/1");
    }

    // ------------------------------------------------------------------ the bundles

    @Test
    @DisplayName("The bundles: the same keys in English and Korean, UTF-8, every pattern formats")
    void bundles() throws IOException {
        Properties en = load("why.properties");
        Properties ko = load("why_ko.properties");
        assertEquals(en.stringPropertyNames(), ko.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            Object[] args = {1, 2, 3, 4, 5, 6, 7};
            new java.text.MessageFormat(en.getProperty(key), EN).format(args);
            String k = new java.text.MessageFormat(ko.getProperty(key), KO).format(args);
            assertFalse(k.contains("\uFFFD"), key);
        }
        assertTrue(ko.getProperty("gauge.atLimit").contains("한도"), "read as UTF-8");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.KOREA);
            assertTrue(Explanation.of("thread.exited", "T1").text(Locale.ENGLISH).startsWith("T1 has exited"),
                    "English is asked for, whatever the default locale");
            assertTrue(Explanation.of("thread.exited", "T1").text(Locale.KOREA).startsWith("T1 스레드는"));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WhyTest.class.getResourceAsStream("/io/iocplab/timeline/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
