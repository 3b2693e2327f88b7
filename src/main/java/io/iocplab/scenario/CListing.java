package io.iocplab.scenario;

import io.iocplab.sim.CCode;
import io.iocplab.sim.EchoServer;
import io.iocplab.sim.ProgramCursor;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A thread's program written out as the C a student would write: the Win32 and Winsock calls with
 * their arguments, {@code for} loops for {@code Loop}, the WSABUF arrays before the calls that use
 * them, and the completion ports created at the top.
 *
 * <p>Rules:
 * <ul>
 *   <li>Every step of the program has exactly one line whose {@link CCode.Line#step()} is the step's index
 *       in the program listing: document order, a {@code Loop} numbered before the steps inside it
 *       (the numbering of {@code sim.ProgramCursor}, which the events' {@code step} fields carry). Every
 *       other line (declarations, braces, WSABUF set-up) has step -1.</li>
 *   <li>A scripted thread runs a thread procedure, {@code DWORD WINAPI name(LPVOID param)}; one named {@code main}
 *       is the program's entry point, {@code int main(void)}, as the echo workload's main is written. Its program
 *       ends with {@code ExitThread(0)}, not {@code return}: returning from main would end the process and every
 *       other thread with it, while a scenario's other threads go on after main's program ends.</li>
 *   <li>The built-in echo workload's threads ({@code main}, {@code W1..Wn}) get the listings their programs
 *       write themselves ({@link EchoServer#writeMain}, {@link EchoServer#writeWorker}): the same text gives the
 *       lines and the step numbers the programs report.</li>
 *   <li>The step a thread is at ({@link #stepAfter}, the one rule by which the code view highlights a line and
 *       a lesson step names one) is the step its latest {@code thread.state}, {@code api.return} or {@code apc}
 *       names: the call it makes, waits in, returned from, or runs an APC in. A {@code thread.state} that names no step either starts the
 *       thread, which is then at its first step (what it is about to do), or ends it: an exited thread is
 *       at no step, nor is one before its first event. A running thread that moves on without a call gives no
 *       event, so it stays at the last step its events name.</li>
 *   <li>A port {@code P} is the handle {@code hcpP} (a port already named {@code hcp...} keeps its
 *       name); every name becomes a C identifier (other characters become {@code _}); times are in
 *       milliseconds, as Sleep and the GetQueuedCompletionStatus timeout take them.</li>
 *   <li>A line may carry a note: the key of a short comment in the bundle {@value #NOTES} (and one
 *       argument), left for the caller to put into words in its language.</li>
 * </ul>
 * Pure: no JavaFX, no I/O; the same program always gives the same lines.
 */
public final class CListing {
    /** The resource bundle whose keys the notes are. */
    public static final String NOTES = "io.iocplab.app.code";

    /** How many socket associations the set-up lines spell out before summing up the rest. */
    static final int MAX_SOCKET_LINES = 6;

    /** What kind of listing this is: a scripted program, or one of the echo workload's. */
    public enum Kind { PROGRAM, ECHO_MAIN, ECHO_WORKER }

    private final String thread;
    private final Kind kind;
    private final List<CCode.Line> lines;
    private final int[] lineOfStep;
    private final int firstStep;

    private CListing(String thread, Kind kind, List<CCode.Line> lines, int firstStep) {
        this.thread = thread;
        this.kind = kind;
        this.firstStep = firstStep;
        this.lines = Collections.unmodifiableList(new ArrayList<>(lines));
        int max = -1;
        for (CCode.Line l : lines) {
            max = Math.max(max, l.step());
        }
        lineOfStep = new int[max + 1];
        java.util.Arrays.fill(lineOfStep, -1);
        for (int i = 0; i < lines.size(); i++) {
            int s = lines.get(i).step();
            if (s >= 0 && lineOfStep[s] < 0) {
                lineOfStep[s] = i;
            }
        }
    }

    public String thread() {
        return thread;
    }

    public Kind kind() {
        return kind;
    }

    public List<CCode.Line> lines() {
        return lines;
    }

    /** The line (index into {@link #lines()}) that shows program step {@code step}, or -1. */
    public int lineOf(int step) {
        return step < 0 || step >= lineOfStep.length ? -1 : lineOfStep[step];
    }

    /**
     * The program step the thread is at after {@code latest}, its latest {@code thread.state} or {@code api.return}
     * (null before its first event), or -1 for none: the rule of the class comment.
     */
    public int stepAfter(SimEvent latest) {
        if (latest instanceof ApiReturn r) {
            return r.step();
        }
        if (latest instanceof ApcRun a) {
            return a.step();
        }
        if (latest instanceof ThreadState t) {
            if (t.step() >= 0) {
                return t.step();
            }
            return t.state() == ThreadState.State.EXITED ? -1 : firstStep;
        }
        return -1;
    }

    /** The listing as C source, four spaces an indent, notes left out. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (CCode.Line l : lines) {
            sb.append("    ".repeat(l.indent())).append(l.code()).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ choosing the listing

    /**
     * The listing of a thread of the scenario: its own program, or the echo workload's listing for
     * {@code main} and {@code W1..Wn}; null when the scenario has no thread of that name.
     */
    public static CListing of(Scenario scenario, String thread) {
        List<Step> program = scenario.threads().get(thread);
        if (program != null) {
            return program(thread, program, scenario.ports(), scenario.sockets(), scenario.listeners(),
                    scenario.acceptSockets());
        }
        EchoServer echo = scenario.echo();
        if (echo != null) {
            if ("main".equals(thread)) {
                return scenario.live() ? liveMain(scenario.ports(), echo) : echoMain(scenario.ports(), echo);
            }
            for (int i = 1; i <= echo.workers(); i++) {
                if (echo.workerName(i).equals(thread)) {
                    return echoWorker(thread, scenario.ports(), echo);
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ a scripted program

    /**
     * A scripted thread's program.
     *
     * @param ports   port name to NumberOfConcurrentThreads, as in the file (created at the top)
     * @param sockets the sockets and their associations at t=0 (may be empty)
     */
    public static CListing program(String thread, List<Step> program, Map<String, Integer> ports,
                                   Map<String, Scenario.SocketSpec> sockets) {
        return program(thread, program, ports, sockets, Map.of(), List.of());
    }

    /**
     * A scripted thread's program in a scenario with listeners.
     *
     * @param listeners     the listening sockets and their associations at t=0
     * @param acceptSockets the sockets AcceptEx accepts into, made (not connected) at the top
     */
    public static CListing program(String thread, List<Step> program, Map<String, Integer> ports,
                                   Map<String, Scenario.SocketSpec> sockets, Map<String, Scenario.ListenerSpec> listeners,
                                   List<String> acceptSockets) {
        CCode.Writer w = new CCode.Writer();
        prologue(w, ports, sockets);
        listeners(w, listeners, acceptSockets);
        Uses uses = new Uses();
        uses.scan(program);
        if (!uses.overlapped.isEmpty()) {
            w.add(0, "OVERLAPPED " + String.join(", ", uses.overlapped) + ";", -1, "note.overlappedDecl", null);
        }
        if (w.size() > 0) {
            w.blank();
        }
        boolean entryPoint = CCode.id(thread).equals("main");
        if (entryPoint) {
            w.mainBegins();
        } else {
            w.add(0, "DWORD WINAPI " + CCode.id(thread) + "(LPVOID param) {", -1, null, null);
        }
        if (uses.gqcs) {
            w.add(1, "DWORD bytes; ULONG_PTR key; OVERLAPPED *ov;", -1, null, null);
        }
        if (uses.gqcsExCount > 0) {
            w.add(1, "OVERLAPPED_ENTRY entries[" + uses.gqcsExCount + "]; ULONG removed;", -1, null, null);
        }
        if (uses.wsa) {
            w.add(1, "DWORD n, flags = 0;", -1, null, null);
        }
        int[] next = {0};
        steps(w, program, 1, next, 0, uses.gqcs || uses.gqcsExCount > 0 ? "note.sleep" : "note.sleepOffPort");
        if (entryPoint) {                              // the other threads go on after main's program ends
            w.mainEnds();
        } else {
            w.add(1, "return 0;", -1, null, null);
        }
        w.add(0, "}", -1, null, null);
        return new CListing(thread, Kind.PROGRAM, w.lines(), ProgramCursor.firstStep(program));
    }

    private static void prologue(CCode.Writer w, Map<String, Integer> ports, Map<String, Scenario.SocketSpec> sockets) {
        for (Map.Entry<String, Integer> p : ports.entrySet()) {
            w.add(0, "HANDLE " + CCode.handle(p.getKey()) + " = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, "
                    + p.getValue() + ");", -1, p.getValue() == 0 ? "note.concurrencyZero" : null, null);
        }
        int shown = 0;
        int associated = 0;
        for (Map.Entry<String, Scenario.SocketSpec> s : sockets.entrySet()) {
            if (s.getValue().port() == null) {
                continue;
            }
            associated++;
            if (shown < MAX_SOCKET_LINES) {
                w.add(0, "CreateIoCompletionPort((HANDLE)" + CCode.id(s.getKey()) + ", " + CCode.handle(s.getValue().port()) + ", "
                        + s.getValue().key() + ", 0);", -1, shown == 0 ? "note.associate" : null, null);
                shown++;
            }
        }
        if (associated > shown) {
            w.add(0, "/* ... */", -1, "note.moreSockets", Integer.toString(associated - shown));
        }
    }

    /** Each listener: a socket bound to 127.0.0.1 and listening, associated as the file says; then the accept sockets. */
    private static void listeners(CCode.Writer w, Map<String, Scenario.ListenerSpec> listeners, List<String> accept) {
        boolean first = true;
        for (Map.Entry<String, Scenario.ListenerSpec> l : listeners.entrySet()) {
            String id = CCode.id(l.getKey());
            w.add(0, "SOCKET " + id + " = listening(\"127.0.0.1\");", -1, first ? "note.listener" : null, null);
            if (l.getValue().port() != null) {
                w.add(0, "CreateIoCompletionPort((HANDLE)" + id + ", " + CCode.handle(l.getValue().port()) + ", "
                        + l.getValue().key() + ", 0);", -1, first ? "note.listenerPort" : null, null);
            }
            first = false;
        }
        if (!accept.isEmpty()) {
            w.add(0, "SOCKET " + String.join(", ", accept.stream().map(a -> CCode.id(a) + " = WSASocketW(AF_INET, "
                    + "SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED)").toList()) + ";", -1,
                    "note.acceptSockets", null);
        }
    }

    private static final String[] LOOP_VARS = {"i", "j", "k", "m", "p", "q"};

    /**
     * The steps, numbered in program order; {@code sleepNote} says what a Sleep does to the thread: a thread that
     * takes packets frees its slot on the port, one that never does only gives up its processor.
     */
    private static void steps(CCode.Writer w, List<Step> steps, int indent, int[] next, int depth, String sleepNote) {
        for (Step s : steps) {
            int index = next[0]++;
            if (s instanceof Step.Loop loop) {
                String v = depth < LOOP_VARS.length ? LOOP_VARS[depth] : "i" + depth;
                String head = loop.times() == null ? "for (;;) {"
                        : "for (int " + v + " = 0; " + v + " < " + loop.times() + "; " + v + "++) {";
                w.add(indent, head, index, null, null);
                steps(w, loop.steps(), indent + 1, next, depth + 1, sleepNote);
                w.add(indent, "}", -1, null, null);
            } else {
                step(w, s, indent, index, sleepNote);
            }
        }
    }

    private static void step(CCode.Writer w, Step s, int indent, int index, String sleepNote) {
        if (s instanceof Step.GetQueuedCompletionStatus g) {
            w.add(indent, "GetQueuedCompletionStatus(" + CCode.handle(g.port()) + ", &bytes, &key, &ov, "
                    + CCode.timeout(g.timeoutUs()) + ");", index, null, null);
        } else if (s instanceof Step.GetQueuedCompletionStatusEx g) {
            w.add(indent, "GetQueuedCompletionStatusEx(" + CCode.handle(g.port()) + ", entries, " + g.count()
                    + ", &removed, " + CCode.timeout(g.timeoutUs()) + ", " + (g.alertable() ? "TRUE" : "FALSE") + ");",
                    index, g.alertable() ? "note.gqcsExAlertable" : null, null);
        } else if (s instanceof Step.PostQueuedCompletionStatus p) {
            w.add(indent, "PostQueuedCompletionStatus(" + CCode.handle(p.port()) + ", " + p.bytes() + ", " + p.key() + ", "
                    + CCode.pointer(p.overlapped()) + ");", index, null, null);
        } else if (s instanceof Step.Compute c) {
            w.add(indent, "Compute(" + CCode.ms(c.us()) + ");", index, "note.compute", null);
        } else if (s instanceof Step.Sleep z) {
            w.add(indent, "Sleep(" + CCode.ms(z.us()) + ");", index, z.us() == 0 ? "note.sleepZero" : sleepNote, null);
        } else if (s instanceof Step.SleepEx z) {
            w.add(indent, "SleepEx(" + CCode.timeout(z.us()) + ", " + (z.alertable() ? "TRUE" : "FALSE") + ");", index,
                    z.alertable() ? "note.sleepExAlertable" : sleepNote, null);
        } else if (s instanceof Step.HeapFree f) {
            String what = f.key() != null ? "context[" + f.key() + "]" : f.buffer() != null ? CCode.id(f.buffer())
                    : "CONTAINING_RECORD(" + CCode.pointer(f.overlapped()) + ", IO_CONTEXT, ov)";
            w.add(indent, "HeapFree(GetProcessHeap(), 0, " + what + ");", index,
                    f.key() != null ? "note.freeContext" : "note.freeBuffer", null);
        } else if (s instanceof Step.QueueUserAPC q) {
            w.add(indent, "QueueUserAPC(OnApc, h" + CCode.id(q.thread()) + ", 0);", index, "note.queueUserApc", null);
        } else if (s instanceof Step.SuspendThread t) {
            w.add(indent, "SuspendThread(h" + CCode.id(t.thread()) + ");", index, null, null);
        } else if (s instanceof Step.ResumeThread t) {
            w.add(indent, "ResumeThread(h" + CCode.id(t.thread()) + ");", index, null, null);
        } else if (s instanceof Step.ExitThread) {
            w.add(indent, "ExitThread(0);", index, null, null);
        } else if (s instanceof Step.CloseHandle c) {
            w.add(indent, "CloseHandle(" + CCode.handle(c.port()) + ");", index, null, null);
        } else if (s instanceof Step.CreateIoCompletionPort c) {
            w.add(indent, "CreateIoCompletionPort((HANDLE)" + CCode.id(c.socket()) + ", "
                    + (c.port() == null ? "NULL" : CCode.handle(c.port())) + ", " + c.key() + ", 0);", index, null, null);
        } else if (s instanceof Step.WSARecv r) {
            wsaRecv(w, r, indent, index);
        } else if (s instanceof Step.WSASend r) {
            wsaSend(w, r, indent, index);
        } else if (s instanceof Step.WSAGetOverlappedResult g) {
            w.add(indent, "WSAGetOverlappedResult(" + CCode.id(g.socket()) + ", " + CCode.pointer(g.overlapped())
                    + ", &n, FALSE, &flags);", index, null, null);
        } else if (s instanceof Step.CancelIoEx c) {
            w.add(indent, "CancelIoEx((HANDLE)" + CCode.id(c.socket()) + ", " + CCode.pointer(c.overlapped()) + ");", index,
                    c.overlapped() == null ? "note.cancelAll" : null, null);
        } else if (s instanceof Step.SetFileCompletionNotificationModes m) {
            List<String> flags = new ArrayList<>();
            if (m.skipCompletionPortOnSuccess()) {
                flags.add("FILE_SKIP_COMPLETION_PORT_ON_SUCCESS");
            }
            if (m.skipSetEventOnHandle()) {
                flags.add("FILE_SKIP_SET_EVENT_ON_HANDLE");
            }
            w.add(indent, "SetFileCompletionNotificationModes((HANDLE)" + CCode.id(m.socket()) + ", "
                    + (flags.isEmpty() ? "0" : String.join(" | ", flags)) + ");", index, null, null);
        } else if (s instanceof Step.closesocket c) {
            w.add(indent, "closesocket(" + CCode.id(c.socket()) + ");", index, null, null);
        } else if (s instanceof Step.AcceptEx a) {
            lowBit(w, a.overlapped(), indent);
            w.add(indent, "AcceptEx(" + CCode.id(a.listen()) + ", " + CCode.id(a.socket()) + ", "
                    + CCode.id(a.overlapped().label()) + "_buf, " + a.receive() + ", ADDRLEN, ADDRLEN, NULL, "
                    + CCode.pointer(a.overlapped().label()) + ");", index,
                    a.receive() > 0 ? "note.acceptFirstData" : "note.acceptEx", null);
        } else if (s instanceof Step.DisconnectEx d) {
            lowBit(w, d.overlapped(), indent);
            w.add(indent, "DisconnectEx(" + CCode.id(d.socket()) + ", " + CCode.pointer(d.overlapped().label()) + ", "
                    + (d.reuse() ? "TF_REUSE_SOCKET" : "0") + ", 0);", index,
                    d.reuse() ? "note.disconnectReuse" : "note.disconnect", null);
        } else if (s instanceof Step.WaitForSingleObject e) {
            w.add(indent, "WaitForSingleObject(" + CCode.id(e.event()) + ", INFINITE);", index, null, null);
        } else {
            w.add(indent, "/* " + s.api() + " */", index, null, null);
        }
    }

    private static void wsaRecv(CCode.Writer w, Step.WSARecv r, int indent, int index) {
        String bufs = w.bufferName();
        String data = w.buffers() == 1 ? "b" : "b" + w.buffers() + "_";
        List<String> items = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < r.buffers().size(); i++) {
            String at = r.buffer() == null ? data + i
                    : CCode.id(r.buffer()) + (offset == 0 ? "" : " + " + offset);       // one named memory, WSABUF after WSABUF
            items.add("{" + r.buffers().get(i) + ", " + at + "}");
            offset += r.buffers().get(i);
        }
        w.add(indent, "WSABUF " + bufs + "[" + r.buffers().size() + "] = {" + String.join(", ", items) + "};", -1,
                null, null);
        lowBit(w, r.overlapped(), indent);
        if (r.flags() != 0) {
            w.add(indent, "flags = " + r.flags() + ";", -1, null, null);
        }
        String ov = CCode.pointer(r.overlapped() == null ? null : r.overlapped().label());
        w.add(indent, "WSARecv(" + CCode.id(r.socket()) + ", " + bufs + ", " + r.buffers().size() + ", " + count(ov)
                + ", &flags, " + ov
                + ", " + (r.completionRoutine() ? "OnCompletion" : "NULL") + ");", index,
                ioNote(r.overlapped(), r.completionRoutine()), null);
    }

    /**
     * WSASend: its WSABUFs point at string literals, or, when the step names its memory ({@code buffer:}), at that
     * memory after the program has copied the bytes into it (so a send that reuses a pending send's memory shows it).
     */
    private static void wsaSend(CCode.Writer w, Step.WSASend r, int indent, int index) {
        String bufs = w.bufferName();
        List<String> items = new ArrayList<>();
        int offset = 0;
        for (String data : r.buffers()) {
            int n = data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (r.buffer() == null) {
                items.add("{" + n + ", " + CCode.quote(data) + "}");
            } else {
                String at = CCode.id(r.buffer()) + (offset == 0 ? "" : " + " + offset);
                w.add(indent, "memcpy(" + at + ", " + CCode.quote(data) + ", " + n + ");", -1, null, null);
                items.add("{" + n + ", " + at + "}");
            }
            offset += n;
        }
        w.add(indent, "WSABUF " + bufs + "[" + r.buffers().size() + "] = {" + String.join(", ", items) + "};", -1,
                null, null);
        lowBit(w, r.overlapped(), indent);
        String ov = CCode.pointer(r.overlapped() == null ? null : r.overlapped().label());
        w.add(indent, "WSASend(" + CCode.id(r.socket()) + ", " + bufs + ", " + r.buffers().size() + ", " + count(ov)
                + ", 0, " + ov + ", "
                + (r.completionRoutine() ? "OnCompletion" : "NULL") + ");", index,
                ioNote(r.overlapped(), r.completionRoutine()), null);
    }

    /**
     * The byte-count argument of WSARecv and WSASend: {@code &n} for a blocking call; NULL with an OVERLAPPED, as
     * the WSARecv and WSASend documentation advises (the count comes with the packet).
     */
    private static String count(String ov) {
        return ov.equals("NULL") ? "&n" : "NULL";
    }

    private static void lowBit(CCode.Writer w, Step.OverlappedArg ov, int indent) {
        if (ov != null && ov.hEventLowBit()) {
            w.add(indent, CCode.id(ov.label()) + ".hEvent = (HANDLE)((ULONG_PTR)hEvt | 1);", -1, "note.lowBit", null);
        }
    }

    private static String ioNote(Step.OverlappedArg ov, boolean routine) {
        if (routine) {
            return "note.completionRoutine";
        }
        return ov == null ? "note.blocking" : null;
    }

    /** What a thread's program needs declared. */
    private static final class Uses {
        boolean gqcs;
        int gqcsExCount;
        boolean wsa;
        final Set<String> overlapped = new LinkedHashSet<>();

        void scan(List<Step> steps) {
            for (Step s : steps) {
                if (s instanceof Step.Loop l) {
                    scan(l.steps());
                } else if (s instanceof Step.GetQueuedCompletionStatus) {
                    gqcs = true;
                } else if (s instanceof Step.GetQueuedCompletionStatusEx g) {
                    gqcsExCount = Math.max(gqcsExCount, g.count());
                } else if (s instanceof Step.PostQueuedCompletionStatus p) {
                    label(p.overlapped());
                } else if (s instanceof Step.WSARecv r) {
                    wsa = true;
                    label(r.overlapped() == null ? null : r.overlapped().label());
                } else if (s instanceof Step.WSASend r) {
                    wsa = true;
                    label(r.overlapped() == null ? null : r.overlapped().label());
                } else if (s instanceof Step.WSAGetOverlappedResult g) {
                    wsa = true;
                    label(g.overlapped());
                } else if (s instanceof Step.CancelIoEx c) {
                    label(c.overlapped());
                } else if (s instanceof Step.AcceptEx a) {
                    label(a.overlapped().label());
                } else if (s instanceof Step.DisconnectEx d) {
                    label(d.overlapped().label());
                }
            }
        }

        private void label(String l) {
            if (l != null) {
                overlapped.add(CCode.id(l));
            }
        }
    }

    // ------------------------------------------------------------------ the echo workload

    /** The echo workload's worker loop, as the worker program runs it ({@link EchoServer#writeWorker}). */
    public static CListing echoWorker(String thread, Map<String, Integer> ports, EchoServer echo) {
        return workload(thread, Kind.ECHO_WORKER, ports, w -> echo.writeWorker(w, thread));
    }

    /** The echo workload's main thread, as its program runs it ({@link EchoServer#writeMain}). */
    public static CListing echoMain(Map<String, Integer> ports, EchoServer echo) {
        return workload("main", Kind.ECHO_MAIN, ports, echo::writeMain);
    }

    /** Live mode's main thread, as its program runs it ({@link EchoServer#writeLiveMain}). */
    public static CListing liveMain(Map<String, Integer> ports, EchoServer echo) {
        return workload("main", Kind.ECHO_MAIN, ports, echo::writeLiveMain);
    }

    /**
     * A workload's program under the ports' prologue, written by the program itself (its step lines numbered as
     * it numbers its steps). A workload makes its first call on the first step line it writes, so a started thread
     * is at that line's step before its first call: the AcceptEx echo's main at {@code CreateIoCompletionPort} of
     * its listener, not at a step number of the plain echo's main that its listing has no line for.
     */
    private static CListing workload(String thread, Kind kind, Map<String, Integer> ports, Consumer<CCode.Writer> body) {
        CCode.Writer w = new CCode.Writer();
        prologue(w, ports, Map.of());
        w.blank();
        body.accept(w);
        int first = w.lines().stream().filter(CCode.Line::isStep).findFirst().map(CCode.Line::step).orElse(-1);
        return new CListing(thread, kind, w.lines(), first);
    }
}
