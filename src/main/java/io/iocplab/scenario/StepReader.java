package io.iocplab.scenario;

import io.iocplab.sim.EchoServer;
import io.iocplab.sim.ProgramCursor;
import io.iocplab.sim.Step;
import io.iocplab.sim.Step.OverlappedArg;
import io.iocplab.sim.event.Api;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads thread programs: lists of steps, each a one-key map named after its Win32 call
 * (scenario-and-trace.md, "Steps"), or the bare name of a step without arguments.
 *
 * <p>Every step is checked completely (its name, every argument, every name it refers to) and every
 * problem is reported; a step with a problem is left out of the result, which is then never run.
 * An argument that the contract gives no default must be written; {@code port} may be left out
 * when the file has exactly one port.
 */
final class StepReader {
    /** The one step that is not a call: it repeats the steps inside it. */
    static final String LOOP = "Loop";
    private static final List<String> LOOP_ARGUMENTS = List.of("times", "steps");
    /**
     * Every step name a file may write: the calls of {@link Api} a scripted thread makes (WaitForSingleObject
     * only the workloads make: their events, not a file's step), then {@link #LOOP}.
     */
    static final List<String> STEPS = Stream.concat(
            Arrays.stream(Api.values()).filter(a -> a != Api.WaitForSingleObject).map(Api::name), Stream.of(LOOP))
            .toList();

    static final int MAX_LOOP_DEPTH = 16;
    static final long MAX_BYTES = 0xFFFFFFFFL;
    static final int MAX_BUFFER = 1 << 20;
    private static final String LABEL = "an OVERLAPPED label, null, or { label: R, hEventLowBit: true }";

    private final Nodes nodes;
    private final Problems problems;
    private final Declared declared;
    private final EchoServer echo;
    /** Steps read so far, each alias use counted again: at most {@link Limits#MAX_STEPS}. */
    private int read;

    StepReader(Nodes nodes, Declared declared) {
        this(nodes, declared, null);
    }

    /** A reader of programs that run beside {@code echo} (or null): they may not post or associate on its port. */
    StepReader(Nodes nodes, Declared declared, EchoServer echo) {
        this.nodes = nodes;
        this.problems = nodes.problems();
        this.declared = declared;
        this.echo = echo;
    }

