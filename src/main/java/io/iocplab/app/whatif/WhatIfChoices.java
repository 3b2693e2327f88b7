package io.iocplab.app.whatif;

import io.iocplab.scenario.Scenario;
import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import java.util.ArrayList;
import java.util.List;

/**
 * What a student may do at a stop, read from the scenario: who may act (each client, each thread, the echo
 * workers) and what each may do, and the {@link WhatIf} a choice makes. No JavaFX.
 *
 * <p>Rules: a client may send bytes (unless it is an echo client, which sends only its own messages), close
 * gracefully or reset; a thread may make a call that never waits (PostQueuedCompletionStatus, CancelIoEx,
 * CloseHandle, SuspendThread, ResumeThread, closesocket) on any port, socket or thread of the run; the echo
 * workers may change their Compute per packet and their blocking call from here on.
 */
public final class WhatIfChoices {
    /** Who acts. */
    public enum Kind { CLIENT, THREAD, ECHO }

    /** One who may act: a client (by its socket), a thread, or the echo workers (name null). */
    public record Actor(Kind kind, String name) {}

    /** What an actor may do. */
    public enum Action {
        SEND, CLOSE, RESET,
        PostQueuedCompletionStatus, CancelIoEx, CloseHandle, SuspendThread, ResumeThread, closesocket,
        ECHO_WORK
    }

    private final Scenario scenario;

    public WhatIfChoices(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Everyone who may act, clients first, then threads, then the echo workers. */
    public List<Actor> actors() {
        List<Actor> out = new ArrayList<>();
        sockets().forEach(s -> out.add(new Actor(Kind.CLIENT, s)));
        threads().forEach(t -> out.add(new Actor(Kind.THREAD, t)));
        if (scenario.echo() != null) {
            out.add(new Actor(Kind.ECHO, null));
        }
        return out;
    }

    /** What {@code actor} may do. */
    public List<Action> actions(Actor actor) {
        return switch (actor.kind()) {
            case CLIENT -> echoClient(actor.name()) ? List.of(Action.CLOSE, Action.RESET)
                    : List.of(Action.SEND, Action.CLOSE, Action.RESET);
            case THREAD -> List.of(Action.PostQueuedCompletionStatus, Action.CancelIoEx, Action.CloseHandle,
                    Action.SuspendThread, Action.ResumeThread, Action.closesocket);
            case ECHO -> List.of(Action.ECHO_WORK);
        };
    }

    /** The names a call's first argument may take: ports, sockets or threads; empty for the others. */
    public List<String> targets(Action action) {
        return switch (action) {
            case PostQueuedCompletionStatus, CloseHandle -> List.copyOf(scenario.ports().keySet());
            case CancelIoEx, closesocket -> sockets();
            case SuspendThread, ResumeThread -> threads();
            default -> List.of();
        };
    }

    /** The sockets of the run: the file's, then the echo clients. */
    public List<String> sockets() {
        List<String> out = new ArrayList<>(scenario.sockets().keySet());
        if (scenario.echo() != null) {
            for (int i = 1; i <= scenario.echo().clients(); i++) {
                out.add(scenario.echo().socketName(i));
            }
        }
        return out;
    }

    /** The threads of the run: the file's, then the echo workload's main and workers. */
    public List<String> threads() {
        List<String> out = new ArrayList<>(scenario.threads().keySet());
        if (scenario.echo() != null) {
            out.add("main");
            for (int i = 1; i <= scenario.echo().workers(); i++) {
                out.add(scenario.echo().workerName(i));
            }
        }
        return out;
    }

    private boolean echoClient(String socket) {
        return scenario.echo() != null && !scenario.sockets().containsKey(socket);
    }

    /**
     * The what-if a choice makes, right after moment {@code after}.
     *
     * @param data       the bytes a client sends
     * @param target     the port, socket or thread a call is about
     * @param bytes      PostQueuedCompletionStatus's byte count
     * @param key        its completion key
     * @param overlapped its OVERLAPPED label, or CancelIoEx's (null or blank: NULL)
     * @param computeUs  the echo workers' Compute per packet from here on
     * @param blockEvery their blocking call every this many packets (0: none)
     * @param blockUs    how long it lasts
     */
    public WhatIf make(long after, Actor actor, Action action, String data, String target, long bytes, long key,
                       String overlapped, long computeUs, int blockEvery, long blockUs) {
        String ov = overlapped == null || overlapped.isBlank() ? null : overlapped.trim();
        Step.Source none = Step.Source.NONE;
        return switch (action) {
            case SEND -> new WhatIf.Client(after, actor.name(), WhatIf.Client.Kind.SEND, data);
            case CLOSE -> new WhatIf.Client(after, actor.name(), WhatIf.Client.Kind.CLOSE, null);
            case RESET -> new WhatIf.Client(after, actor.name(), WhatIf.Client.Kind.RESET, null);
            case PostQueuedCompletionStatus -> new WhatIf.Call(after, actor.name(),
                    new Step.PostQueuedCompletionStatus(target, bytes, key, ov, none));
            case CancelIoEx -> new WhatIf.Call(after, actor.name(), new Step.CancelIoEx(target, ov, none));
            case CloseHandle -> new WhatIf.Call(after, actor.name(), new Step.CloseHandle(target, none));
            case SuspendThread -> new WhatIf.Call(after, actor.name(), new Step.SuspendThread(target, none));
            case ResumeThread -> new WhatIf.Call(after, actor.name(), new Step.ResumeThread(target, none));
            case closesocket -> new WhatIf.Call(after, actor.name(), new Step.closesocket(target, none));
            case ECHO_WORK -> new WhatIf.EchoWork(after, computeUs, blockEvery, blockUs);
        };
    }
}
