package io.iocplab.lesson;

import io.iocplab.kernel.Release;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState;
import java.util.Locale;

/**
 * The engine's own words for a run: how a cue reads, what a thread waits on, why a port released a thread, a time
 * and an error number. The sentences are the bundle's ({@link Sentences}); Korean avoids particles after names and
 * numbers (whose form depends on how they are read) by using 의, 에, 개 and similar invariant forms, or takes the
 * right one from {@link KoreanParticles}.
 */
public final class Words {
    private Words() {}

    /** Virtual time as "5.050 ms". */
    public static String ms(long us) {
        return String.format(Locale.ROOT, "%d.%03d ms", us / 1000, us % 1000);
    }

    public static Text cue(Cue c) {
        if (c instanceof Cue.Start) {
            return Sentences.text("cue.start");
        }
        if (c instanceof Cue.End) {
            return Sentences.text("cue.end");
        }
        if (c instanceof Cue.Moment m) {
            return Sentences.text("cue.moment", Long.toString(m.moment()));
        }
        if (c instanceof Cue.Time t) {
            return Sentences.text("cue.time", ms(t.us()));
        }
        if (c instanceof Cue.Call call) {
            return call(call);
        }
        if (c instanceof Cue.ThreadIs t) {
            Text state = switch (t.state()) {
                case RUNNING -> Sentences.text("cue.state.running");
                case READY -> Sentences.text("cue.state.ready");
                case WAITING -> t.waitOn() == null ? Sentences.text("cue.state.waiting")
                        : Sentences.text("cue.state.waitingOn", waitOf(t.waitOn(), null, null));
                case EXITED -> Sentences.text("cue.state.exited");
            };
            return Sentences.text("cue.thread", t.thread() == null ? Sentences.text("cue.thread.any")
                    : Text.both(t.thread()), state);
        }
        if (c instanceof Cue.PortCount p) {
            Text counts = null;
            if (p.running() != null) {
                counts = Sentences.text("cue.port.running", p.running());
            }
            if (p.queue() != null) {
                counts = and(counts, Sentences.text(p.queue() == 1 ? "cue.port.queue.one" : "cue.port.queue", p.queue()));
            }
            if (p.waiters() != null) {
                counts = and(counts, Sentences.text(p.waiters() == 1 ? "cue.port.waiters.one" : "cue.port.waiters",
                        p.waiters()));
            }
            return counts == null ? Sentences.text("cue.port.any", p.port()) : Sentences.text("cue.port", p.port(), counts);
        }
        if (c instanceof Cue.Io io) {
            Text what = io.overlapped() == null ? Sentences.text("cue.io.any")
                    : Sentences.text("cue.io.overlapped", io.overlapped());
            if (io.socket() != null) {
                what = Sentences.text("cue.io.on", what, io.socket());
            }
            return io.status() == null ? Sentences.text("cue.io", what)
                    : Sentences.text("cue.io.status", what, err(io.status()));
        }
        if (c instanceof Cue.Peer p) {
            return Sentences.text("cue.peer", p.socket() == null ? Sentences.text("cue.peer.any")
                    : Sentences.text("cue.peer.of", p.socket()), p.action());
        }
        throw new IllegalArgumentException(c.toString());
    }

    /** "when T1's GetQueuedCompletionStatus returns FALSE (error 64)". */
    private static Text call(Cue.Call call) {
        Text who = call.thread() == null ? Sentences.text("cue.call.any", call.api().name())
                : Sentences.text("cue.call.thread", call.api().name(), call.thread());
        boolean wsa = call.api().returns() != Api.Returns.BOOL;
        String key = call.returns() == null ? "cue.call.returns"
                : wsa ? (call.returns() ? "cue.call.success" : "cue.call.failure")
                : call.returns() ? "cue.call.true" : "cue.call.false";
        Text when = Sentences.text(key, who);
        return call.error() == null ? when : Sentences.text("cue.call.error", when, err(call.error()));
    }

    /** Two counts of a port cue, joined. */
    private static Text and(Text first, Text next) {
        return first == null ? next : Sentences.text("cue.port.join", first, next);
    }

    /**
     * What a thread waits on, as a noun in words rather than the trace's state name: "wait on port P",
     * "Sleep", "blocking call (recv)"; in Korean "P 포트 대기", "Sleep 대기" (every Korean form ends in 대기,
     * so the particle after it is always the same).
     *
     * @param port the port it waits on (for a wait on a port), or null when not known
     * @param call the call it waits in, or null
     */
    public static Text waitOf(ThreadState.Wait wait, String port, Api call) {
        if (wait == null) {
            return Sentences.text("wait.none");
        }
        String in = call == null ? "" : " (" + call.name() + ")";
        return switch (wait) {
            case PORT -> port == null ? Sentences.text("wait.port.any") : Sentences.text("wait.port", port);
            case SLEEP -> Sentences.text("wait.sleep");
            case SUSPENDED -> Sentences.text("wait.suspended");
            case IO -> Sentences.text("wait.io", in);
            case EVENT -> Sentences.text("wait.event", in);
        };
    }

    /** "258 (WAIT_TIMEOUT)". */
    public static String err(int code) {
        String name = Win32Error.name(code);
        return name.equals(Integer.toString(code)) ? name : code + " (" + name + ")";
    }

    /** Why a GetQueuedCompletionStatus got its packet, from the {@code release} and {@code freed_by} fields. */
    public static Text release(CallResult result) {
        Release.Cause release;
        String freedBy;
        if (result instanceof CallResult.Dequeued d) {
            release = d.how();
            freedBy = d.freedBy();
        } else if (result instanceof CallResult.DequeuedEx d) {
            release = d.how();
            freedBy = d.freedBy();
        } else {
            release = null;
            freedBy = null;
        }
        if (release == null) {
            return Text.both("");
        }
        Text who = freedBy == null ? Sentences.text("release.someone") : Text.both(freedBy);
        return switch (release) {
            case IMMEDIATE -> Sentences.text("release.immediate");
            case HANDED_OFF -> Sentences.text("release.handedOff");
            case SLEPT -> freed("release.slept", who);
            case SUSPENDED -> freed("release.suspended", who);
            case BLOCKED_IN_IO -> freed("release.blocked", who);
            case EXITED -> freed("release.exited", who);
            case SWITCHED_PORT -> freed("release.switched", who);
        };
    }

    /** A slot freed by {@code who}: the Korean cause takes 로 or 으로 as it ends ("Sleep으로", "전환으로"). */
    private static Text freed(String cause, Text who) {
        return Sentences.text("release.freed", Sentences.with(Sentences.text(cause, who),
                KoreanParticles.Particle.EURO_RO));
    }
}
