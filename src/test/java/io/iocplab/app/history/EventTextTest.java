package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rows of the event log, in words, without a toolkit. */
class EventTextTest {
    private final List<SimEvent> run = HistoryRuns.events();
    private final Texts english = new Texts(Locale.ENGLISH);
    private final EventText en = new EventText(english);

    /** The n-th return of {@code api} to {@code thread}. */
    private SimEvent call(String thread, Api api, int n) {
        return run.stream().filter(e -> e instanceof ApiReturn r && r.thread().equals(thread) && r.api() == api)
                .skip(n).findFirst().orElseThrow();
    }

    /** The first state of {@code thread} into {@code state} at {@code tUs}. */
    private SimEvent state(String thread, ThreadState.State state, long tUs) {
        return run.stream().filter(e -> e instanceof ThreadState t && t.thread().equals(thread) && t.state() == state
                && t.tUs() == tUs).findFirst().orElseThrow();
    }

    /** The first state of port P that matches. */
    private SimEvent port(java.util.function.Predicate<PortState> p) {
        return run.stream().filter(e -> e instanceof PortState s && p.test(s)).findFirst().orElseThrow();
    }

    @Test
    void aPacketTakenReadsAsWhoTookWhatAndHow() {
        SimEvent handed = run.stream().filter(e -> e instanceof PortDequeue d && d.thread().equals("T3")).findFirst()
                .orElseThrow();
        assertEquals("t=0.010 ms · P · T3 takes A (handed off)", en.row(handed));
        assertEquals("t=0.010 ms · P · T3 스레드가 A 패킷을 받음 (바로 전달됨)", new EventText(new Texts(Locale.KOREAN)).row(handed));
    }

    @Test
    void aHandOffReadsAsTheCallItsResultAndHowItGotThePacket() {
        assertEquals("t=0.010 ms · T3 · GetQueuedCompletionStatus(P) → TRUE bytes=1 key=7 ov=A (handed off)",
                en.row(call("T3", Api.GetQueuedCompletionStatus, 0)));
        assertEquals("t=0.010 ms · main · PostQueuedCompletionStatus(P) → TRUE (handed straight to T3)",
                en.row(call("main", Api.PostQueuedCompletionStatus, 0)));
        assertEquals("t=0.012 ms · main · PostQueuedCompletionStatus(P) → TRUE (queued: no waiter could take it)",
                en.row(call("main", Api.PostQueuedCompletionStatus, 2)));
        assertEquals("t=0.012 ms · T1 · GetQueuedCompletionStatus(P) → TRUE bytes=3 key=7 ov=C"
                + " (released: T2 went to Sleep)", en.row(call("T1", Api.GetQueuedCompletionStatus, 0)));
        assertEquals("t=0.112 ms · T2 · Sleep returned", en.row(call("T2", Api.Sleep, 0)));
    }

    @Test
    void threadAndPortStatesReadAsStates() {
        assertEquals("t=0.000 ms · T1 · waits on the port in GetQueuedCompletionStatus", en.row(state("T1", ThreadState.State.WAITING, 0)));
        assertEquals("t=0.010 ms · T3 · running on CPU 0", en.row(state("T3", ThreadState.State.RUNNING, 10)));
        assertEquals("t=0.011 ms · T2 · ready to run", en.row(state("T2", ThreadState.State.READY, 11)));
        assertEquals("t=0.012 ms · T2 · waits in Sleep", en.row(state("T2", ThreadState.State.WAITING, 12)));
        assertEquals("t=0.013 ms · main · exited", en.row(state("main", ThreadState.State.EXITED, 13)));
        assertEquals("t=0.012 ms · P · running count 2 of 2 · queue [C] · waiters T1", en.row(port(p -> p.queue().size() == 1)));
        assertEquals("t=0.000 ms · P · running count 0 of 2 · queue empty · waiters T3, T2, T1", en.row(port(p -> p.waiters().size() == 3)));
        assertEquals("t=0.112 ms · P · running count 3 of 2 · queue empty · waiters none (over the limit by 1)",
                en.row(port(p -> p.running() == 3)));
        assertEquals("t=1.113 ms · run · end of run: 3 packets dequeued, 7 context switches",
                en.row(run.get(run.size() - 1)));
    }

