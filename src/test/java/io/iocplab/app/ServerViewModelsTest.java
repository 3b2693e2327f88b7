package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.code.CodeCursor;
import io.iocplab.app.code.CodeLines;
import io.iocplab.app.history.EventFilter;
import io.iocplab.app.history.EventKind;
import io.iocplab.app.history.EventText;
import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.side.WhyModel;
import io.iocplab.app.stage.SocketCardModel;
import io.iocplab.app.stage.ThreadChipModel;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.timeline.ScenarioRuns;
import io.iocplab.timeline.ViewState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the window shows of the server scenarios of issue 15, without a toolkit: the listener's card, a
 * socket's bytes in flight, a thread's APC queue and hazard on its chip, the hazard under its code line,
 * the log's rows, and the "why?" answers about a listener.
 */
class ServerViewModelsTest {
    private final Texts en = new Texts(Locale.ENGLISH);
    private final Texts ko = new Texts(Locale.KOREAN);

    private static boolean contains(String text, String part) {
        assertTrue(text != null && text.contains(part), () -> "expected \"" + part + "\" in: " + text);
        return true;
    }

    @Test
    @DisplayName("after DisconnectEx with TF_REUSE_SOCKET the socket's card shows a socket not connected yet, not the old client")
    void reusedSocketCard() {
        List<SimEvent> events = ScenarioRuns.run("DISCONNECT-reuse-socket-for-acceptex.yaml");
        ViewState c2Waits = ScenarioRuns.after(events, e -> e instanceof io.iocplab.sim.event.PeerAction a
                && a.action() == io.iocplab.sim.event.PeerAction.Action.CONNECT && "C2".equals(a.peer()));
        SocketCardModel a1 = SocketCardModel.of(c2Waits.socket("A1"), en);
        assertEquals("not connected yet", a1.ports());
        assertEquals("peer: sent 0 B · got 0 B", a1.bytes());
        assertEquals(SocketCardModel.StatusKind.OPEN, a1.statusKind(), "not 'peer closed': that was C1");
        contains(a1.last(), "DisconnectEx");
        assertEquals("아직 연결 전", SocketCardModel.of(c2Waits.socket("A1"), ko).ports());

        ViewState accepted = ScenarioRuns.after(events, e -> e instanceof IoComplete c && c.api()
                == io.iocplab.sim.event.Api.AcceptEx && "C2".equals(c.peer()));
        SocketCardModel withC2 = SocketCardModel.of(accepted.socket("A1"), en);
        contains(withC2.ports(), "server :");
        assertEquals("peer: sent 3 B · got 0 B", withC2.bytes(), "C2's \"two\"");
    }

    @Test
    @DisplayName("a listener has a card: its pending AcceptEx calls, the client one holds, its backlog, its last accept")
    void listenerCard() {
        List<SimEvent> events = ScenarioRuns.run("ACCEPT-first-data.yaml");
        ViewState holding = ScenarioRuns.after(events, e -> e instanceof ListenerState l && !l.accepts().isEmpty()
                && l.accepts().get(0).client() != null);
        SocketCardModel card = SocketCardModel.ofListener(holding.listener("L"), en);
        assertEquals(SocketCardModel.StatusKind.LISTENING, card.statusKind());
        contains(card.pending().get(0), "OA1");
        contains(card.pending().get(0), "C1");
        contains(card.bytes(), "empty");
        contains(SocketCardModel.ofListener(holding.listener("L"), ko).pending().get(0), "첫 데이터");

        ViewState accepted = ScenarioRuns.after(events, e -> e instanceof IoComplete c && "OA1".equals(c.overlapped()));
        SocketCardModel done = SocketCardModel.ofListener(accepted.listener("L"), en);
        contains(done.last(), "A1 ⇐ C1");
        contains(done.landed(), "\"hi\"");
        SocketCardModel a1 = SocketCardModel.of(accepted.socket("A1"), en);
        assertNotNull(accepted.socket("A1").serverPort(), "the accepted socket has its real ports");
        contains(a1.last(), "AcceptEx");
        assertEquals("AcceptEx OA1 pending", SocketCardModel.of(holding.socket("A1"), en).pending().get(0),
                "an AcceptEx has no WSABUF to list");

        WhyModel.Answer why = WhyModel.answer(holding, new Selection.Socket("L"), en, null);
        contains(why.title(), "Listener L");
        contains(why.body(), "first data");
    }

