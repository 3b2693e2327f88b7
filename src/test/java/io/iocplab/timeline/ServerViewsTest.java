package io.iocplab.timeline;

import static io.iocplab.timeline.WhyTest.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.ThreadState;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fold and the "why?" answers on the server scenarios of issue 15 (listeners and AcceptEx, APCs, send
 * buffers, hazards), run from their files under {@code src/test/resources/conformance}.
 */
class ServerViewsTest {

    static List<SimEvent> run(String file) {
        return ScenarioRuns.run(file);
    }

    private static ViewState after(List<SimEvent> events, Predicate<SimEvent> p) {
        return WhyTest.after(events, p);
    }

    @Test
    @DisplayName("a client talks to the listener until an AcceptEx takes it; the accepted socket starts with its ports")
    void listenerAndAcceptedSocket() {
        List<SimEvent> events = run("ACCEPT-first-data.yaml");
        ViewState connected = after(events, e -> e instanceof io.iocplab.sim.event.ListenerState l
                && !l.accepts().isEmpty() && "C1".equals(l.accepts().get(0).client()));
        ListenerView l = connected.listener("L");
        assertNotNull(l);
        assertEquals(1, l.accepts().size(), "OA1 pending");
        assertEquals("C1", l.accepts().get(0).client(), "it holds C1, waiting for its first data");
        ListenerView.Client c1 = l.clients().get("C1");
        assertNotNull(c1);
        assertNull(connected.socket("L"), "a listener is never among the sockets");
        assertEquals(List.of(Api.AcceptEx), connected.socket("A1").pending().stream().map(PendingIo::api).toList(),
                "the accept socket shows its pending AcceptEx");

        ViewState accepted = after(events, e -> e instanceof IoComplete d && "OA1".equals(d.overlapped()));
        SocketView a1 = accepted.socket("A1");
        assertEquals(c1.serverPort(), a1.serverPort());
        assertEquals(c1.peerPort(), a1.peerPort());
        assertEquals(2, a1.peerSent(), "the first data C1 sent before it was accepted");
        assertTrue(a1.pending().isEmpty());
        assertEquals(Api.AcceptEx, a1.lastCompletion().api());
        assertFalse(accepted.listener("L").clients().containsKey("C1"), "C1 left the listener");
        assertNull(accepted.socket("L"));
    }

    @Test
    @DisplayName("a socket reused by DisconnectEx and AcceptEx starts anew with its second client")
    void reusedSocketStartsAnew() {
        List<SimEvent> events = run("DISCONNECT-reuse-socket-for-acceptex.yaml");
        List<PeerAction> connects = events.stream().filter(e -> e instanceof PeerAction a
                && a.action() == PeerAction.Action.CONNECT && a.peer() != null && a.peer().startsWith("C"))
                .map(e -> (PeerAction) e).toList();
        ViewState second = after(events, e -> e instanceof IoComplete d && d.api() == Api.AcceptEx
                && "C2".equals(d.peer()));
        SocketView a1 = second.socket("A1");
        assertEquals(connects.get(1).localPort(), a1.peerPort(), "C2's port, not C1's");
        assertEquals(3, a1.peerSent(), "only what C2 sent");
        assertEquals(0, a1.peerReceived());
        assertFalse(a1.peerClosed(), "C1's FIN is not C2's");

        // from the moment the DisconnectEx (TF_REUSE_SOCKET) completes, A1 is connected to no one: C1 is gone
        ViewState handedBack = after(events, e -> e instanceof IoComplete d && d.api() == Api.DisconnectEx);
        ViewState waiting = after(events, e -> e instanceof PeerAction a && a.action() == PeerAction.Action.CONNECT
                && "C2".equals(a.peer()));
        assertTrue(waiting.listener("L").clients().containsKey("C2"), "C2 is the listener's, not accepted yet");
        for (ViewState s : List.of(handedBack, waiting)) {
            SocketView free = s.socket("A1");
            assertNull(free.serverPort(), "no server port of C1's connection");
            assertNull(free.peerPort(), "no peer port of C1's connection");
            assertEquals(0, free.peerSent());
            assertEquals(0, free.peerReceived());
            assertFalse(free.peerClosed(), "C1's FIN belongs to C1's connection");
            assertFalse(free.closed(), "the handle stays open, for AcceptEx");
            assertEquals(Api.DisconnectEx, free.lastCompletion().api());
        }
        assertEquals(List.of("OA"), waiting.socket("A1").pending().stream().map(PendingIo::overlapped).toList(),
                "the AcceptEx that will take C2 into A1");
    }