    /** A list of steps (null is an empty list); {@code path} names the list, e.g. {@code threads.T1}. */
    List<Step> steps(Node list, String path, int depth) {
        List<Step> out = new ArrayList<>();
        if (list != null && list.isRecursive()) {
            problems.add(list, path + ": a list of steps cannot contain itself (through a YAML alias); "
                    + "to repeat steps use Loop with times: forever");
            return out;
        }
        List<Node> items = nodes.list(list, path, "a list of steps", true);
        for (int i = 0; i < items.size() && read <= Limits.MAX_STEPS; i++) {
            Step s = step(items.get(i), path + "[" + i + "]", depth);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** One step (a what-if's call), or null when it has a problem (reported). */
    Step one(Node n, String path) {
        return step(n, path, 0);
    }

    private Step step(Node n, String path, int depth) {
        if (++read > Limits.MAX_STEPS) {
            problems.add(n, path + ": more than " + Limits.MAX_STEPS + " steps in all threads (a step repeated by "
                    + "a YAML alias counts each time); to repeat steps use Loop");
            return null;
        }
        String name;
        Node value = null;
        Node nameNode = n;
        if (n instanceof MappingNode m && m.getValue().size() == 1) {
            NodeTuple t = m.getValue().get(0);
            nameNode = t.getKeyNode();
            name = YamlValues.scalar(nameNode);
            value = t.getValueNode();
        } else if (n instanceof MappingNode m && m.getValue().size() > 1) {
            List<String> keys = m.getValue().stream().map(t -> YamlValues.describe(t.getKeyNode())).toList();
            problems.add(n, path + ": a step is a map with one key, this one has " + keys.size() + " ("
                    + String.join(", ", keys) + "); write each step on its own '- ' line");
            return null;
        } else {
            name = n instanceof ScalarNode ? YamlValues.scalar(n) : null;
        }
        if (name == null) {
            problems.add(n, path + ": expected a step such as '- Sleep: 10' or '- ExitThread', got "
                    + YamlValues.describe(n));
            return null;
        }
        if (!STEPS.contains(name)) {
            problems.add(nameNode, path + ": unknown step '" + name + "'" + Suggest.hint(name, STEPS));
            return null;
        }
        int before = problems.count();
        Step s = read(Api.named(name), n, value, path + "." + name, depth);
        return problems.count() > before ? null : s;
    }

    /** A step of call {@code api}, or a Loop when it is null. */
    private Step read(Api api, Node n, Node value, String p, int depth) {
        Step.Source src = source(n);
        if (api == null) {
            return readWithArgs(null, n, value, p, depth, src);
        }
        switch (api) {
            case Compute:
                return present(n, value, p, "a time in milliseconds")
                        ? new Step.Compute(nodes.timeUs(value, p, 0, false), src) : null;
            case Sleep:
                return present(n, value, p, "a time in milliseconds")
                        ? new Step.Sleep(nodes.timeUs(value, p, 0, false), src) : null;
            case SuspendThread:
                return present(n, value, p, "the name of a thread")
                        ? new Step.SuspendThread(nodes.name(value, p, "thread", declared.threads()), src) : null;
            case ResumeThread:
                return present(n, value, p, "the name of a thread")
                        ? new Step.ResumeThread(nodes.name(value, p, "thread", declared.threads()), src) : null;
            case closesocket:
                return present(n, value, p, "the name of a socket or a listener")
                        ? new Step.closesocket(nodes.name(value, p, "socket", declared.handles()), src) : null;
            case CloseHandle:
                return new Step.CloseHandle(closeHandleTarget(n, value, p), src);
            case ExitThread:
                if (!(value == null || YamlValues.isNull(value)
                        || value instanceof MappingNode m && m.getValue().isEmpty())) {
                    problems.add(value, p + ": takes no arguments, got " + YamlValues.describe(value));
                }
                return new Step.ExitThread(src);
            default:
                return readWithArgs(api, n, value, p, depth, src);
        }
    }

    private Step readWithArgs(Api api, Node n, Node value, String p, int depth, Step.Source src) {
        List<String> allowed = api == null ? LOOP_ARGUMENTS : argumentNames(api);
        MappingNode map = value == null ? null
                : nodes.map(value, p, "its arguments as a map (" + String.join(", ", allowed) + ")", true);
        if (value != null && map == null && !YamlValues.isNull(value)) {
            return null;
        }
        Args a = new Args(n, p, map, allowed, nodes);
        if (api == null) {
            return loop(a, depth, src);
        }
        switch (api) {
            case GetQueuedCompletionStatus:
                return new Step.GetQueuedCompletionStatus(port(a), timeout(a), src);
            case GetQueuedCompletionStatusEx:
                return new Step.GetQueuedCompletionStatusEx(port(a),
                        (int) whole(a, "count", "how many entries to remove, 1 or more", 1, Integer.MAX_VALUE),
                        timeout(a), flag(a, "alertable"), src);
            case PostQueuedCompletionStatus: {
                String port = port(a);
                long key = whole(a, "key", "the completion key, a whole number", 0, Long.MAX_VALUE);
                if (key != 0 && isEchoPort(port)) {
                    problems.add(a.optional("key"), a.path("key") + ": " + key + " on " + port + ", the echo "
                            + "workload's port, whose workers take key 0 as the shutdown and keys 1.." + echo.clients()
                            + " as their clients' sockets; post key 0 to stop a worker, or post to a port of "
                            + "your own");
                }
                return new Step.PostQueuedCompletionStatus(port,
                        whole(a, "bytes", "the byte count, a whole number", 0, MAX_BYTES), key,
                        label(overlapped(a, true, false)), src);
            }
            case CreateIoCompletionPort: {
                String handle = fileHandle(a);
                String port = port(a);
                if (isEchoPort(port) && !Step.CreateIoCompletionPort.INVALID_HANDLE_VALUE.equals(handle)) {
                    problems.add(a.has("port") ? a.optional("port") : a.owner(), a.path("port") + ": " + port
                            + " is the echo workload's port, whose workers know only their own clients' keys; "
                            + "associate the socket with a port of your own");
                }
                return new Step.CreateIoCompletionPort(handle, port,
                        whole(a, "key", "the completion key, a whole number", 0, Long.MAX_VALUE), src);
            }
            case WSARecv: {
                OverlappedArg ov = overlapped(a, true, true);
                return new Step.WSARecv(socket(a), receiveBuffers(a), ov, receiveFlags(a, ov),
                        flag(a, "completionRoutine"), bufferName(a), src);
            }
            case WSASend:
                return new Step.WSASend(socket(a), sendBuffers(a), overlapped(a, true, true),
                        flag(a, "completionRoutine"), bufferName(a), src);
            case HeapFree:
                return heapFree(a, src);
            case WSAGetOverlappedResult:
                return new Step.WSAGetOverlappedResult(handle(a), label(overlapped(a, false, false)), src);
            case CancelIoEx:
                return new Step.CancelIoEx(handle(a), label(overlapped(a, true, false)), src);
            case AcceptEx:
                return new Step.AcceptEx(listener(a), socket(a),
                        a.has("receive") ? (int) nodes.whole(a.optional("receive"), a.path("receive"), 0, MAX_BUFFER) : 0,
                        overlapped(a, false, true), src);
            case DisconnectEx:
                return new Step.DisconnectEx(socket(a), flag(a, "reuse"), overlapped(a, false, true), src);
            case SleepEx: {
                Node ms = a.required("ms", "a time in milliseconds, or INFINITE");
                return new Step.SleepEx(ms == null ? 0 : nodes.timeUs(ms, a.path("ms"), 0, true), flag(a, "alertable"),
                        src);
            }
            case QueueUserAPC: {
                Node thread = a.required("thread", "the name of a thread");
                return new Step.QueueUserAPC(thread == null ? null : nodes.name(thread, a.path("thread"), "thread",
                        declared.threads()), src);
            }
            case SetFileCompletionNotificationModes:
                return new Step.SetFileCompletionNotificationModes(handle(a),
                        flag(a, "skipCompletionPortOnSuccess"), flag(a, "skipSetEventOnHandle"), src);
            default:
                throw new IllegalStateException("no reader for step " + api);
        }
    }

    /** The arguments a step of this name takes (none for a name that is no step). */
    static List<String> argumentNames(String step) {
        Api api = Api.named(step);
        return api != null ? argumentNames(api) : LOOP.equals(step) ? LOOP_ARGUMENTS : List.of();
    }

    /** The arguments a step of call {@code api} takes. */
    private static List<String> argumentNames(Api api) {
        switch (api) {
            case GetQueuedCompletionStatus: return List.of("port", "timeout");
            case GetQueuedCompletionStatusEx: return List.of("port", "count", "timeout", "alertable");
            case PostQueuedCompletionStatus: return List.of("port", "bytes", "key", "overlapped");
            case CreateIoCompletionPort: return List.of("socket", "port", "key");
            case WSARecv: return List.of("socket", "buffers", "overlapped", "flags", "completionRoutine", "buffer");
            case WSASend: return List.of("socket", "data", "buffers", "overlapped", "completionRoutine", "buffer");
            case HeapFree: return List.of("key", "buffer", "overlapped");
            case WSAGetOverlappedResult:
            case CancelIoEx: return List.of("socket", "overlapped");
            case AcceptEx: return List.of("listen", "socket", "receive", "overlapped");
            case SleepEx: return List.of("ms", "alertable");
            case QueueUserAPC: return List.of("thread");
            case DisconnectEx: return List.of("socket", "reuse", "overlapped");
            case SetFileCompletionNotificationModes:
                return List.of("socket", "skipCompletionPortOnSuccess", "skipSetEventOnHandle");
            default: return List.of();
        }
    }

    // ------------------------------------------------------------------ arguments

    /** The port a step (or the echo block) names, or the only port of the file when it names none. */
    String port(Args a) {
        if (a.has("port")) {
            return nodes.name(a.optional("port"), a.path("port"), "port", declared.ports());
        }
        if (declared.ports() == null) {
            return null;
        }
        if (declared.ports().size() == 1) {
            return declared.ports().iterator().next();
        }
        a.missing("port", declared.ports().isEmpty() ? "the file declares no ports"
                : "the file has several ports: " + String.join(", ", declared.ports()));
        return null;
    }

    /** Whether a step's port is the echo workload's, whose workers read every packet on it as their own. */
    private boolean isEchoPort(String port) {
        return echo != null && port != null && port.equals(echo.port());
    }

    /** CreateIoCompletionPort's file handle: a socket, a listener, or INVALID_HANDLE_VALUE (no handle). */
    private String fileHandle(Args a) {
        Node n = a.optional("socket");
        if (n != null && Step.CreateIoCompletionPort.INVALID_HANDLE_VALUE.equals(YamlValues.scalar(n))) {
            return Step.CreateIoCompletionPort.INVALID_HANDLE_VALUE;
        }
        return handle(a);
    }

    /** A socket that has, or will have, a connection: WSARecv, WSASend, DisconnectEx, the accept socket of AcceptEx. */
    private String socket(Args a) {
        Node n = a.required("socket", "the name of a socket");
        if (n == null) {
            return null;
        }
        String name = YamlValues.scalar(n);
        if (name != null && declared.listeners() != null && declared.listeners().contains(name)) {
            problems.add(n, a.path("socket") + ": '" + name + "' is a listener: it accepts connections and has none of "
                    + "its own (AcceptEx gives one to a socket)");
            return name;
        }
        return nodes.name(n, a.path("socket"), "socket", declared.sockets());
    }

    /** A socket or a listener: closesocket, CancelIoEx, CreateIoCompletionPort, SetFileCompletionNotificationModes. */
    private String handle(Args a) {
        Node n = a.required("socket", "the name of a socket or a listener");
        return n == null ? null : nodes.name(n, a.path("socket"), "socket", declared.handles());
    }

    private String listener(Args a) {
        Node n = a.required("listen", "the name of a listener");
        return n == null ? null : nodes.name(n, a.path("listen"), "listener", declared.listeners());
    }

    /** A step written as a bare word has no value at all: that is a missing argument, reported at the step. */
    private boolean present(Node step, Node value, String p, String expected) {
        if (value == null) {
            problems.add(step, p + ": missing its argument (expected " + expected + ")");
        }
        return value != null;
    }

    private String closeHandleTarget(Node step, Node value, String p) {
        if ((value == null || YamlValues.isNull(value)) && declared.ports() != null && declared.ports().size() == 1) {
            return declared.ports().iterator().next();
        }
        String s = YamlValues.scalar(value);
        if (s != null && declared.sockets() != null && declared.sockets().contains(s)
                && (declared.ports() == null || !declared.ports().contains(s))) {
            problems.add(value, p + ": '" + s + "' is a socket; close it with closesocket");
            return s;
        }
        return present(step, value, p, "the name of a port") ? nodes.name(value, p, "port", declared.ports()) : null;
    }

    private long timeout(Args a) {
        Node n = a.optional("timeout");
        return n == null ? Step.INFINITE : nodes.timeUs(n, a.path("timeout"), 0, true);
    }

    private boolean flag(Args a, String key) {
        Node n = a.optional(key);
        return n != null && nodes.bool(n, a.path(key));
    }

    private long whole(Args a, String key, String what, long min, long max) {
        Node n = a.required(key, what);
        return n == null ? 0 : nodes.whole(n, a.path(key), min, max);
    }

    /**
     * WSARecv's flags: 0, or MSG_PEEK (written so, or 2), which the model does on a blocking call only: Windows
     * documents it for non-overlapped sockets [DOC-WSARecv]. The other flags are not modelled.
     */
    private int receiveFlags(Args a, OverlappedArg ov) {
        Node n = a.optional("flags");
        if (n == null) {
            return 0;
        }
        int flags = "MSG_PEEK".equals(YamlValues.scalar(n)) ? Step.WSARecv.MSG_PEEK
                : (int) nodes.whole(n, a.path("flags"), 0, Integer.MAX_VALUE);
        if (flags != 0 && flags != Step.WSARecv.MSG_PEEK) {
            problems.add(n, a.path("flags") + ": expected 0 or MSG_PEEK (2), got " + YamlValues.describe(n)
                    + " (the model does no other receive flag)");
        } else if (flags == Step.WSARecv.MSG_PEEK && ov != null) {
            problems.add(n, a.path("flags") + ": MSG_PEEK only on a blocking call (overlapped: null): Windows "
                    + "documents it for non-overlapped sockets");
        }
        return flags;
    }

    /** The optional name of the memory a call's WSABUFs point to (watched by the misuse detector). */
    private String bufferName(Args a) {
        Node n = a.optional("buffer");
        return n == null ? null : labelText(n, a.path("buffer"));
    }

    /** HeapFree: exactly one of key (a per-socket context), buffer, overlapped (the per-I/O context holding it). */
    private Step heapFree(Args a, Step.Source src) {
        List<String> given = java.util.stream.Stream.of("key", "buffer", "overlapped").filter(a::has).toList();
        if (given.size() != 1) {
            problems.add(a.owner(), a.path() + ": " + (given.isEmpty()
                    ? "missing what it frees: key (the context a completion key points to), buffer, or overlapped"
                    : "frees one thing at a time, not " + String.join(" and ", given)));
            return null;
        }
        Long key = a.has("key") ? nodes.whole(a.optional("key"), a.path("key"), 0, Long.MAX_VALUE) : null;
        String buffer = a.has("buffer") ? labelText(a.optional("buffer"), a.path("buffer")) : null;
        String overlapped = a.has("overlapped") ? labelText(a.optional("overlapped"), a.path("overlapped")) : null;
        return new Step.HeapFree(key, buffer, overlapped, src);
    }

    private List<Integer> receiveBuffers(Args a) {
        Node n = a.required("buffers", "a list of WSABUF lengths, e.g. [4096]");
        if (n == null) {
            return List.of();
        }
        List<Node> items = nodes.list(n, a.path("buffers"), "a list of WSABUF lengths, e.g. [4096]", false);
        if (items.isEmpty() && n instanceof SequenceNode) {
            problems.add(n, a.path("buffers") + ": expected at least one WSABUF length, got an empty list");
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add((int) nodes.whole(items.get(i), a.path("buffers") + "[" + i + "]", 0, MAX_BUFFER));
        }
        return out;
    }

    private List<String> sendBuffers(Args a) {
        if (a.has("data") == a.has("buffers")) {
            problems.add(a.owner(), a.path() + ": " + (a.has("data") ? "write either 'data' or 'buffers', not both"
                    : "missing argument 'data' (a string) or 'buffers' (a list of strings)"));
            return List.of();
        }
        if (a.has("data")) {
            return List.of(nodes.text(a.optional("data"), a.path("data"), "the bytes to send, as a string"));
        }
        Node n = a.optional("buffers");
        List<String> out = new ArrayList<>();
        List<Node> items = nodes.list(n, a.path("buffers"), "a list of strings, one per WSABUF", false);
        for (int i = 0; i < items.size(); i++) {
            out.add(nodes.text(items.get(i), a.path("buffers") + "[" + i + "]", "a string"));
        }
        return out;
    }

    /** The {@code overlapped} argument: required, null allowed or not, hEventLowBit allowed or not. */
    private OverlappedArg overlapped(Args a, boolean nullOk, boolean lowBitOk) {
        Node n = a.required("overlapped", nullOk ? LABEL : "an OVERLAPPED label");
        String p = a.path("overlapped");
        if (n == null) {
            return null;
        }
        if (YamlValues.isNull(n)) {
            if (!nullOk) {
                problems.add(n, p + ": expected an OVERLAPPED label, got nothing");
            }
            return null;
        }
        if (n instanceof MappingNode m) {
            Args o = new Args(n, p, m, List.of("label", "hEventLowBit"), nodes);
            Node label = o.required("label", "the OVERLAPPED's name");
            Node lowBit = o.optional("hEventLowBit");
            boolean low = lowBit != null && nodes.bool(lowBit, o.path("hEventLowBit"));
            if (low && !lowBitOk) {
                problems.add(lowBit, o.path("hEventLowBit") + ": only WSARecv and WSASend start I/O with an hEvent");
            }
            return label == null ? null : new OverlappedArg(labelText(label, o.path("label")), low);
        }
        return new OverlappedArg(labelText(n, p), false);
    }

    private String labelText(Node n, String p) {
        String s = nodes.text(n, p, LABEL);
        if (s != null && s.isEmpty()) {
            problems.add(n, p + ": expected " + LABEL + ", got an empty label");
        }
        return s;
    }

    private static String label(OverlappedArg o) {
        return o == null ? null : o.label();
    }

    private Step loop(Args a, int depth, Step.Source src) {
        int before = problems.count();
        Node times = a.required("times", "a whole number, or forever");
        Node body = a.required("steps", "a list of steps");
        Integer count = null;
        if (times != null && !"forever".equals(YamlValues.scalar(times))) {
            count = (int) nodes.whole(times, a.path("times"), 0, Integer.MAX_VALUE);
        }
        if (depth >= MAX_LOOP_DEPTH) {
            problems.add(a.owner(), a.path() + ": loops nested too deeply (at most " + MAX_LOOP_DEPTH + ")");
            return null;
        }
        List<Step> steps = body == null ? List.of() : steps(body, a.path("steps"), depth + 1);
        if (count == null && body != null && !doesSomething(steps) && problems.count() == before) {
            problems.add(a.owner(), a.path() + (ProgramCursor.runsAStep(steps)
                    ? ": a loop forever of Compute: 0 only (a step that takes no time and makes no call) would repeat "
                    + "with nothing ever happening; give it a step such as Sleep"
                    : ": a loop forever that runs no step (its steps are empty, or loops that never run) would repeat "
                    + "without virtual time moving; give it a step such as Sleep"));
            return null;
        }
        return new Step.Loop(count, steps, src);
    }

    /** Whether one pass over the steps makes a call or takes time: anything but Compute: 0 and loops of it. */
    private static boolean doesSomething(List<Step> steps) {
        for (Step s : steps) {
            if (s instanceof Step.Loop loop) {
                if ((loop.times() == null || loop.times() > 0) && doesSomething(loop.steps())) {
                    return true;
                }
            } else if (!(s instanceof Step.Compute c && c.us() == 0)) {
                return true;
            }
        }
        return false;
    }

        static Step.Source source(Node n) {
        return n.getStartMark().map(m -> new Step.Source(m.getLine() + 1, m.getColumn() + 1))
                .orElse(Step.Source.NONE);
    }
}
