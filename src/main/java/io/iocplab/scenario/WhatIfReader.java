package io.iocplab.scenario;

import io.iocplab.sim.EchoServer;
import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code whatIf:} section (EXTENSIONS.md): actions a student injected at stops of a run, each after a
 * moment ({@link WhatIf} says how they are ordered), in moment order:
 *
 * <pre>
 * whatIf:
 *   - { after: 57, client: C1, close: reset }                 # or close: graceful, or send: "bytes"
 *   - { after: 80, thread: main, call: { PostQueuedCompletionStatus: { port: P, bytes: 0, key: 9, overlapped: null } } }
 *   - { after: 90, compute: 2, block: { every: 2, sleep: 1 } } # the echo workers from here on
 * </pre>
 * A call is one that never waits: PostQueuedCompletionStatus, CancelIoEx, CloseHandle, SuspendThread,
 * ResumeThread, closesocket. An echo client sends only its own messages, so it may close or reset but not send.
 */
final class WhatIfReader {
    static final List<String> KEYS = List.of("after", "client", "send", "close", "thread", "call", "compute", "block");
    private static final Set<Class<?>> CALLS = Set.of(Step.PostQueuedCompletionStatus.class, Step.CancelIoEx.class,
            Step.CloseHandle.class, Step.SuspendThread.class, Step.ResumeThread.class, Step.closesocket.class);

    private final Nodes nodes;
    private final Problems problems;

    WhatIfReader(Nodes nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    List<WhatIf> read(Node section, Declared declared, EchoServer echo) {
        Set<String> echoClients = new LinkedHashSet<>();
        Declared all = declared;
        if (echo != null) {
            Set<String> threads = declared.threads() == null ? null : new LinkedHashSet<>(declared.threads());
            Set<String> sockets = declared.sockets() == null ? null : new LinkedHashSet<>(declared.sockets());
            for (int i = 1; i <= echo.clients(); i++) {
                echoClients.add(echo.socketName(i));
            }
            if (threads != null) {
                threads.add("main");
                for (int i = 1; i <= echo.workers(); i++) {
                    threads.add(echo.workerName(i));
                }
            }
            if (sockets != null) {
                sockets.addAll(echoClients);
            }
            all = new Declared(threads, declared.ports(), sockets, declared.listeners());
        }
        List<Node> items = nodes.list(section, "whatIf", "a list of actions such as { after: 57, client: C1, close: reset }",
                true);
        List<WhatIf> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            WhatIf w = action(items.get(i), "whatIf[" + i + "]", all, echo, echoClients);
            if (w == null) {
                continue;
            }
            if (!out.isEmpty() && w.after() < out.get(out.size() - 1).after()) {
                problems.add(items.get(i), "whatIf[" + i + "].after: comes before the previous action's moment");
            }
            out.add(w);
        }
        return out;
    }

    private WhatIf action(Node item, String path, Declared declared, EchoServer echo, Set<String> echoClients) {
        MappingNode m = nodes.map(item, path, "an action such as { after: 57, client: C1, close: reset }", false);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Args a = new Args(item, path, m, KEYS, nodes);
        Node afterNode = a.required("after", "the moment the action follows");
        long after = afterNode == null ? 0 : nodes.whole(afterNode, a.path("after"), 0, Long.MAX_VALUE);
        WhatIf w = null;
        int kinds = (a.has("client") ? 1 : 0) + (a.has("thread") ? 1 : 0) + (a.has("compute") ? 1 : 0);
        if (kinds != 1) {
            problems.add(item, path + ": " + (kinds == 0 ? "missing what happens: client, thread or compute"
                    : "one action per entry: client, thread or compute"));
        } else if (a.has("client")) {
            w = client(a, path, after, declared, echoClients);
        } else if (a.has("thread")) {
            w = call(a, after, declared);
        } else {
            w = echoWork(a, path, after, echo);
        }
        return problems.count() > before ? null : w;
    }

    private WhatIf client(Args a, String path, long after, Declared declared, Set<String> echoClients) {
        String socket = nodes.name(a.optional("client"), a.path("client"), "socket", declared.sockets());
        if (a.has("send") == a.has("close")) {
            problems.add(a.owner(), path + ": " + (a.has("send") ? "one action per entry: send or close, not both"
                    : "missing what the client does: send (a string) or close (graceful or reset)"));
            return null;
        }
        if (a.has("send")) {
            if (echoClients.contains(socket)) {
                problems.add(a.optional("send"), a.path("send") + ": an echo client sends only its own messages "
                        + "(it may close: graceful or close: reset)");
                return null;
            }
            return new WhatIf.Client(after, socket, WhatIf.Client.Kind.SEND,
                    nodes.text(a.optional("send"), a.path("send"), "the bytes to send, as a string"));
        }
        String how = YamlValues.scalar(a.optional("close"));
        if (!"graceful".equals(how) && !"reset".equals(how)) {
            problems.add(a.optional("close"), a.path("close") + ": expected graceful or reset, got "
                    + YamlValues.describe(a.optional("close")));
            return null;
        }
        return new WhatIf.Client(after, socket, "reset".equals(how) ? WhatIf.Client.Kind.RESET
                : WhatIf.Client.Kind.CLOSE, null);
    }

    private WhatIf call(Args a, long after, Declared declared) {
        String thread = nodes.name(a.optional("thread"), a.path("thread"), "thread", declared.threads());
        Node callNode = a.required("call", "the call the thread makes, e.g. { CancelIoEx: { socket: S1, overlapped: null } }");
        if (callNode == null) {
            return null;
        }
        Step step = new StepReader(nodes, declared).one(callNode, a.path("call"));
        if (step == null) {
            return null;
        }
        if (!CALLS.contains(step.getClass())) {
            problems.add(callNode, a.path("call") + ": " + step.api() + " may not be made at a stop (only a call "
                    + "that never waits: PostQueuedCompletionStatus, CancelIoEx, CloseHandle, SuspendThread, "
                    + "ResumeThread, closesocket)");
            return null;
        }
        return new WhatIf.Call(after, thread, step);
    }

    private WhatIf echoWork(Args a, String path, long after, EchoServer echo) {
        if (echo == null) {
            problems.add(a.optional("compute"), a.path("compute") + ": only an echo workload's workers can change "
                    + "their work (the file has no echo:)");
            return null;
        }
        long compute = nodes.timeUs(a.optional("compute"), a.path("compute"), 0, false);
        EchoReader.Block block = EchoReader.block(a, nodes);
        return new WhatIf.EchoWork(after, compute, block.every(), block.sleepUs());
    }
}