    @Test
    @DisplayName("a thread's APC queue fills with apc.queued and empties as each APC runs; the why says alertable")
    void apcQueue() {
        List<SimEvent> events = run("APC-sleepex-and-completion-routines.yaml");
        ViewState sleeping = after(events, e -> e instanceof ThreadState t && t.thread().equals("T1")
                && t.alertable());
        assertTrue(sleeping.thread("T1").waitsAlertably());
        contains(Why.thread(sleeping, "T1").text(Locale.ENGLISH), "alertable", "WAIT_IO_COMPLETION");

        int queued = Runs.stepAfter(events, e -> e instanceof ApcQueued);
        ViewState q = WhyTest.at(events, queued);
        assertEquals(List.of(new ThreadView.QueuedApc(ApcRun.Kind.COMPLETION, "R")), q.thread("T1").apcs());

        ViewState ran = after(events, e -> e instanceof ApcRun);
        assertTrue(ran.thread("T1").apcs().isEmpty(), "the APC that ran left the queue");
        contains(Why.thread(ran, "T1").text(Locale.ENGLISH), "completion routine of R");
        contains(Why.thread(ran, "T1").text(Locale.KOREAN), "완료 루틴");

        // W's routine is queued while T1 runs: it waits for T1's next alertable wait
        ViewState waiting = after(events, e -> e instanceof ApiReturn r && r.api() == Api.WSASend);
        assertEquals(1, waiting.thread("T1").apcs().size());
        contains(Why.thread(waiting, "T1").text(Locale.ENGLISH), "1 APC", "next waits alertably");

        ViewState returned = after(events, e -> e instanceof ApiReturn r && r.api() == Api.SleepEx);
        contains(Why.thread(returned, "T1").text(Locale.ENGLISH), "WAIT_IO_COMPLETION (192)", "APCs ran");
    }

    @Test
    @DisplayName("a hazard marks its thread until the thread's next call; the why says what real Windows would do")
    void hazardMarksTheThread() {
        List<SimEvent> events = run("HAZARD-overlapped-in-use.yaml");
        ViewState at = after(events, e -> e instanceof Hazard);
        ThreadView main = at.thread("main");
        assertEquals(Hazard.Rule.OVERLAPPED_IN_USE, main.hazard().rule());
        assertEquals(1, main.hazards());
        String en = Why.thread(at, "main").text(Locale.ENGLISH);
        contains(en, "overlapped-in-use", "On real Windows", "its own OVERLAPPED", "goes on");
        contains(Why.thread(at, "main").text(Locale.KOREAN), "실제 Windows");

        int hazardMoment = (int) events.stream().filter(e -> e instanceof Hazard).findFirst().orElseThrow().moment();
        ViewState later = after(events, e -> e instanceof ApiReturn r && r.thread().equals("main")
                && r.moment() > hazardMoment);
        assertNull(later.thread("main").hazard(), "cleared by the next call");
        assertEquals(1, later.thread("main").hazards(), "still counted");
    }

    @Test
    @DisplayName("a socket with a send buffer carries its bytes in flight each way and its waiting sends")
    void sendState() {
        List<SimEvent> events = run("SEND-backpressure-peer-stops-reading-50ms.yaml");
        ViewState full = after(events, e -> e instanceof SocketState st && st.pendingSends() > 0);
        SocketView s = full.sockets().values().stream().filter(v -> v.sendState() != null).findFirst().orElseThrow();
        assertTrue(s.sendState().pendingSends() > 0);
        assertTrue(s.towardPeer() >= s.sendState().sendBuffer(), "the buffer is full and more waits");
        assertFalse(s.sendState().peerReading());
    }

    @Test
    @DisplayName("resumed from any keyframe, the fold of a server run gives the states the fold from the start gives")
    void keyframesAgree() {
        for (String file : List.of("ACCEPT-first-data.yaml", "DISCONNECT-reuse-socket-for-acceptex.yaml",
                "APC-sleepex-and-completion-routines.yaml", "SEND-backpressure-peer-stops-reading-50ms.yaml")) {
            List<SimEvent> events = run(file);
            ViewState end = new ViewStateBuilder(4).applyAll(events).snapshot();
            for (int k = 0; k < events.size(); k += 7) {
                ViewState key = new ViewStateBuilder(4).applyAll(events.subList(0, k)).snapshot();
                ViewState resumed = new ViewStateBuilder(key).applyAll(events.subList(k, events.size())).snapshot();
                assertEquals(end, resumed, file + " from " + k);
            }
        }
    }
}