    @Test
    void socketsPeersAndFailuresAreWrittenAsAProgrammerReadsThem() {
        CallResult pending = new CallResult.SocketIo("S1", "R1", -1, null, List.of(4, 4));
        assertEquals("t=1.000 ms · T1 · WSARecv(S1) → SOCKET_ERROR error=997 WSA_IO_PENDING ov=R1 wsabufs=[4, 4]"
                        + " (pending: the completion comes later)",
                en.row(new ApiReturn(1000, 1, 1, "T1", Api.WSARecv, false, 997, pending, 3)));
        CallResult timedOut = CallResult.Dequeued.none("P");
        assertEquals("t=5.000 ms · T2 · GetQueuedCompletionStatus(P) → FALSE error=258 WAIT_TIMEOUT ov=NULL"
                        + " (timed out, no packet)",
                en.row(new ApiReturn(5000, 2, 2, "T2", Api.GetQueuedCompletionStatus, false, 258, timedOut, 0)));
        assertEquals("t=2.050 ms · S1 · WSARecv ov=R1 completed: 5 bytes \"hello\" → completion packet",
                en.row(new IoComplete(2050, 3, 3, "S1", Api.WSARecv, "R1", 0, 5, List.of("hell", "o"), true)));
        assertEquals("t=11.900 ms · S3 · WSARecv ov=R3 failed: error=64 ERROR_NETNAME_DELETED (the peer reset the "
                        + "connection) → completion packet",
                en.row(new IoComplete(11900, 4, 4, "S3", Api.WSARecv, "R3", 64, 0, List.of(), true)));
        assertEquals("t=0.000 ms · S1 · peer connects from :53122 to the server socket :40211",
                en.row(new PeerAction(0, 5, 5, "S1", PeerAction.Action.CONNECT, 0, null, 53122, 40211)));
        assertEquals("t=2.000 ms · S1 · peer sends 5 bytes \"hel\\nlo\"",
                en.row(new PeerAction(2000, 6, 6, "S1", PeerAction.Action.SEND, 5, "hel\nlo", 53122, 40211)));
        assertEquals("t=9.000 ms · S1 · peer resets the connection (RST)",
                en.row(new PeerAction(9000, 7, 7, "S1", PeerAction.Action.RESET, 0, null, 53122, 40211)));
        assertEquals("t=0.000 ms · T4 · waits for an event in WaitForSingleObject",
                en.row(new ThreadState(0, 8, 8, "T4", ThreadState.State.WAITING, ThreadState.Wait.EVENT, null,
                        Api.WaitForSingleObject, 2)));
    }

    @Test
    void koreanRowsKeepTheWin32WordsAndTranslateTheRest() {
        EventText ko = new EventText(new Texts(Locale.KOREAN));
        assertEquals("t=0.010 ms · T3 · GetQueuedCompletionStatus(P) → TRUE bytes=1 key=7 ov=A (바로 전달됨)",
                ko.row(call("T3", Api.GetQueuedCompletionStatus, 0)));
        assertEquals("t=0.012 ms · T1 · GetQueuedCompletionStatus(P) → TRUE bytes=3 key=7 ov=C"
                + " (깨어남: T2 스레드가 Sleep에 들어감)", ko.row(call("T1", Api.GetQueuedCompletionStatus, 0)));
        assertEquals("t=0.112 ms · P · 실행 중인 스레드 수 3/2 · 큐 비어 있음 · 대기 스레드 없음 (한도를 1만큼 넘음)",
                ko.row(port(p -> p.running() == 3)));
        assertEquals("t=0.010 ms · T3 · CPU 0에서 실행 중", ko.row(state("T3", ThreadState.State.RUNNING, 10)));
    }

    @Test
    void everyRowOfTheRunIsFormattedInBothLanguages() {
        EventText ko = new EventText(new Texts(Locale.KOREAN));
        for (SimEvent e : run) {
            assertFalse(en.row(e).contains("!"), () -> "missing key in " + en.row(e));
            assertFalse(ko.row(e).contains("!"), () -> "missing key in " + ko.row(e));
        }
    }

    @Test
    void millisecondsHaveThreeExactDecimals() {
        assertEquals("10.001", EventText.millis(10_001));
        assertEquals("0.005", EventText.millis(5));
        assertEquals("0.050", EventText.millis(50));
        assertEquals("12345.678", EventText.millis(12_345_678));
        assertEquals("0.000", EventText.millis(0));
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws Exception {
        for (String bundle : List.of("history", "side")) {
            Properties base = load(bundle + ".properties");
            Properties ko = load(bundle + "_ko.properties");
            assertEquals(base.keySet(), ko.keySet(), bundle);
            assertTrue(ko.values().stream().anyMatch(v -> v.toString().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)));
        }
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = EventTextTest.class.getResourceAsStream("/io/iocplab/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
