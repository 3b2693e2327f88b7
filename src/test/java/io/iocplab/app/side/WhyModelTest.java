package io.iocplab.app.side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.scenario.Scenario;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import io.iocplab.timeline.Why;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the "why?" panel says, without a toolkit. */
class WhyModelTest {
    private static final Step.Source N = Step.Source.NONE;
    private final Texts english = new Texts(Locale.ENGLISH);
    private final Texts korean = new Texts(Locale.KOREAN);
    private final Timeline timeline = run();

    /**
     * Concurrency 1: T1 and T2 wait (T2 most recent); main posts A and B. A is handed to T2, B stays
     * queued (1 of 1). T2 sleeps 0.1 ms: T1 is released with B. T2 wakes while T1 runs: 2 of 1.
     */
    private static Timeline run() {
        Timeline t = new Timeline(4);
        Machine m = new Machine(MachineConfig.defaults(), t::append);
        m.createPort("P", 1);
        m.createThread("T1", List.of(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, N),
                new Step.Compute(1000, N)));
        m.createThread("T2", List.of(new Step.GetQueuedCompletionStatus("P", Step.INFINITE, N), new Step.Sleep(100, N),
                new Step.Compute(10, N)));
        m.createThread("main", List.of(new Step.Compute(10, N),
                new Step.PostQueuedCompletionStatus("P", 0, 0, "A", N),
                new Step.PostQueuedCompletionStatus("P", 0, 0, "B", N)));
        m.run();
        return t;
    }

    private int stepAfterPostOf(String label) {
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.event(i) instanceof ApiReturn r && r.api().name().equals("PostQueuedCompletionStatus")
                    && timeline.event(i - 1) instanceof PortState p && p.queue().stream()
                    .anyMatch(q -> label.equals(q.overlapped()))) {
                return i + 1;
            }
        }
        throw new AssertionError("no post of " + label);
    }

    @Test
    void withNothingSelectedItSaysWhatToClick() {
        WhyModel.Answer a = WhyModel.answer(timeline.stateAt(5), null, english, null);
        assertTrue(a.hint());
        assertEquals("Click a thread, a packet or the gauge to ask why.", a.body());
        assertEquals("스레드, 패킷, 또는 게이지를 클릭하면 왜 그런 상태인지 알려 드립니다.",
                WhyModel.answer(timeline.stateAt(5), null, korean, null).body());
    }

    @Test
    void aWaitingThreadGetsTheQuestionAndWhysAnswer() {
        ViewState s = timeline.stateAt(stepAfterPostOf("B"));
        WhyModel.Answer a = WhyModel.answer(s, new Selection.Thread("T1"), english, null);
        assertFalse(a.hint());
        assertEquals("Why is T1 waiting on the port?", a.title());
        assertEquals(Why.thread(s, "T1").text(Locale.ENGLISH), a.body());
        assertTrue(a.body().contains("concurrency value is 1"), a.body());
        WhyModel.Answer ko = WhyModel.answer(s, new Selection.Thread("T1"), korean, null);
        assertEquals("T1 스레드는 왜 포트에서 기다리고 있을까요?", ko.title());
        assertEquals(Why.thread(s, "T1").text(Locale.KOREAN), ko.body());
    }

    @Test
    void aQueuedPacketAndTheGauge() {
        ViewState s = timeline.stateAt(stepAfterPostOf("B"));
        WhyModel.Answer packet = WhyModel.answer(s, new Selection.Packet("P", 0), english, null);
        assertEquals("Why is packet B still in the queue of P?", packet.title());
        assertEquals(Why.packet(s, "P", 0).text(Locale.ENGLISH), packet.body());
        WhyModel.Answer gauge = WhyModel.answer(s, new Selection.Gauge("P"), english, null);
        assertEquals("Why is the running count of P at 1 of 1?", gauge.title());
        assertEquals(Why.gauge(s, "P").text(Locale.ENGLISH), gauge.body());
        assertEquals("P의 실행 중인 스레드 수는 왜 1/1일까요?",
                WhyModel.answer(s, new Selection.Gauge("P"), korean, null).title());
        WhyModel.Answer gone = WhyModel.answer(timeline.latest(), new Selection.Packet("P", 0), english, null);
        assertEquals("Packet 1 in the queue of P", gone.title());
    }

    @Test
    void theTitleFollowsTheThreadsState() {
        ViewState end = timeline.latest();
        assertEquals("Why has T2 ended?", WhyModel.answer(end, new Selection.Thread("T2"), english, null).title());
        assertEquals("T9", WhyModel.answer(end, new Selection.Thread("T9"), english, null).title());
        assertEquals("Socket S1", WhyModel.answer(end, new Selection.Socket("S1"), english, null).title());
    }

    @Test
    void aThreadOfTheScenarioThatHasNotStartedHasNotStartedAsTheCodeViewSays() throws Exception {
        // the welcome run restarted with 8 workers, at step 0: no event yet, so the state has no thread at all
        ParametersModel knobs = new ParametersModel(io.iocplab.app.model.Welcome.scenario());
        knobs.set(ParametersModel.WORKERS, 8);
        knobs.set(ParametersModel.CLIENTS, 16);
        Scenario eight = knobs.toScenario();
        ViewState zero = new Timeline(eight.cpus()).stateAt(0);
        WhyModel.Answer w3 = WhyModel.answer(zero, new Selection.Thread("W3"), english, eight);
        assertEquals("W3 has not started yet.", w3.body());
        assertEquals(english.get("code", "code.state.notStarted", "W3"), w3.body(), "the code view's own words");
        assertEquals(korean.get("code", "code.state.notStarted", "W3"),
                WhyModel.answer(zero, new Selection.Thread("W3"), korean, eight).body());
        assertEquals("There is no thread named W9 in this run.",
                WhyModel.answer(zero, new Selection.Thread("W9"), english, eight).body(), "8 workers: no W9");
    }

    @Test
    void aSocketCountsItsPendingOperationsInGoodGrammar() {
        io.iocplab.timeline.SocketView one = new io.iocplab.timeline.SocketView("S1", 40211, 53122, 5, 0, false, false,
                false, List.of(new io.iocplab.timeline.PendingIo(io.iocplab.sim.event.Api.WSARecv, "R1", List.of(8), "main", 0)), null);
        io.iocplab.timeline.SocketView none = new io.iocplab.timeline.SocketView("S2", 40211, 53124, 0, 0, false,
                false, false, List.of(), null);
        ViewState s = new ViewState(1, 0, 2, java.util.Map.of(), java.util.Map.of(), java.util.Map.of("S1", one, "S2", none),
                List.of(), null, null);
        assertEquals("S1: 1 overlapped operation is pending. Its peer has sent 5 bytes and received 0 bytes.",
                WhyModel.answer(s, new Selection.Socket("S1"), english, null).body());
        assertTrue(WhyModel.answer(s, new Selection.Socket("S2"), english, null).body()
                .startsWith("S2: no overlapped operation is pending."));
        assertTrue(WhyModel.answer(s, new Selection.Socket("S1"), korean, null).body()
                .startsWith("S1: 완료를 기다리는 overlapped 작업이 1개 있습니다."));
    }
}
