package io.iocplab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rows of the event log, in words, without a toolkit. */
class EventTextTest {
    private final List<SimEvent> run = HistoryRuns.events();
    private final Texts english = new Texts(Locale.ENGLISH);
    private final EventText en = new EventText(english);

    @Test
    void aHandOffReadsAsTheCallItsResultAndHowItGotThePacket() {
        assertEquals("t=0.010 ms · T3 · GetQueuedCompletionStatus(P) → TRUE bytes=1 key=7 ov=A (handed off)",
                en.row(run.get(19)));
        assertEquals("t=0.010 ms · main · PostQueuedCompletionStatus(P) → TRUE (handed straight to T3)",
                en.row(run.get(16)));
        assertEquals("t=0.012 ms · main · PostQueuedCompletionStatus(P) → TRUE (queued: no waiter could take it)",
                en.row(run.get(26)));
        assertEquals("t=0.012 ms · T1 · GetQueuedCompletionStatus(P) → TRUE bytes=3 key=7 ov=C"
                + " (released: T2 went to Sleep)", en.row(run.get(31)));
        assertEquals("t=0.112 ms · T2 · Sleep returned", en.row(run.get(36)));
    }

    @Test
    void threadAndPortStatesReadAsStates() {
        assertEquals("t=0.000 ms · T1 · waits on the port in GetQueuedCompletionStatus", en.row(run.get(10)));
        assertEquals("t=0.010 ms · T3 · running on CPU 0", en.row(run.get(18)));
        assertEquals("t=0.011 ms · T2 · ready (waits for a free processor)", en.row(run.get(22)));
        assertEquals("t=0.012 ms · T2 · waits in Sleep", en.row(run.get(27)));
        assertEquals("t=0.013 ms · main · exited", en.row(run.get(32)));
        assertEquals("t=0.012 ms · P · running count 2 of 2 · queue [C] · waiters T1", en.row(run.get(25)));
        assertEquals("t=0.000 ms · P · running count 0 of 2 · queue empty · waiters T3, T2, T1", en.row(run.get(13)));
        assertEquals("t=0.112 ms · P · running count 3 of 2 · queue empty · waiters none (over the limit by 1)",
                en.row(run.get(33)));
        assertEquals("t=1.113 ms · run · end of run: 3 packets dequeued, 7 context switches",
                en.row(run.get(run.size() - 1)));
    }

    @Test
    void socketsPeersAndFailuresAreWrittenAsAProgrammerReadsThem() {
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("socket", "S1");
        pending.put("overlapped", "R1");
        pending.put("result", -1);
        pending.put("bytes", null);
        pending.put("wsabufs", List.of(4, 4));
        assertEquals("t=1.000 ms · T1 · WSARecv(S1) → SOCKET_ERROR error=997 WSA_IO_PENDING ov=R1 wsabufs=[4, 4]"
                        + " (pending: the completion comes later)",
                en.row(new ApiReturn(1000, 1, "T1", "WSARecv", false, 997, pending, 3)));
        Map<String, Object> timedOut = new LinkedHashMap<>();
        timedOut.put("port", "P");
        timedOut.put("bytes", null);
        timedOut.put("key", null);
        timedOut.put("overlapped", null);
        assertEquals("t=5.000 ms · T2 · GetQueuedCompletionStatus(P) → FALSE error=258 WAIT_TIMEOUT ov=NULL"
                        + " (timed out, no packet)",
                en.row(new ApiReturn(5000, 2, "T2", "GetQueuedCompletionStatus", false, 258, timedOut, 0)));
        assertEquals("t=2.050 ms · S1 · WSARecv ov=R1 completed: 5 bytes \"hello\" → completion packet",
                en.row(new IoComplete(2050, 3, "S1", "WSARecv", "R1", 0, 5, List.of("hell", "o"), true)));
        assertEquals("t=11.900 ms · S3 · WSARecv ov=R3 failed: error=64 ERROR_NETNAME_DELETED → completion packet",
                en.row(new IoComplete(11900, 4, "S3", "WSARecv", "R3", 64, 0, List.of(), true)));
        assertEquals("t=0.000 ms · S1 · peer connects from :53122 to the server socket :40211",
                en.row(new PeerAction(0, 5, "S1", "connect", 0, null, 53122, 40211)));
        assertEquals("t=2.000 ms · S1 · peer sends 5 bytes \"hel\\nlo\"",
                en.row(new PeerAction(2000, 6, "S1", "send", 5, "hel\nlo", 53122, 40211)));
        assertEquals("t=9.000 ms · S1 · peer resets the connection (RST)",
                en.row(new PeerAction(9000, 7, "S1", "reset", 0, null, 53122, 40211)));
        assertEquals("t=0.000 ms · T4 · waits for an event in WaitForSingleObject",
                en.row(new ThreadState(0, 8, "T4", ThreadState.State.WAITING, ThreadState.Wait.EVENT, null,
                        "WaitForSingleObject", 2)));
    }

    @Test
    void koreanRowsKeepTheWin32WordsAndTranslateTheRest() {
        EventText ko = new EventText(new Texts(Locale.KOREAN));
        assertEquals("t=0.010 ms · T3 · GetQueuedCompletionStatus(P) → TRUE bytes=1 key=7 ov=A (바로 전달됨)",
                ko.row(run.get(19)));
        assertEquals("t=0.012 ms · T1 · GetQueuedCompletionStatus(P) → TRUE bytes=3 key=7 ov=C"
                + " (깨어남: T2 스레드가 Sleep에 들어감)", ko.row(run.get(31)));
        assertEquals("t=0.112 ms · P · 실행 중인 스레드 수 3/2 · 큐 비어 있음 · 대기 스레드 없음 (한도를 1만큼 넘음)",
                ko.row(run.get(33)));
        assertEquals("t=0.010 ms · T3 · CPU 0에서 실행 중", ko.row(run.get(18)));
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
