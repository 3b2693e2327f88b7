package io.iocplab.app.stage;

import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thread as its chip shows it: an icon and a colour per {@link Kind} (never the colour alone:
 * the state is also written out), the call it is in, and the packet in its hands.
 *
 * <p>A ready thread waits for a free processor, except for the instant between a processor coming
 * free and the scheduler putting a ready thread on it: then it says a processor is free.
 *
 * <p>{@code overLimit} is true while the thread runs above its port's concurrency value because it
 * came back from a wait with the count already at the limit (its {@code comeback}).
 *
 * <p>{@code shortState} and {@code shortPacket} are what a compact chip (many threads) shows: a word or
 * two for the state, the OVERLAPPED label of the packet in its hands.
 *
 * <p>An alertable wait says so in the state text. {@code apcs} is its APC queue ("2 APCs queued: R, user"),
 * null when empty; {@code hazard} the rule its latest call broke ("⚠ overlapped-in-use"), null when none:
 * the chip is marked until the thread's next call.
 */
public record ThreadChipModel(String name, Kind kind, String icon, String stateText, String call, String packet,
                              boolean overLimit, String overLimitText, String shortState, String shortPacket,
                              String apcs, String hazard) {

    /** The states a chip tells apart, each with its own colour and icon. */
    public enum Kind {
        RUNNING("▶"), READY("▷"), WAITING_PORT("◎"), WAITING_OTHER("◐"), SUSPENDED("‖"), EXITED("×"),
        NOT_STARTED("○");

        private final String icon;

        Kind(String icon) {
            this.icon = icon;
        }

        public String icon() {
            return icon;
        }

        /**
         * The CSS pseudo-class of the chip ({@code .thread-chip:state-running}): a pseudo-class, not a
         * style class, because changing a node's style classes makes JavaFX look its styles up anew
         * (for it and all under it), while a pseudo-class only picks among the styles it has.
         */
        public String pseudoClass() {
            return "state-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static ThreadChipModel of(ThreadView t, ViewState s, Texts texts) {
        return of(t, s, new Words(texts));
    }

    static ThreadChipModel of(ThreadView t, ViewState s, Words w) {
        Kind kind = kind(t);
        String state = switch (kind) {
            case RUNNING -> w.get("thread.running", t.cpu() == null ? "?" : t.cpu().toString());
            case READY -> w.get("thread.ready");
            case WAITING_PORT -> waitingOnPort(t, s, w);
            case WAITING_OTHER -> w.get(otherWaitKey(t.waitingOn()));
            case SUSPENDED -> w.get("thread.suspended");
            case EXITED -> w.get("thread.exited");
            case NOT_STARTED -> w.get("thread.notStarted");
        };
        // the call a thread is in: shown while it waits in it (a running thread's call is the one it
        // came back from or is about to make, which its code view shows better)
        String call = t.call() == null || !waitingKind(kind) ? null : w.get("thread.call", t.call());
        String packet = packet(t.held(), w);
        boolean over = t.comeback() != null && (kind == Kind.RUNNING || kind == Kind.READY) && overLimitNow(t, s);
        String shortState = switch (kind) {
            case RUNNING -> w.get("thread.short.running", t.cpu() == null ? "?" : t.cpu().toString());
            case READY -> w.get("thread.short.ready");
            case WAITING_PORT -> {
                PortView p = s == null ? null : s.portWaitedOnBy(t.name());
                yield w.get("thread.short.waitPort", p == null ? "?" : p.name());
            }
            case WAITING_OTHER -> w.get(otherWaitKey(t.waitingOn()).replace("thread.", "thread.short."));
            case SUSPENDED -> w.get("thread.short.suspended");
            case EXITED -> w.get("thread.short.exited");
            case NOT_STARTED -> w.get("thread.short.notStarted");
        };
        String shortPacket = t.held().isEmpty() ? null
                : t.held().size() == 1 ? Words.ov(t.held().get(0).overlapped())
                : w.get("thread.short.packets", Integer.toString(t.held().size()));
        if (t.waitsAlertably()) {
            state = state + " " + w.get("thread.alertable");
        }
        String apcs = null;
        if (!t.apcs().isEmpty() && kind != Kind.EXITED) {
            String names = t.apcs().stream()
                    .map(a -> a.kind() == ApcRun.Kind.USER ? w.get("thread.apc.user") : Words.ov(a.overlapped()))
                    .collect(Collectors.joining(", "));
            apcs = w.get("thread.apcs", Integer.toString(t.apcs().size()), names);
        }
        String hazard = t.hazard() == null ? null : w.get("thread.hazard", t.hazard().rule().json());
        return new ThreadChipModel(t.name(), kind, kind.icon(), state, call, packet, over,
                over ? w.get("thread.overLimit") : null, shortState, shortPacket, apcs, hazard);
    }

    static Kind kind(ThreadView t) {
        if (t.state() == null) {
            return Kind.NOT_STARTED;
        }
        return switch (t.state()) {
            case RUNNING -> Kind.RUNNING;
            case READY -> Kind.READY;
            case EXITED -> Kind.EXITED;
            case WAITING -> t.waitingOn() == Wait.PORT ? Kind.WAITING_PORT
                    : t.waitingOn() == Wait.SUSPENDED ? Kind.SUSPENDED : Kind.WAITING_OTHER;
        };
    }

    private static String waitingOnPort(ThreadView t, ViewState s, Words w) {
        PortView p = s == null ? null : s.portWaitedOnBy(t.name());
        return p == null ? w.get("thread.waitPort.unknown") : w.get("thread.waitPort", p.name());
    }

    private static String otherWaitKey(Wait wait) {
        if (wait == null) {
            return "thread.waitOther";
        }
        return switch (wait) {
            case SLEEP -> "thread.waitSleep";     // Sleep or SleepEx: the call line names which
            case IO -> "thread.waitIo";
            case EVENT -> "thread.waitEvent";
            default -> "thread.waitOther";
        };
    }

    private static boolean overLimitNow(ThreadView t, ViewState s) {
        if (s == null) {
            return false;
        }
        PortView p = s.port(t.comeback().port());
        return p != null && !p.closed() && p.overshoot() > 0;
    }

    private static String packet(List<PacketView> held, Words w) {
        if (held.isEmpty()) {
            return null;
        }
        if (held.size() == 1) {
            PacketView p = held.get(0);
            String text = w.get("thread.packet", Words.ov(p.overlapped()), Long.toString(p.bytes()),
                    Long.toString(p.key()));
            return p.status() == 0 ? text : text + " · " + Words.error(p.status());
        }
        String labels = held.stream().map(p -> Words.ov(p.overlapped())).collect(Collectors.joining(", "));
        return w.get("thread.packets", Integer.toString(held.size()), labels);
    }

    /** Whether the thread is in one of the waits (on the port or on something else, or suspended). */
    public boolean waiting() {
        return waitingKind(kind);
    }

    private static boolean waitingKind(Kind k) {
        return k == Kind.WAITING_PORT || k == Kind.WAITING_OTHER || k == Kind.SUSPENDED;
    }
}
