package io.iocplab.scenario;

import io.iocplab.sim.CCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.kernel.Release;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.ThreadState;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class CListingTest {
    private static final Step.Source N = Step.Source.NONE;

    private static Step gqcs(String port, long timeoutUs) {
        return new Step.GetQueuedCompletionStatus(port, timeoutUs, N);
    }

    /** The lines that show a step, as (step index, C text). */
    private static Map<Integer, String> stepLines(CListing l) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (CCode.Line line : l.lines()) {
            if (line.isStep()) {
                m.put(line.step(), line.code());
            }
        }
        return m;
    }

    @Test
    void writesEachStepAsOneLineNumberedInDocumentOrderWithLoops() {
        List<Step> program = List.of(
                gqcs("P", Step.INFINITE),                                                    // 0
                new Step.Loop(3, List.of(                                                    // 1
                        new Step.PostQueuedCompletionStatus("P", 10, 7, "A", N),             // 2
                        new Step.Loop(null, List.of(new Step.Sleep(10_000, N)), N),          // 3, 4
                        new Step.Compute(200, N)), N),                                       // 5
                gqcs("P", 2_500),                                                            // 6
                new Step.ExitThread(N));                                                     // 7
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("P", 2);
        CListing l = CListing.program("T1", program, ports, Map.of());

        Map<Integer, String> steps = stepLines(l);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), new ArrayList<>(steps.keySet()));
        assertEquals("GetQueuedCompletionStatus(hcpP, &bytes, &key, &ov, INFINITE);", steps.get(0));
        assertEquals("for (int i = 0; i < 3; i++) {", steps.get(1));
        assertEquals("PostQueuedCompletionStatus(hcpP, 10, 7, &A);", steps.get(2));
        assertEquals("for (;;) {", steps.get(3));
        assertEquals("Sleep(10);", steps.get(4));
        assertEquals("Compute(0.2);", steps.get(5));
        assertEquals("GetQueuedCompletionStatus(hcpP, &bytes, &key, &ov, 2.5);", steps.get(6));
        assertEquals("ExitThread(0);", steps.get(7));

        assertEquals("HANDLE hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 2);", l.lines().get(0).code());
        for (int s = 0; s <= 7; s++) {
            assertEquals(s, l.lines().get(l.lineOf(s)).step());
        }
        assertEquals(-1, l.lineOf(8));
        assertEquals(-1, l.lineOf(-1));
        // the loops are closed, at the right depth
        String text = l.text();
        assertTrue(text.contains("    for (int i = 0; i < 3; i++) {\n"), text);
        assertTrue(text.contains("        for (;;) {\n            Sleep(10);\n        }\n"), text);
        assertTrue(text.startsWith("HANDLE hcpP"), text);
        assertTrue(text.contains("DWORD WINAPI T1(LPVOID param) {\n    DWORD bytes; ULONG_PTR key; OVERLAPPED *ov;\n"),
                text);
        assertTrue(text.endsWith("    return 0;\n}\n"), text);
        assertEquals(count(text, '{'), count(text, '}'));
    }

    @Test
    void aThreadIsAtTheStepItsLatestEventNamesAndFirstAtItsFirstStep() {
        List<Step> program = List.of(
                new Step.Loop(0, List.of(new Step.Sleep(1_000, N)), N),                      // 0, 1: never runs
                new Step.Loop(null, List.of(gqcs("P", Step.INFINITE), new Step.Compute(200, N)), N)); // 2, 3, 4
        CListing l = CListing.program("T1", program, Map.of("P", 2), Map.of());

        assertEquals(-1, l.stepAfter(null), "before its first event");
        assertEquals(3, l.stepAfter(state(ThreadState.State.READY, -1)), "started: its first step");
        assertEquals(3, l.stepAfter(state(ThreadState.State.RUNNING, -1)), "running, before its first step");
        assertEquals(3, l.stepAfter(state(ThreadState.State.WAITING, 3)), "waiting in its call");
        assertEquals(4, l.stepAfter(state(ThreadState.State.READY, 4)), "preempted in its Compute");
        assertEquals(3, l.stepAfter(new ApiReturn(0, 0, 0, "T1", Api.GetQueuedCompletionStatus, true, 0,
                        new CallResult.Dequeued("P", new PacketView(0, 0, null, 0), Release.Cause.IMMEDIATE, null), 3)),
                "its call returned");
        assertEquals(-1, l.stepAfter(state(ThreadState.State.EXITED, -1)), "exited");
    }

    private static ThreadState state(ThreadState.State state, int step) {
        return new ThreadState(0, 0, 0, "T1", state, null, null, null, step);
    }

    @Test
    void writesSocketCallsWithTheirWsabufsFirst() {
        List<Step> program = List.of(
                new Step.WSARecv("S1", List.of(16, 16), new Step.OverlappedArg("R", false), 0, false, N),
                new Step.WSASend("S1", List.of("hello"), new Step.OverlappedArg("W", true), false, N),
                new Step.WSARecv("S2", List.of(8), null, 0, false, N),
                new Step.CancelIoEx("S1", null, N),
                new Step.closesocket("S1", N));
        Map<String, Scenario.SocketSpec> sockets = new LinkedHashMap<>();
        sockets.put("S1", new Scenario.SocketSpec("P", 11, N));
        sockets.put("S2", new Scenario.SocketSpec(null, 0, N));
        CListing l = CListing.program("T1", program, Map.of("P", 0), sockets);

        List<String> code = l.lines().stream().map(CCode.Line::code).toList();
        assertEquals("HANDLE hcpP = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);", code.get(0));
        assertEquals("CreateIoCompletionPort((HANDLE)S1, hcpP, 11, 0);", code.get(1));
        assertEquals("OVERLAPPED R, W;", code.get(2));
        int recv = l.lineOf(0);
        assertEquals("WSARecv(S1, bufs, 2, NULL, &flags, &R, NULL);", code.get(recv));
        assertEquals("WSABUF bufs[2] = {{16, b0}, {16, b1}};", code.get(recv - 1));
        assertEquals(-1, l.lines().get(recv - 1).step());
        int send = l.lineOf(1);
        assertEquals("WSASend(S1, bufs2, 1, NULL, 0, &W, NULL);", code.get(send));
        // the event handle is hEvt, as lesson 13 and the documentation write it: not the field's own name
        assertEquals("W.hEvent = (HANDLE)((ULONG_PTR)hEvt | 1);", code.get(send - 1));
        assertEquals("WSABUF bufs2[1] = {{5, \"hello\"}};", code.get(send - 2));
        assertEquals("WSARecv(S2, bufs3, 1, &n, &flags, NULL, NULL);", code.get(l.lineOf(2)));
        assertEquals("note.blocking", l.lines().get(l.lineOf(2)).note());
        assertEquals("CancelIoEx((HANDLE)S1, NULL);", code.get(l.lineOf(3)));
        assertEquals("closesocket(S1);", code.get(l.lineOf(4)));
        assertTrue(code.contains("    DWORD n, flags = 0;".strip()));
    }

    @Test
    void echoListingsUseTheStepNumbersOfTheWorkloadPrograms() throws Exception {
        Scenario s = ScenarioLoader.loadString("echo.yaml", String.join("\n",
                "ports:",
                "  P: { concurrency: 2 }",
                "echo:",
                "  workers: 3",
                "  clients: 4",
                "  messages: 2",
                "  size: 16",
                "  compute: 0.5",
                "  block: { every: 3, sleep: 1 }",
                ""));
        CListing worker = CListing.of(s, "W2");
        assertNotNull(worker);
        assertEquals(CListing.Kind.ECHO_WORKER, worker.kind());
        Map<Integer, String> w = stepLines(worker);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), new ArrayList<>(w.keySet()));
        assertTrue(w.get(0).contains("GetQueuedCompletionStatus(hcpP, &bytes, &key, &ov, INFINITE)"), w.get(0));
        assertTrue(w.get(1).contains("ov == NULL"), "no packet of I/O is checked before the key is read");
        assertTrue(w.get(2).contains("closesocket"));
        assertEquals("Compute(0.5);", w.get(3));
        assertTrue(w.get(4).contains("% 3 == 0) Sleep(1)"), w.get(4));
        assertTrue(w.get(5).startsWith("WSASend("));
        assertTrue(w.get(6).startsWith("WSARecv("));

        CListing main = CListing.of(s, "main");
        assertEquals(CListing.Kind.ECHO_MAIN, main.kind());
        Map<Integer, String> m = stepLines(main);
        assertEquals(List.of(0, 1, 2, 3), new ArrayList<>(m.keySet()));
        assertTrue(m.get(0).startsWith("CreateIoCompletionPort((HANDLE)client[i].s, hcpP, i, 0)"));
        assertTrue(m.get(1).startsWith("WSARecv("));
        assertEquals("WaitForSingleObject(hAllClientsGone, INFINITE);", m.get(2));
        assertEquals("PostQueuedCompletionStatus(hcpP, 0, 0, NULL);", m.get(3));
        assertTrue(main.text().contains("i <= 4;"), main.text());
        assertTrue(main.text().contains("\nint main(void) {\n"), "main is the program's entry point");
        assertTrue(main.text().contains("i < 3;"), main.text());
        // the workers go on after main's last call (they take their shutdown packets): main ends its own thread only
        assertTrue(main.text().endsWith("    ExitThread(0);\n}\n"), main.text());

        Map<Integer, String> live = stepLines(CListing.of(s.asLive(), "main"));
        assertEquals(List.of(0, 1, 2), new ArrayList<>(live.keySet()), "live mode's main, as LiveMainProgram runs it");
        assertEquals("WaitForSingleObject(hClientAccepted, INFINITE);", live.get(0));
        assertTrue(live.get(1).startsWith("CreateIoCompletionPort((HANDLE)client[key].s, hcpP, key, 0)"), live.get(1));
        assertTrue(live.get(2).startsWith("WSARecv(client[key].s"), live.get(2));

        assertNull(CListing.of(s, "W4"));
        assertNull(CListing.of(s, "nobody"));
    }

    @Test
    void aScenarioThreadGetsItsOwnProgram() throws Exception {
        Scenario s = ScenarioLoader.loadString("contract.yaml", String.join("\n",
                "ports:",
                "  hcp: { concurrency: 3 }",
                "threads:",
                "  T1:",
                "    - GetQueuedCompletionStatus: { timeout: INFINITE }",
                "  main:",
                "    - Sleep: 10",
                "    - Loop:",
                "        times: 2",
                "        steps:",
                "          - PostQueuedCompletionStatus: { bytes: 10, key: 7, overlapped: A }",
                ""));
        CListing main = CListing.of(s, "main");
        assertEquals(CListing.Kind.PROGRAM, main.kind());
        Map<Integer, String> m = stepLines(main);
        assertEquals("Sleep(10);", m.get(0));
        assertEquals("for (int i = 0; i < 2; i++) {", m.get(1));
        assertEquals("PostQueuedCompletionStatus(hcp, 10, 7, &A);", m.get(2));
        assertEquals("HANDLE hcp = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 3);", main.lines().get(0).code());

        // main is the program's entry point, as the echo workload writes its own; T1 is a thread procedure.
        // T1 goes on after main's program ends, so main ends its own thread, not the process (a return would)
        String text = main.text();
        assertTrue(text.contains("\nint main(void) {\n"), text);
        assertTrue(!text.contains("WINAPI"), text);
        assertTrue(text.endsWith("    ExitThread(0);\n}\n"), text);
        assertTrue(!text.contains("return"), text);
        String t1 = CListing.of(s, "T1").text();
        assertTrue(t1.contains("\nDWORD WINAPI T1(LPVOID param) {\n"), t1);
        assertTrue(t1.endsWith("    return 0;\n}\n"), t1);
    }

    @Test
    void namesAndValuesAreC() {
        assertEquals("hcpP", CCode.handle("P"));
        assertEquals("hcpMain", CCode.handle("hcpMain"));
        assertEquals("recv_C1", CCode.id("recv:C1"));
        assertEquals("_1st", CCode.id("1st"));
        assertEquals("0.5", CCode.ms(500));
        assertEquals("10", CCode.ms(10_000));
        assertEquals("0.001", CCode.ms(1));
        assertEquals("\"a\\\"b\\n\"", CCode.quote("a\"b\n"));
    }

    @Test
    void manySocketsAreSummedUpNotSpelledOut() {
        Map<String, Scenario.SocketSpec> sockets = new LinkedHashMap<>();
        for (int i = 1; i <= 256; i++) {
            sockets.put("S" + i, new Scenario.SocketSpec("P", i, N));
        }
        CListing l = CListing.program("T1", List.of(gqcs("P", Step.INFINITE)), Map.of("P", 2), sockets);
        assertTrue(l.lines().size() < 20, l.text());
        CCode.Line more = l.lines().stream().filter(x -> "note.moreSockets".equals(x.note())).findFirst()
                .orElseThrow();
        assertEquals(Integer.toString(256 - CListing.MAX_SOCKET_LINES), more.noteArg());
    }

    @Test
    void everyNoteHasEnglishAndKoreanWords() throws IOException {
        ResourceBundle en = bundle("/io/iocplab/app/code.properties");
        ResourceBundle ko = bundle("/io/iocplab/app/code_ko.properties");
        List<String> notes = new ArrayList<>();
        Map<String, Scenario.SocketSpec> sockets = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) {
            sockets.put("S" + i, new Scenario.SocketSpec("P", i, N));
        }
        List<Step> all = List.of(new Step.Compute(1, N), new Step.Sleep(0, N), new Step.Sleep(1, N),
                new Step.CancelIoEx("S1", null, N),
                new Step.WSARecv("S1", List.of(1), new Step.OverlappedArg("R", true), 0, false, N),
                new Step.WSARecv("S1", List.of(1), null, 0, false, N),
                new Step.WSASend("S1", List.of("x"), new Step.OverlappedArg("W", false), true, N));
        collect(notes, CListing.program("T", all, Map.of("P", 0), sockets));
        io.iocplab.sim.EchoServer echo = new io.iocplab.sim.EchoServer("P", 2, 2, 1, 4, 0, 0, 10, 2, 10);
        collect(notes, CListing.echoWorker("W1", Map.of("P", 2), echo));
        collect(notes, CListing.echoMain(Map.of("P", 2), echo));
        collect(notes, CListing.liveMain(Map.of("P", 2), echo));
        assertTrue(notes.size() > 15, notes.toString());
        for (String n : notes) {
            assertTrue(en.containsKey(n), "English lacks " + n);
            assertTrue(ko.containsKey(n), "Korean lacks " + n);
        }
    }

    private static void collect(List<String> notes, CListing l) {
        for (CCode.Line line : l.lines()) {
            if (line.note() != null) {
                notes.add(line.note());
            }
        }
    }

    private static ResourceBundle bundle(String path) throws IOException {
        try (InputStream in = CListingTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new PropertyResourceBundle(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
