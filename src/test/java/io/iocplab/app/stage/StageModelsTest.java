package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.timeline.Comeback;
import io.iocplab.timeline.PendingIo;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ProcessorView;
import io.iocplab.timeline.SocketView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The stage's view-models from hand-made views: no toolkit. */
class StageModelsTest {
    private final Texts en = new Texts(Locale.ENGLISH);
    private final Texts ko = new Texts(Locale.KOREAN);

    private static PortView port(int concurrency, int running, List<PacketView> queue, List<String> waiters) {
        return new PortView("P", concurrency, running, queue, waiters, List.of("T1", "T2", "T3", "T4"), false, 0);
    }

    private static ThreadView thread(String name, State s, Wait w, Integer cpu, Api call, List<PacketView> held,
                                     Comeback cb) {
        return new ThreadView(name, s, w, cpu, call, 0, null, held, held.size(), null, null, cb, null);
    }

    private static ViewState state(Map<String, PortView> ports, Map<String, ThreadView> threads) {
        return new ViewState(1, 0, 2, ports, threads, Map.of(),
                List.of(new ProcessorView(0, null), new ProcessorView(1, null)), null, null);
    }

    @Test
    void queueCardsAreInFifoOrderWithTheHeadLabelledAndFailuresNamed() {
        PortView p = port(2, 2, List.of(new PacketView(5, 12, "R2", 0), new PacketView(0, 13, "R3", 64),
                new PacketView(3, 11, null, 0)), List.of("T6", "T4", "T1"));
        PortCardModel m = PortCardModel.of(p, 2, en);

        assertEquals("Completion port P", m.title());
        assertEquals("hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 2)", m.createCall());
        assertEquals(3, m.cards().size());
        PacketCardModel head = m.cards().get(0);
        assertTrue(head.head());
        assertEquals("next out", head.headTag());
        assertEquals("5 bytes", head.bytes());
        assertEquals("key 12", head.key());
        assertEquals("ov R2", head.overlapped());
        assertNull(head.status());
        assertFalse(head.failed());

        PacketCardModel failed = m.cards().get(1);
        assertFalse(failed.head());
        assertNull(failed.headTag());
        assertTrue(failed.failed());
        assertEquals("ERROR_NETNAME_DELETED (64)", failed.status());
        assertEquals("ov NULL", m.cards().get(2).overlapped());
        assertEquals(0, m.hiddenCards());
        assertNull(m.moreCards());
    }

