package io.iocplab.app.code;

import io.iocplab.sim.CCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Texts;
import io.iocplab.app.stage.StageRuns;
import io.iocplab.kernel.Release;
import io.iocplab.scenario.CListing;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code view's models, from real runs and hand-made thread views: no toolkit. */
class CodeModelsTest {
    private final Texts en = new Texts(Locale.ENGLISH);
    private final Texts ko = new Texts(Locale.KOREAN);

    private static final List<Step> WORKER = List.of(StageRuns.gqcs("P"), StageRuns.compute(1_000));
    private static final List<Step> MAIN = List.of(StageRuns.compute(10), StageRuns.post("P", 5, 12, "A"),
            StageRuns.post("P", 0, 13, "B"), StageRuns.post("P", 3, 11, "C"));

    private static CodeLines lines(String thread, List<Step> program, Texts t) {
        return CodeLines.of(CListing.program(thread, program, Map.of("P", 2), Map.of()), t);
    }

    @Test
    void rowsAreNumberedIndentedAndCommentedInTheLanguage() {
        CodeLines l = lines("T1", List.of(new Step.Loop(null, List.of(StageRuns.gqcs("P"), new Step.Sleep(1000,
                StageRuns.N)), StageRuns.N)), en);
        assertEquals("Program of T1", l.title());
        assertEquals(1, l.rows().get(0).number());
        int sleep = l.rowOf(2);
        assertEquals("        Sleep(1);", l.rows().get(sleep).code());
        assertEquals("a wait: frees its slot on the port", l.rows().get(sleep).comment());
        assertEquals("    for (;;) {", l.rows().get(l.rowOf(0)).code());
        CodeLines k = lines("T1", List.of(StageRuns.gqcs("P"), new Step.Sleep(1000, StageRuns.N)), ko);
        assertEquals("T1의 프로그램", k.title());
        assertEquals("대기: 포트의 실행 자리를 내놓음", k.rows().get(k.rowOf(1)).comment());
        CodeLines offPort = lines("main", List.of(new Step.Sleep(1000, StageRuns.N)), en);
        assertEquals("a wait: the thread gives up its processor until it ends", offPort.rows().get(offPort.rowOf(0))
                .comment(), "a thread that never takes a packet has no slot on a port to free");
    }

    @Test
    void theCursorFollowsARealRun() {
        Timeline t = StageRuns.lifo();
        CodeLines t4 = lines("T4", WORKER, en);
        CodeLines main = lines("main", MAIN, en);

        // T4 waits in GetQueuedCompletionStatus: the cursor is on that line, nothing returned yet
        int waiting = StageRuns.firstStep(t, s -> s.thread("T4") != null && s.thread("T4").waitingOnPort());
        CodeCursor c = CodeCursor.of(t4, t.stateAt(waiting).thread("T4"), en);
        assertEquals(t4.rowOf(0), c.current());
        assertEquals(-1, c.returned());
        assertNull(c.result());

        // T4 got A by hand-off: its call returned TRUE with what it wrote
        int got = StageRuns.firstStep(t, s -> s.thread("T4") != null && s.thread("T4").lastReturn() != null);
        c = CodeCursor.of(t4, t.stateAt(got).thread("T4"), en);
        assertEquals(t4.rowOf(0), c.returned());
        assertEquals("→ TRUE   bytes=5, key=12, ov=&A", c.result());
        assertFalse(c.failed());
        assertEquals(t4.rowOf(0), c.current());

        // main's posts: the first went straight to T4, the last was queued
        int post1 = StageRuns.firstStep(t, s -> s.thread("main") != null && s.thread("main").lastReturn() != null);
        c = CodeCursor.of(main, t.stateAt(post1).thread("main"), en);
        assertEquals(main.rowOf(1), c.returned());
        assertEquals(main.rowOf(1), c.current(), "the running thread is on the line of its last call");
        assertEquals("→ TRUE   handed straight to T4 (never queued)", c.result());
        int post3 = StageRuns.firstStep(t, s -> s.thread("main") != null && s.thread("main").lastReturn() != null
                && s.thread("main").lastReturn().step() == 3);
        c = CodeCursor.of(main, t.stateAt(post3).thread("main"), en);
        assertEquals(main.rowOf(3), c.returned());
        assertEquals("→ TRUE   queued: no waiter could take it now", c.result());
        assertEquals("→ TRUE   큐에 들어감: 지금 받아 갈 대기 스레드가 없음",
                CodeCursor.of(main, t.stateAt(post3).thread("main"), ko).result());

        // once exited, no line is current, the last result stays
        ViewState end = t.stateAt(t.size());
        c = CodeCursor.of(main, end.thread("main"), en);
        assertEquals(-1, c.current());
        assertEquals(main.rowOf(3), c.returned());
    }

