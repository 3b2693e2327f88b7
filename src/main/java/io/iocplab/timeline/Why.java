package io.iocplab.timeline;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers "why is it like this?" about one {@link ViewState}: a thread, a queued packet, or a
 * port's running-count gauge. Each answer is an {@link Explanation} (a key of the bundle
 * {@code io.iocplab.timeline.why} and its arguments), put into words in English or Korean.
 *
 * <p>Rules: an answer is drawn from the state alone (the view never asks the engine). The limit is
 * always the kernel's rule {@link CompletionPort#belowLimit(int, int)}, and error numbers are named
 * by {@link Win32Error#name(int)}, so the words cannot drift from the model. Each answer names the
 * rule that applied: LIFO waiters, FIFO packets, the concurrency limit, the overshoot of a thread
 * that returns from a wait (iocp-semantics.md, Model decisions 1 to 4).
 */
public final class Why {
    private Why() {}

    // ------------------------------------------------------------------ threads

    /** Why a thread is in its state at this step. */
    public static Explanation thread(ViewState s, String name) {
        ThreadView t = s.thread(name);
        if (t == null) {
            return Explanation.of("thread.unknown", name);
        }
        if (t.state() == null) {
            return Explanation.of("thread.notStarted", name);
        }
        Explanation state = switch (t.state()) {
            case EXITED -> Explanation.of("thread.exited", name);
            case WAITING -> waiting(s, t);
            case READY -> ready(s, t);
            case RUNNING -> running(s, t);
            default -> Explanation.of("thread.waiting", name, t.state().json());
        };
        if (!t.apcs().isEmpty() && t.state() != State.EXITED) {
            state = Explanation.of("thread.withApcs", state, t.apcs().size(), apcNames(t.apcs()),
                    Explanation.of(t.waitsAlertably() ? "apcs.runNow" : "apcs.waitAlertable"));
        }
        Hazard h = t.hazard();
        if (h != null) {
            return Explanation.of("thread.hazard", name, h.api().name(), Explanation.of("hazard." + h.rule().json()),
                    Explanation.of("windows." + h.rule().json()), h.message(), state, h.rule().json());
        }
        return state;
    }

    private static String apcNames(List<ThreadView.QueuedApc> apcs) {
        return apcs.stream().map(a -> a.kind() == ApcRun.Kind.USER ? "QueueUserAPC"
                : "ov " + (a.overlapped() == null ? "NULL" : a.overlapped())).collect(Collectors.joining(", "));
    }

    private static Explanation waiting(ViewState s, ThreadView t) {
        String name = t.name();
        Wait wait = t.waitingOn();
        if (wait == Wait.PORT) {
            return waitingOnPort(s, t);
        }
        if (wait == Wait.SLEEP) {
            return t.alertable() ? Explanation.of("thread.sleepingAlertable", name, t.call() == null ? "SleepEx"
                    : t.call().name()) : Explanation.of("thread.sleeping", name);
        }
        if (wait == Wait.SUSPENDED) {
            return Explanation.of("thread.suspended", name);
        }
        if (wait == Wait.IO) {
            return Explanation.of("thread.blockedIo", name, t.call() == null ? "?" : t.call().name());
        }
        if (wait == Wait.EVENT) {
            return Explanation.of("thread.waitingEvent", name, t.call() == null ? "?" : t.call().name());
        }
        return Explanation.of("thread.waiting", name, wait == null ? "?" : wait.json());
    }

    private static Explanation waitingOnPort(ViewState s, ThreadView t) {
        Explanation on = waitingOnPortOnly(s, t);
        return t.alertable() ? Explanation.of("thread.alertablePort", on, t.name()) : on;
    }

    private static Explanation waitingOnPortOnly(ViewState s, ThreadView t) {
        String name = t.name();
        PortView p = s.portWaitedOnBy(name);
        if (p == null) {
            return Explanation.of("thread.waitingPort.unknown", name);
        }
        Explanation place = waiterPosition(p.waiters().indexOf(name));
        if (p.depth() == 0) {
            return Explanation.of("thread.waitingPort.empty", name, p.name(), place);
        }
        if (!p.belowLimit()) {
            return Explanation.of("thread.waitingPort.queued", name, p.name(), p.depth(), p.running(),
                    p.concurrency(), place);
        }
        return Explanation.of("thread.waitingPort.moment", name, p.name(), p.depth());
    }

    /** Where a waiter stands in the LIFO: released first, or after those who came later. */
    private static Explanation waiterPosition(int index) {
        return index <= 0 ? Explanation.of("waiters.first") : Explanation.of("waiters.behind", index);
    }

    private static Explanation ready(ViewState s, ThreadView t) {
        Explanation over = overshoot(s, t, "thread.overshoot.ready");
        if (over != null) {
            return over;
        }
        // at a stop a ready thread waits for a processor: none is idle (the scheduler dispatches in the same moment)
        PortView p = s.portOf(t.name());
        if (p != null && !p.closed()) {
            return Explanation.of("thread.ready.counted", t.name(), p.name(), p.running(), p.concurrency());
        }
        return Explanation.of("thread.ready", t.name());
    }

    private static Explanation running(ViewState s, ThreadView t) {
        Explanation over = overshoot(s, t, "thread.overshoot");
        if (over != null) {
            return over;
        }
        String name = t.name();
        if (t.lastEvent() instanceof ApcRun a) {
            return Explanation.of(a.kind() == ApcRun.Kind.USER ? "thread.apc.user" : "thread.apc.completion", name,
                    t.call() == null ? "?" : t.call().name(), a.overlapped() == null ? "NULL" : a.overlapped());
        }
        ApiReturn r = t.lastReturn();
        if (r != null && ranApcs(r)) {
            return Explanation.of("thread.apcsRan", name, r.api().name(), Win32Error.WAIT_IO_COMPLETION);
        }
        if (r != null && (r.api() == Api.GetQueuedCompletionStatus || r.api() == Api.GetQueuedCompletionStatusEx)) {
            String port = portOf(r.result());
            if (!t.held().isEmpty()) {
                return released(t, port);
            }
            if (r.error() == Win32Error.WAIT_TIMEOUT) {
                return Explanation.of("thread.timedOut", name, port, Win32Error.name(r.error()), r.error());
            }
            if (r.error() == Win32Error.ERROR_ABANDONED_WAIT_0) {
                return Explanation.of("thread.abandoned", name, port, Win32Error.name(r.error()), r.error());
            }
        }
        if (r != null && !r.ok() && r.error() != Win32Error.ERROR_IO_PENDING) {
            return Explanation.of("thread.callFailed", name, r.api().name(), Win32Error.name(r.error()), r.error());
        }
        String cpu = t.cpu() == null ? "?" : t.cpu().toString();
        if (!t.held().isEmpty()) {
            return Explanation.of("thread.running.packet", name, cpu, held(t.held()));
        }
        return Explanation.of("thread.running", name, cpu);
    }

    /** Whether a call returned because APCs ran in its alertable wait (WAIT_IO_COMPLETION). */
    private static boolean ranApcs(ApiReturn r) {
        if (r.api() == Api.SleepEx) {
            return r.result() instanceof CallResult.Slept sl && sl.value() == Win32Error.WAIT_IO_COMPLETION;
        }
        return r.api() == Api.GetQueuedCompletionStatusEx && r.error() == Win32Error.WAIT_IO_COMPLETION;
    }

    /** How its last GetQueuedCompletionStatus got the packet in its hands. */
    private static Explanation released(ThreadView t, String port) {
        String name = t.name();
        Explanation packet = held(t.held());
        PacketView first = t.held().get(0);
        if (t.held().size() == 1 && first.status() != 0) {
            return Explanation.of("thread.failedPacket", name, port, packet, Win32Error.name(first.status()),
                    first.status(), failure(first.status()));
        }
        Release.Cause how = t.release();
        if (how == Release.Cause.IMMEDIATE) {
            return Explanation.of("thread.tookAtOnce", name, port, packet);
        }
        if (how == Release.Cause.HANDED_OFF) {
            return Explanation.of("thread.handedOff", name, port, packet);
        }
        if (how != null && t.freedBy() != null) {
            return Explanation.of("thread.freed", name, port, packet, Explanation.of("cause." + how.json(), t.freedBy()));
        }
        return Explanation.of("thread.gotPacket", name, port, packet);
    }

    /** What made an operation fail with this status, and how the other causes would read (Model decision 5). */
    static Explanation failure(int status) {
        IoFailure cause = IoFailure.of(status);
        return cause == null ? Explanation.of("failure.other") : Explanation.of("failure." + cause.name());
    }

    /** The port a GetQueuedCompletionStatus(Ex) was called on. */
    private static String portOf(CallResult r) {
        return r instanceof CallResult.Dequeued d ? d.port() : ((CallResult.DequeuedEx) r).port();
    }

    /**
     * A thread over the limit: it came back from a wait while its port's count was at the value ({@code key}
     * says it of a running thread, or of a ready one, which also waits for a processor).
     */
    private static Explanation overshoot(ViewState s, ThreadView t, String key) {
        Comeback cb = t.comeback();
        if (cb == null) {
            return null;
        }
        PortView p = s.port(cb.port());
        if (p == null || p.closed() || p.overshoot() == 0 || !p.associated().contains(t.name())) {
            return null;
        }
        return Explanation.of(key, t.name(), p.name(), p.running(), p.concurrency(), waitName(cb.from()),
                cb.runningBefore());
    }

    private static Explanation waitName(Wait w) {
        if (w == null) {
            return Explanation.of("wait.other", "?");
        }
        return switch (w) {
            case PORT -> Explanation.of("wait.port");
            case SLEEP -> Explanation.of("wait.sleep");
            case SUSPENDED -> Explanation.of("wait.suspended");
            case IO -> Explanation.of("wait.io");
            case EVENT -> Explanation.of("wait.event");
            default -> Explanation.of("wait.other", w.json());
        };
    }

    // ------------------------------------------------------------------ packets

    /** Why the packet at {@code index} (0 = head) of a port's queue is still there. */
    public static Explanation packet(ViewState s, String port, int index) {
        PortView p = s.port(port);
        if (p == null || index < 0 || index >= p.depth()) {
            return Explanation.of("packet.notQueued", port, index + 1);
        }
        Explanation packet = label(p.queue().get(index));
        Explanation place = index == 0 ? Explanation.of("packet.next") : Explanation.of("packet.behind", index);
        String waiter = p.nextWaiter();
        if (waiter == null) {
            return Explanation.of("packet.noWaiter", port, packet, place);
        }
        if (p.overshoot() > 0) {
            return Explanation.of("packet.overLimit", port, packet, waiter, p.running(), p.concurrency(), place);
        }
        if (!p.belowLimit()) {
            return Explanation.of("packet.atLimit", port, packet, waiter, p.running(), p.concurrency(), place);
        }
        return Explanation.of("packet.moment", port, packet, waiter);
    }

    /** A queued packet's label: its OVERLAPPED label, or its key and bytes when it has none. */
    static Explanation label(PacketView p) {
        if (p.overlapped() != null) {
            return Explanation.of("label.named", p.overlapped());
        }
        return Explanation.of("label.unnamed", p.key(), p.bytes());
    }

    /** A packet as a noun ("packet A"): its OVERLAPPED label, or its key and bytes when it has none. */
    static Explanation packetName(PacketView p) {
        if (p.overlapped() != null) {
            return Explanation.of("packet.named", p.overlapped());
        }
        return Explanation.of("packet.unnamed", p.key(), p.bytes());
    }

    private static Explanation held(List<PacketView> held) {
        if (held.size() == 1) {
            return packetName(held.get(0));
        }
        String labels = held.stream().map(p -> p.overlapped() == null ? "NULL" : p.overlapped())
                .collect(Collectors.joining(", "));
        return Explanation.of("packet.several", held.size(), labels);
    }

    // ------------------------------------------------------------------ the gauge

    /** Why a port's running count stands where it does against its concurrency value. */
    public static Explanation gauge(ViewState s, String port) {
        PortView p = s.port(port);
        if (p == null) {
            return Explanation.of("gauge.unknown", port);
        }
        if (p.closed()) {
            return Explanation.of("gauge.closed", port);
        }
        if (p.overshoot() > 0) {
            return Explanation.of("gauge.overshoot", p.running(), p.concurrency(), p.overshoot(), overshootCause(s, p),
                    port);
        }
        if (!p.belowLimit()) {
            return Explanation.of("gauge.atLimit", p.running(), p.concurrency(), port);
        }
        if (p.nextWaiter() != null) {
            return Explanation.of(p.depth() == 0 ? "gauge.below.waiter" : "gauge.below.moment", p.running(),
                    p.concurrency(), p.nextWaiter(), port);
        }
        return Explanation.of(p.depth() == 0 ? "gauge.below.empty" : "gauge.below", p.running(), p.concurrency(),
                port);
    }

    /** The latest thread that came back over the limit and still counts on the port. */
    private static Explanation overshootCause(ViewState s, PortView p) {
        ThreadView latest = null;
        for (ThreadView t : s.threads().values()) {
            Comeback cb = t.comeback();
            if (cb != null && cb.port().equals(p.name()) && p.associated().contains(t.name())
                    && t.state() != State.WAITING && t.state() != State.EXITED
                    && (latest == null || cb.tUs() >= latest.comeback().tUs())) {
                latest = t;
            }
        }
        if (latest == null) {
            return Explanation.of("because.unknown");
        }
        Comeback cb = latest.comeback();
        return Explanation.of("because.cameBack", latest.name(), waitName(cb.from()), cb.runningBefore(),
                cb.concurrency());
    }
}