    @Test
    void aLongQueueIsSummedUp() {
        List<PacketView> q = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            q.add(new PacketView(i, i, "R" + i, 0));
        }
        PortCardModel m = PortCardModel.of(port(2, 2, q, List.of()), 2, en);
        assertEquals(PortCardModel.MAX_CARDS, m.cards().size());
        assertEquals(40 - PortCardModel.MAX_CARDS, m.hiddenCards());
        assertEquals("+" + (40 - PortCardModel.MAX_CARDS) + " more", m.moreCards());
        assertEquals("ov R0", m.cards().get(0).overlapped());
        assertTrue(m.queueTitle().contains("FIFO"), m.queueTitle());
    }

    @Test
    void theGaugeShowsTheCountAgainstTheValueAndTheOvershootApart() {
        GaugeModel at = PortCardModel.of(port(2, 2, List.of(), List.of()), 2, en).gauge();
        assertEquals("2 / 2", at.value());
        assertEquals(GaugeModel.Level.AT_LIMIT, at.level());
        assertEquals(0, at.overshoot());
        assertEquals(3, at.units());
        assertEquals(2 / 3.0, at.limitFraction(), 1e-9);
        assertEquals(2 / 3.0, at.withinFraction(), 1e-9);
        assertEquals(0, at.overshootFraction(), 1e-9);
        assertNull(at.overshootLabel());
        assertEquals("concurrency value 2", at.limitLabel());

        GaugeModel over = PortCardModel.of(port(2, 3, List.of(), List.of()), 2, en).gauge();
        assertEquals("3 / 2", over.value());
        assertEquals(GaugeModel.Level.OVER, over.level());
        assertEquals(1, over.overshoot());
        assertEquals(4, over.units());
        assertEquals(0.5, over.limitFraction(), 1e-9);
        assertEquals(0.5, over.withinFraction(), 1e-9);
        assertEquals(0.25, over.overshootFraction(), 1e-9);
        assertEquals("overshoot +1", over.overshootLabel());
        assertTrue(over.caption().contains("Over the limit by 1"), over.caption());

        GaugeModel below = PortCardModel.of(port(4, 1, List.of(), List.of()), 4, en).gauge();
        assertEquals(GaugeModel.Level.BELOW, below.level());
        assertEquals("1 / 4", below.value());
        assertTrue(below.caption().startsWith("3 below the limit"), below.caption());

        GaugeModel korean = PortCardModel.of(port(2, 3, List.of(), List.of()), 2, ko).gauge();
        assertEquals("초과 +1", korean.overshootLabel());
        assertEquals("동시 실행 값 2", korean.limitLabel());
    }

    @Test
    void belowTheLimitTheCaptionSaysWhatANewPacketMeetsAsTheWaitersAndQueueShow() {
        // the issue's case: "a packet that arrives now wakes a waiter at once" beside "No thread is waiting"
        PortCardModel idle = PortCardModel.of(port(2, 0, List.of(), List.of()), 2, en);
        assertEquals("No thread is waiting.", idle.waiters().emptyText());
        assertEquals("2 below the limit, but no thread is waiting: a packet that arrives now waits in the queue.",
                idle.gauge().caption());
        assertEquals("한도까지 2자리 남음: 하지만 대기 중인 스레드가 없어서, 지금 오는 패킷은 큐에서 기다립니다.",
                PortCardModel.of(port(2, 0, List.of(), List.of()), 2, ko).gauge().caption());

        PortCardModel waiter = PortCardModel.of(port(2, 1, List.of(), List.of("T3", "T1")), 2, en);
        assertEquals("1 below the limit: a packet that arrives now wakes T3 at once.", waiter.gauge().caption());

        PortCardModel queued = PortCardModel.of(port(2, 1, List.of(new PacketView(1, 1, "A", 0)), List.of()), 2, en);
        assertEquals("1 below the limit: a thread that calls GetQueuedCompletionStatus now takes the packet at the "
                + "head at once.", queued.gauge().caption());

        PortCardModel moment = PortCardModel.of(port(2, 1, List.of(new PacketView(1, 1, "A", 0)), List.of("T2")), 2, en);
        assertEquals("1 below the limit: T2 is released with the packet at the head at once.", moment.gauge().caption());
    }

    @Test
    void theCreateCallShowsTheArgumentAsWrittenAndTheValueInForceBeside() {
        // lesson 07: Q was created with NumberOfConcurrentThreads = 0 on 4 processors: 4 is in force
        PortView q = new PortView("Q", 4, 0, List.of(), List.of(), List.of(), false, 0);
        assertEquals("hcpQ = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)  "
                + "// 0: as many as there are processors, 4 here", PortCardModel.of(q, 0, en).createCall());
        assertEquals("hcpQ = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)  // 0이면 프로세서 수만큼: 여기서는 4",
                PortCardModel.of(q, 0, ko).createCall());
        assertEquals("hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1)",
                PortCardModel.of(port(1, 0, List.of(), List.of()), 1, en).createCall(), "written as in force: no comment");
        assertEquals("hcpQ = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 4)",
                PortCardModel.of(q, null, en).createCall(), "the scenario not known: the value in force");
    }

    @Test
    void theWaitersAreAStackWithTheMostRecentOnTop() {
        PortCardModel m = PortCardModel.of(port(2, 2, List.of(), List.of("T6", "T4", "T1")), 2, en);
        WaiterStackModel w = m.waiters();
        assertEquals("T6", w.top());
        assertEquals(List.of("T6", "T4", "T1"), w.entries().stream().map(WaiterStackModel.Entry::thread).toList());
        assertTrue(w.entries().get(0).next());
        assertEquals("▲ next to be released", w.entries().get(0).tag());
        assertFalse(w.entries().get(1).next());
        assertNull(w.entries().get(1).tag());

        List<String> many = new ArrayList<>();
        for (int i = 64; i >= 1; i--) {
            many.add("T" + i);
        }
        WaiterStackModel big = PortCardModel.of(port(2, 2, List.of(), many), 2, en).waiters();
        assertEquals(PortCardModel.MAX_WAITERS, big.entries().size());
        assertEquals("T64", big.top());
        assertEquals(64 - PortCardModel.MAX_WAITERS, big.hidden());

        WaiterStackModel none = PortCardModel.of(port(2, 0, List.of(), List.of()), 2, ko).waiters();
        assertNull(none.top());
        assertEquals("대기 중인 스레드가 없습니다.", none.emptyText());
        assertEquals("▲ 다음에 깨어날 스레드",
                PortCardModel.of(port(2, 2, List.of(), List.of("T1")), 2, ko).waiters().entries().get(0).tag());
    }

    @Test
    void threadChipsTellEveryStateApartInWordsAndIcons() {
        PortView p = port(2, 3, List.of(), List.of("T2"));
        Map<String, ThreadView> threads = new LinkedHashMap<>();
        threads.put("T1", thread("T1", State.RUNNING, null, 1, Api.GetQueuedCompletionStatus,
                List.of(new PacketView(5, 12, "A", 0)), null));
        threads.put("T2", thread("T2", State.WAITING, Wait.PORT, null, Api.GetQueuedCompletionStatus, List.of(), null));
        threads.put("T3", thread("T3", State.WAITING, Wait.SLEEP, null, Api.Sleep, List.of(), null));
        threads.put("T4", thread("T4", State.READY, null, null, Api.Sleep, List.of(),
                new Comeback("P", Wait.SLEEP, 2, 2, 0)));
        threads.put("T5", thread("T5", State.WAITING, Wait.SUSPENDED, null, null, List.of(), null));
        threads.put("T6", thread("T6", State.EXITED, null, null, Api.GetQueuedCompletionStatus, List.of(), null));
        threads.put("T7", thread("T7", State.WAITING, Wait.IO, null, Api.WSARecv, List.of(), null));
        threads.put("T8", thread("T8", null, null, null, null, List.of(), null));
        ViewState s = state(Map.of("P", p), threads);

        Map<String, ThreadChipModel> chips = new LinkedHashMap<>();
        threads.forEach((k, v) -> chips.put(k, ThreadChipModel.of(v, s, en)));

        ThreadChipModel t1 = chips.get("T1");
        assertEquals(ThreadChipModel.Kind.RUNNING, t1.kind());
        assertEquals("running on CPU 1", t1.stateText());
        assertNull(t1.call(), "a running thread's call is shown by the code view");
        assertEquals("in GetQueuedCompletionStatus", chips.get("T2").call());
        assertEquals("in Sleep", chips.get("T3").call());
        assertEquals("packet A · 5 B · key 12", t1.packet());
        assertEquals("▶", t1.icon());
        assertEquals("CPU 1", t1.shortState());
        assertEquals("A", t1.shortPacket());
        assertEquals("waits on P", chips.get("T2").shortState());
        assertEquals("Sleep", chips.get("T3").shortState());

        assertEquals(ThreadChipModel.Kind.WAITING_PORT, chips.get("T2").kind());
        assertEquals("waiting on port P", chips.get("T2").stateText());
        assertEquals(ThreadChipModel.Kind.WAITING_OTHER, chips.get("T3").kind());
        assertEquals("waiting: Sleep", chips.get("T3").stateText());
        assertEquals("waiting: blocking I/O", chips.get("T7").stateText());
        assertEquals(ThreadChipModel.Kind.READY, chips.get("T4").kind());
        // at a stop a ready thread waits for a processor: the scheduler fills an idle one in the same moment
        ViewState busy = new ViewState(1, 0, 2, Map.of("P", p), threads, Map.of(),
                List.of(new ProcessorView(0, "T1"), new ProcessorView(1, "T9")), null, null);
        assertEquals("ready (no free processor)", ThreadChipModel.of(threads.get("T4"), busy, en).stateText());
        assertTrue(chips.get("T4").overLimit(), "T4 came back from Sleep at the limit and P is at 3 of 2");
        assertEquals("over the limit", chips.get("T4").overLimitText());
        assertEquals(ThreadChipModel.Kind.SUSPENDED, chips.get("T5").kind());
        assertEquals(ThreadChipModel.Kind.EXITED, chips.get("T6").kind());
        assertNull(chips.get("T6").call());
        assertEquals(ThreadChipModel.Kind.NOT_STARTED, chips.get("T8").kind());

        // every kind has its own icon and CSS class: never colour alone
        assertEquals(ThreadChipModel.Kind.values().length,
                java.util.Arrays.stream(ThreadChipModel.Kind.values()).map(ThreadChipModel.Kind::icon).distinct().count());
        assertEquals("state-waiting-port", ThreadChipModel.Kind.WAITING_PORT.pseudoClass());

        assertEquals("대기 중 (포트 P)", ThreadChipModel.of(threads.get("T2"), s, ko).stateText());
        assertEquals("실행 중 (CPU 1)", ThreadChipModel.of(threads.get("T1"), s, ko).stateText());
        assertEquals("종료됨", ThreadChipModel.of(threads.get("T6"), s, ko).stateText());
        assertEquals("P 대기", ThreadChipModel.of(threads.get("T2"), s, ko).shortState());
    }

    @Test
    void processorsShowTheirThreadOrIdle() {
        assertEquals("T2", ProcessorModel.of(new ProcessorView(0, "T2"), en).text());
        assertEquals("CPU 0", ProcessorModel.of(new ProcessorView(0, "T2"), en).label());
        ProcessorModel idle = ProcessorModel.of(new ProcessorView(3, null), en);
        assertTrue(idle.idle());
        assertEquals("idle", idle.text());
        assertEquals("유휴", ProcessorModel.of(new ProcessorView(3, null), ko).text());
    }

    @Test
    void socketCardsShowRealPortsBytesPendingOperationsAndTheLastCompletion() {
        SocketView s = new SocketView("S1", 40211, 53122, 15, 10, false, false, false,
                List.of(new PendingIo(Api.WSARecv, "R1", List.of(4, 4, 8), "main", 0)),
                new IoComplete(0, 0, 0, "S1", Api.WSARecv, "R0", 0, 5, List.of("hel", "lo"), true));
        SocketCardModel m = SocketCardModel.of(s, en);
        assertEquals("server :40211 ⇄ peer :53122", m.ports());
        // both counts are the peer's, and say so: beside "WSARecv ... done: 5 B" (the server's receive), the
        // "received 10 B" of "peer sent 15 B · received 10 B" read as the server's
        assertEquals("peer: sent 15 B · got 10 B", m.bytes());
        assertEquals("피어: 보냄 15 B · 받음 10 B", SocketCardModel.of(s, ko).bytes());
        assertEquals(List.of("WSARecv R1 [4|4|8] pending"), m.pending());
        assertEquals("WSARecv ov R0 done: 5 B", m.last());
        assertEquals("\"hel\" | \"lo\"", m.landed());
        assertTrue(m.anyPending());
        assertFalse(m.lastFailed());
        assertNull(m.status());
        assertEquals(SocketCardModel.StatusKind.OPEN, m.statusKind());

        SocketView reset = new SocketView("S3", 40213, 53126, 0, 0, false, true, false, List.of(),
                new IoComplete(0, 0, 0, "S3", Api.WSARecv, "R3", 64, 0, List.of(), true));
        SocketCardModel r = SocketCardModel.of(reset, en);
        assertEquals(SocketCardModel.StatusKind.PEER_RESET, r.statusKind());
        assertEquals("peer reset (RST)", r.status());
        assertEquals("WSARecv ov R3 failed:", r.last());
        assertEquals("ERROR_NETNAME_DELETED (64)", r.landed());
        assertEquals(List.of("no operation pending"), r.pending());
        assertFalse(r.anyPending());
        assertTrue(r.lastFailed());

        SocketView fresh = new SocketView("S9", null, null, 0, 0, false, false, false, List.of(), null);
        assertEquals("not connected yet", SocketCardModel.of(fresh, en).ports());
        assertEquals("아직 연결 전", SocketCardModel.of(fresh, ko).ports());
        assertEquals("no completion yet", SocketCardModel.of(fresh, en).last());
        assertEquals("", SocketCardModel.of(fresh, en).landed());
        assertEquals("\"abcdefghijklmnopq…\"", SocketCardModel.landed(List.of("abcdefghijklmnopqrstuvwxyz")));
        assertEquals("\"a↵\"", SocketCardModel.landed(List.of("a\n")));
    }

    @Test
    void everyStageKeyIsInBothLanguages() throws Exception {
        Properties english = load("/io/iocplab/app/stage.properties");
        Properties korean = load("/io/iocplab/app/stage_ko.properties");
        assertEquals(english.keySet(), korean.keySet());
        for (String key : english.stringPropertyNames()) {
            assertFalse(korean.getProperty(key).isBlank(), key);
        }
        // Korean words are Korean, not English left untranslated
        assertNotNull(korean.getProperty("waiters.next"));
        assertTrue(korean.getProperty("waiters.next").codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL));
    }

    static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (var in = StageModelsTest.class.getResourceAsStream(path);
             var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