    @Test
    void failuresAndPendingIoAreWrittenAsGetLastErrorValues() {
        ApiReturn timeout = new ApiReturn(0, 0, 0, "T1", Api.GetQueuedCompletionStatus, false, 258,
                CallResult.Dequeued.none("P"), 0);
        assertEquals("→ FALSE   GetLastError() = WAIT_TIMEOUT (258) · no packet before the timeout",
                CodeCursor.result(timeout, en));
        ApiReturn failedPacket = new ApiReturn(0, 0, 0, "T1", Api.GetQueuedCompletionStatus, false, 64,
                new CallResult.Dequeued("P", new PacketView(0, 13, "R3", 64), Release.Cause.IMMEDIATE, null), 0);
        assertEquals("→ FALSE   bytes=0, key=13, ov=&R3 · GetLastError() = ERROR_NETNAME_DELETED (64)",
                CodeCursor.result(failedPacket, en));
        ApiReturn pending = new ApiReturn(0, 0, 0, "T1", Api.WSARecv, false, 997,
                new CallResult.SocketIo("S1", "R1", -1, null, List.of(16)), 1);
        assertEquals("→ SOCKET_ERROR   WSAGetLastError() = WSA_IO_PENDING (997) · pending: the result will come as a"
                + " completion packet", CodeCursor.result(pending, en));
        ApiReturn sleep = new ApiReturn(0, 0, 0, "T1", Api.Sleep, true, 0, CallResult.Nothing.INSTANCE, 2);
        assertEquals("→ returned", CodeCursor.result(sleep, en));

        CodeLines l = lines("T1", List.of(StageRuns.gqcs("P")), en);
        ThreadView t = new ThreadView("T1", State.RUNNING, null, 0, null, 10, failedPacket, List.of(), 1, null,
                null, null, failedPacket);
        CodeCursor c = CodeCursor.of(l, t, en);
        assertTrue(c.failed());
        ThreadView p = new ThreadView("T1", State.RUNNING, null, 0, null, 10, pending, List.of(), 1, null, null,
                null, pending);
        assertFalse(CodeCursor.of(l, p, en).failed(), "a pending I/O is not a failure");
        ThreadState waits = new ThreadState(10, 3, 3, "T1", State.WAITING, Wait.PORT, null,
                Api.GetQueuedCompletionStatus, 0);
        ThreadView w = new ThreadView("T1", State.WAITING, Wait.PORT, null, Api.GetQueuedCompletionStatus, 10,
                null, List.of(), 0, null, null, null, waits);
        assertEquals(l.rowOf(0), CodeCursor.of(l, w, en).current());
        assertEquals(CodeCursor.NONE, CodeCursor.of(l, null, en));
    }