    @Test
    @DisplayName("a socket with a send buffer shows its bytes in flight each way and the sends that wait")
    void sendBufferLine() {
        List<SimEvent> events = ScenarioRuns.run("SEND-backpressure-peer-stops-reading-50ms.yaml");
        ViewState full = ScenarioRuns.after(events, e -> e instanceof SocketState st && st.pendingSends() > 0);
        String name = ((SocketState) events.stream().filter(e -> e instanceof SocketState).findFirst().orElseThrow())
                .socket();
        SocketCardModel card = SocketCardModel.of(full.socket(name), en);
        contains(card.send(), "in flight: → peer");
        int waiting = full.socket(name).sendState().pendingSends();
        contains(card.send(), waiting == 1 ? "1 send waits" : waiting + " sends wait");
        contains(card.send(), "peer not reading");
        contains(WhyModel.answer(full, new Selection.Socket(name), en, null).body(), "in the order they were issued");
        assertNull(SocketCardModel.of(ScenarioRuns.end(ScenarioRuns.run("ACCEPT-first-data.yaml")).socket("A1"), en)
                .send(), "no send buffer, no line");
    }

    @Test
    @DisplayName("a thread's chip shows its APC queue and that its wait is alertable")
    void apcChip() {
        List<SimEvent> events = ScenarioRuns.run("APC-sleepex-and-completion-routines.yaml");
        ViewState queued = ScenarioRuns.after(events, e -> e instanceof ApcQueued);
        ThreadChipModel chip = ThreadChipModel.of(queued.thread("T1"), queued, en);
        // the routine queued, then ran in the same moment: at the moment's end the queue is empty again
        assertNull(chip.apcs());
        ViewState waiting = ScenarioRuns.after(events, e -> e instanceof io.iocplab.sim.event.ApiReturn r
                && r.api() == io.iocplab.sim.event.Api.WSASend);
        contains(ThreadChipModel.of(waiting.thread("T1"), waiting, en).apcs(), "APC queue (1): W");
        ViewState sleeping = ScenarioRuns.after(events, e -> e instanceof io.iocplab.sim.event.ThreadState t
                && t.alertable());
        contains(ThreadChipModel.of(sleeping.thread("T1"), sleeping, en).stateText(), "(alertable)");
        contains(ThreadChipModel.of(sleeping.thread("T1"), sleeping, ko).stateText(), "경고 가능");

        EventText words = new EventText(en);
        SimEvent ran = events.stream().filter(e -> e instanceof ApcRun).findFirst().orElseThrow();
        contains(words.row(ran), "T1 · runs the completion routine of ov=R");
        assertEquals(EventKind.APC, EventKind.of(ran));
        assertEquals("T1", EventKind.threadOf(ran));
        SimEvent q = events.stream().filter(e -> e instanceof ApcQueued).findFirst().orElseThrow();
        contains(words.row(q), "queued: 1 in its APC queue");
    }

    @Test
    @DisplayName("a hazard marks the thread's chip and its code line, and has a row of its own in the log")
    void hazardMarks() throws Exception {
        String file = "HAZARD-overlapped-in-use.yaml";
        List<SimEvent> events = ScenarioRuns.run(file);
        ViewState at = ScenarioRuns.after(events, e -> e instanceof Hazard);
        ThreadChipModel chip = ThreadChipModel.of(at.thread("main"), at, en);
        assertEquals("⚠ overlapped-in-use", chip.hazard());

        Scenario scenario = ScenarioLoader.load(Path.of(getClass().getResource("/conformance/" + file).toURI()));
        CodeLines lines = CodeLines.of(CListing.of(scenario, "main"), en);
        CodeCursor cursor = CodeCursor.of(lines, at.thread("main"), en);
        Hazard h = (Hazard) events.stream().filter(e -> e instanceof Hazard).findFirst().orElseThrow();
        assertEquals(lines.rowOf(h.step()), cursor.hazardRow(), "on the line of the call it was reported at");
        contains(cursor.hazard(), "⚠ overlapped-in-use");

        String row = new EventText(en).row(h);
        contains(row, "main · ⚠ WSARecv");
        contains(row, "[overlapped-in-use]");
        contains(new EventText(ko).row(h), "OVERLAPPED를 다시 넘김");
        assertEquals(EventKind.HAZARD, EventKind.of(h));
        assertEquals(EventKind.API_RETURN, EventKind.HAZARD.box(), "shown and hidden with the calls");
        assertFalse(EventKind.HAZARD.filterable(), "no box of its own: the row of boxes stays as it was");
        EventFilter noCalls = EventFilter.ALL.withKind(EventKind.API_RETURN, false);
        assertFalse(noCalls.test(h), "unticking the calls hides the hazards with them");
        assertTrue(noCalls.withKind(EventKind.API_RETURN, true).test(h));
    }
}