    @Test
    void theEchoWorkloadThreadsFollowTheCanonicalListings() throws Exception {
        io.iocplab.scenario.Scenario sc = io.iocplab.scenario.ScenarioLoader.loadString("echo.yaml", String.join("\n",
                "ports:",
                "  P: { concurrency: 1 }",
                "echo:",
                "  workers: 2",
                "  clients: 2",
                "  messages: 2",
                "  size: 8",
                "  compute: 0.2",
                ""));
        Timeline t = new Timeline(sc.cpus());
        io.iocplab.scenario.ScenarioRunner.run(sc, t::append);
        CodeLines w1 = CodeLines.of(CListing.of(sc, "W1"), en);
        CodeLines main = CodeLines.of(CListing.of(sc, "main"), en);
        assertEquals("Worker loop · W1", w1.title());

        // every call a worker or main returns is on a line of its listing, and the line says that call
        // (the workers all run one listing; with concurrency 1 the most recent waiter does all the work)
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.event(i) instanceof ApiReturn r && (r.thread().startsWith("W") || r.thread().equals("main"))) {
                CodeLines l = r.thread().equals("main") ? main : w1;
                int row = l.rowOf(r.step());
                assertTrue(row >= 0, r.toString());
                String api = r.api() == Api.ExitThread ? "return 0" : r.api().name();
                assertTrue(l.rows().get(row).code().contains(api), r + " on " + l.rows().get(row).code());
                seen.add((r.thread().startsWith("W") ? "W" : r.thread()) + ":" + r.api());
            }
        }
        assertTrue(seen.containsAll(List.of("W:GetQueuedCompletionStatus", "W:WSASend", "W:WSARecv", "W:closesocket",
                "main:CreateIoCompletionPort", "main:WSARecv", "main:WaitForSingleObject",
                "main:PostQueuedCompletionStatus")), seen.toString());

        // a worker waiting in its loop is on the GetQueuedCompletionStatus line
        int waiting = StageRuns.firstStep(t, s -> s.thread("W2") != null && s.thread("W2").waitingOnPort());
        CodeCursor c = CodeCursor.of(w1, t.stateAt(waiting).thread("W2"), en);
        assertTrue(w1.rows().get(c.current()).code().contains("GetQueuedCompletionStatus(hcpP"));
    }

    @Test
    void atTheFirstStopTheEchoMainIsOnItsFirstCallWithOrWithoutAcceptExAndNothingHasReturned() throws Exception {
        for (boolean accept : List.of(false, true)) {
            io.iocplab.scenario.Scenario sc = io.iocplab.scenario.ScenarioLoader.loadString("echo.yaml", String.join(
                    "\n", "ports:", "  P: { concurrency: 1 }",
                    "echo: { workers: 2, clients: 2, messages: 1, size: 8, accept: " + accept + " }", ""));
            Timeline t = new Timeline(sc.cpus());
            io.iocplab.scenario.ScenarioRunner.run(sc, t::append);
            CodeLines main = CodeLines.of(CListing.of(sc, "main"), en);
            String firstCall = accept ? "CreateIoCompletionPort((HANDLE)listener, hcpP, LISTEN_KEY, 0);"
                    : "CreateIoCompletionPort((HANDLE)client[i].s, hcpP, i, 0);";

            // before its first event main is on no line
            assertEquals(CodeCursor.NONE, CodeCursor.of(main, t.stateAt(0).thread("main"), en), "accept " + accept);

            // at every stop before its first call main has started (it runs on a processor) and is on the line of
            // the call it is about to make, as a scripted thread is on its first step; nothing has returned
            int made = StageRuns.firstStep(t, s -> s.thread("main") != null && s.thread("main").lastReturn() != null);
            for (int m = 0; t.stopStep(m) < made; m++) {
                ThreadView before = t.stateAt(t.stopStep(m)).thread("main");
                assertEquals(State.RUNNING, before.state());
                CodeCursor c = CodeCursor.of(main, before, en);
                assertTrue(c.current() >= 0, "accept " + accept + ", stop " + m + ": main is on no line while it runs");
                assertEquals(firstCall, main.rows().get(c.current()).code().trim(), "accept " + accept + ", stop " + m);
                assertEquals(-1, c.returned(), "nothing has returned before main's first call");
                assertNull(c.result());
            }

            // its first call returns on that line
            CodeCursor after = CodeCursor.of(main, t.stateAt(made).thread("main"), en);
            assertEquals(firstCall, main.rows().get(after.returned()).code().trim(), "accept " + accept);
        }
    }

    @Test
    void anOverlappedHasTheSameNameInTheCodeAsOnTheCards() throws Exception {
        // the echo workload's OVERLAPPEDs are labelled recv:C2, send:C2: the code view once wrote &recv_C2
        io.iocplab.scenario.Scenario sc = io.iocplab.scenario.ScenarioLoader.loadString("echo.yaml", String.join("\n",
                "ports:",
                "  P: { concurrency: 1 }",
                "echo: { workers: 2, clients: 2, messages: 1, size: 8 }",
                ""));
        Timeline t = new Timeline(sc.cpus());
        io.iocplab.scenario.ScenarioRunner.run(sc, t::append);
        CodeLines w1 = CodeLines.of(CListing.of(sc, "W1"), en);
        int got = StageRuns.firstStep(t, s -> s.threads().values().stream().anyMatch(v -> v.lastReturn() != null
                && v.lastReturn().api() == io.iocplab.sim.event.Api.GetQueuedCompletionStatus && !v.held().isEmpty()));
        ViewState s = t.stateAt(got);
        ThreadView worker = s.threads().values().stream().filter(v -> !v.held().isEmpty()).findFirst().orElseThrow();
        String label = worker.held().get(0).overlapped();
        assertTrue(label.matches("(recv|send):C[12]"), label);

        String result = CodeCursor.of(w1, worker, en).result();
        assertTrue(result.contains("ov=&" + label), result);
        assertFalse(result.contains(CCode.id(label)), "no C identifier made of the label: " + result);
        String chip = io.iocplab.app.stage.ThreadChipModel.of(worker, s, en).packet();
        assertTrue(chip.startsWith("packet " + label + " "), chip);
    }

    @Test
    void everyCodeKeyIsInBothLanguages() throws Exception {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties korean = new java.util.Properties();
        try (var a = new java.io.InputStreamReader(getClass().getResourceAsStream("/io/iocplab/app/code.properties"),
                java.nio.charset.StandardCharsets.UTF_8);
             var b = new java.io.InputStreamReader(getClass().getResourceAsStream("/io/iocplab/app/code_ko.properties"),
                     java.nio.charset.StandardCharsets.UTF_8)) {
            english.load(a);
            korean.load(b);
        }
        assertEquals(english.keySet(), korean.keySet());
    }
}
