package io.iocplab.app.history;

import io.iocplab.app.model.Texts;
import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.Win32Error;
import io.iocplab.scenario.CReturn;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of the log in words: {@code "t=10.001 ms · T3 · GetQueuedCompletionStatus(P) → TRUE
 * bytes=1 key=7 ov=A (handed off)"}.
 *
 * <p>Rules: a row is the virtual time in milliseconds (three decimals, exact), who the event is
 * about (a thread, a port, a socket), then what happened. Win32 names, values and the C spelling of
 * results (TRUE, FALSE, SOCKET_ERROR, NULL, error numbers with their winerror.h names) are written as
 * a programmer reads them in any language; the words around them come from the bundle
 * {@code history} in the current language of {@link Texts}.
 */
public final class EventText {
    static final String BUNDLE = "history";

    private static final int MAX_DATA = 24;

    private final Texts texts;

    public EventText(Texts texts) {
        this.texts = texts;
    }

    /** The whole row. */
    public String row(SimEvent e) {
        return texts.get(BUNDLE, "row", time(e.tUs()), subject(e), body(e));
    }

    /** {@code t=10.001 ms}. */
    public String time(long tUs) {
        return texts.get(BUNDLE, "row.time", millis(tUs));
    }

    /** Microseconds as milliseconds with exactly three decimals, without rounding: 10001 is "10.001". */
    public static String millis(long us) {
        String sign = us < 0 ? "-" : "";
        long a = Math.abs(us);
        long frac = a % 1000;
        return sign + (a / 1000) + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }

    /** Who the event is about. */
    public String subject(SimEvent e) {
        if (e instanceof ApiReturn r) {
            return r.thread();
        } else if (e instanceof ThreadState t) {
            return t.thread();
        } else if (e instanceof PortState p) {
            return p.port();
        } else if (e instanceof PortDequeue d) {
            return d.port();
        } else if (e instanceof IoComplete c) {
            return c.socket();
        } else if (e instanceof PeerAction a) {
            return a.peer() == null || a.peer().equals(a.socket()) ? a.socket()
                    : texts.get(BUNDLE, "subject.client", a.peer(), a.socket());
        } else if (e instanceof Hazard h) {
            return h.thread();
        } else if (e instanceof ApcRun a) {
            return a.thread();
        } else if (e instanceof ApcQueued q) {
            return q.thread();
        } else if (e instanceof ListenerState l) {
            return l.listener();
        } else if (e instanceof SocketState st) {
            return st.socket();
        }
        return texts.get(BUNDLE, "subject.run");
    }

    /** What happened. */
    public String body(SimEvent e) {
        if (e instanceof ApiReturn r) {
            return apiReturn(r);
        } else if (e instanceof ThreadState t) {
            return threadState(t);
        } else if (e instanceof PortState p) {
            return portState(p);
        } else if (e instanceof PortDequeue d) {
            return texts.get(BUNDLE, "dequeue.taken", d.thread(), labels(d.packets()), release(d.how(), d.freedBy()));
        } else if (e instanceof IoComplete c) {
            return ioComplete(c);
        } else if (e instanceof PeerAction a) {
            return peer(a);
        } else if (e instanceof Hazard h) {
            return texts.get(BUNDLE, "hazard", h.api().name(), texts.get(BUNDLE, "hazard." + h.rule().json()),
                    h.rule().json());
        } else if (e instanceof ApcRun a) {
            return texts.get(BUNDLE, "apc.ran", apc(a.kind(), a.overlapped()));
        } else if (e instanceof ApcQueued q) {
            return texts.get(BUNDLE, "apc.queued", apc(q.kind(), q.overlapped()), String.valueOf(q.queued()));
        } else if (e instanceof ListenerState l) {
            return listenerState(l);
        } else if (e instanceof SocketState st) {
            return socketState(st);
        } else if (e instanceof Summary s) {
            return texts.get(BUNDLE, "summary", String.valueOf(s.packets()), String.valueOf(s.contextSwitches()));
        }
        return e.type();
    }

    // ------------------------------------------------------------------ api.return

    private String apiReturn(ApiReturn r) {
        CallResult out = r.result();
        StringBuilder sb = new StringBuilder(r.api().name());
        String target = target(out);
        if (target != null) {
            sb.append('(').append(target).append(')');
        }
        String value = CReturn.of(r);
        if (value == null) {
            return texts.get(BUNDLE, "api.void", sb.toString());
        }
        sb.append(" → ").append(value);
        if (r.error() != 0) {
            String name = Win32Error.name(r.error());
            sb.append(' ').append(texts.get(BUNDLE, "api.error", String.valueOf(r.error()), name));
        }
        outputs(out, sb);
        if (out instanceof CallResult.DequeuedEx d && !d.entries().isEmpty()) {
            sb.append(' ').append(texts.get(BUNDLE, "api.entries", String.valueOf(d.entries().size()),
                    entries(d.entries())));
        }
        String words = words(r, out);
        if (words != null) {
            sb.append(' ').append(words);
        }
        return sb.toString();
    }

    /** What the call was about, written as its first argument: the port, the socket, the thread. */
    private static String target(CallResult out) {
        if (out instanceof CallResult.Dequeued d) {
            return d.port();
        } else if (out instanceof CallResult.DequeuedEx d) {
            return d.port();
        } else if (out instanceof CallResult.Posted p) {
            return p.port();
        } else if (out instanceof CallResult.SuspendCount c) {
            return c.thread();
        } else if (out instanceof CallResult.Associated a) {
            return a.socket();
        } else if (out instanceof CallResult.SocketIo io) {
            return io.socket();
        } else if (out instanceof CallResult.OverlappedResult o) {
            return o.socket();
        } else if (out instanceof CallResult.Cancelled c) {
            return c.socket();
        } else if (out instanceof CallResult.OnSocket o) {
            return o.socket();
        } else if (out instanceof CallResult.Accept a) {
            return a.listener() + ", " + a.socket();
        } else if (out instanceof CallResult.Disconnect d) {
            return d.socket();
        } else if (out instanceof CallResult.ApcQueued q) {
            return q.thread();
        }
        return null;
    }

    /** The values the call wrote, as {@code name=value}: what a watch window would show after the call. */
    private static void outputs(CallResult out, StringBuilder sb) {
        if (out instanceof CallResult.Dequeued d) {
            PacketView p = d.packet();
            if (p != null) {
                listed(sb, "bytes", p.bytes());
                listed(sb, "key", p.key());
            }
            sb.append(" ov=").append(value(p == null ? null : p.overlapped()));   // NULL says: no packet
        } else if (out instanceof CallResult.SuspendCount c) {
            listed(sb, "previous", c.previousCount());
        } else if (out instanceof CallResult.OnHandle h) {
            listed(sb, "handle", h.handle());
        } else if (out instanceof CallResult.Associated a) {
            listed(sb, "port", a.port());
        } else if (out instanceof CallResult.SocketIo io) {
            listed(sb, "ov", io.overlapped());
            listed(sb, "bytes", io.bytes());
            listed(sb, "wsabufs", io.wsabufs());
        } else if (out instanceof CallResult.OverlappedResult o) {
            listed(sb, "ov", o.overlapped());
            listed(sb, "bytes", o.bytes());
        } else if (out instanceof CallResult.Cancelled c) {
            listed(sb, "ov", c.overlapped());
        } else if (out instanceof CallResult.Accept a) {
            listed(sb, "ov", a.overlapped());
        } else if (out instanceof CallResult.Disconnect d) {
            listed(sb, "ov", d.overlapped());
            if (d.reuse()) {
                sb.append(" TF_REUSE_SOCKET");
            }
        } else if (out instanceof CallResult.Freed f) {
            listed(sb, "key", f.key());
            listed(sb, "buffer", f.buffer());
            listed(sb, "ov", f.overlapped());
        }
    }

    private static void listed(StringBuilder sb, String name, Object v) {
        if (v != null) {
            sb.append(' ').append(name).append('=').append(value(v));
        }
    }

    /** What the trace's extensions say in words: how a GQCS got its packet, where a post went, pending I/O. */
    private String words(ApiReturn r, CallResult out) {
        if (out instanceof CallResult.Dequeued d && d.packet() != null) {
            return release(d.how(), d.freedBy());
        }
        if (out instanceof CallResult.DequeuedEx d && !d.entries().isEmpty()) {
            return release(d.how(), d.freedBy());
        }
        if (out instanceof CallResult.Posted p && r.ok()) {
            return p.deliveredTo() == null ? texts.get(BUNDLE, "post.queued")
                    : texts.get(BUNDLE, "post.handedTo", p.deliveredTo());
        }
        if (r.error() == Win32Error.ERROR_IO_PENDING) {
            return texts.get(BUNDLE, "api.pending");
        }
        if (r.error() == Win32Error.WAIT_TIMEOUT) {
            return texts.get(BUNDLE, "api.timeout");
        }
        return null;
    }

    /** How packets reached a thread, in words ("handed off", "T3 slept, freeing a slot"). */
    String release(Release.Cause how, String freedBy) {
        return switch (how) {
            case IMMEDIATE, HANDED_OFF -> texts.get(BUNDLE, "release." + how.json());
            default -> texts.get(BUNDLE, "release." + how.json(), freedBy == null ? "?" : freedBy);
        };
    }

    private static String value(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object o : list) {
                parts.add(o instanceof String s ? quote(s) : String.valueOf(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    private static String entries(List<PacketView> entries) {
        List<String> parts = new ArrayList<>(entries.size());
        for (PacketView p : entries) {
            parts.add((p.overlapped() == null ? "NULL" : p.overlapped()) + " " + p.bytes() + "B");
        }
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------------ thread.state

    private String threadState(ThreadState t) {
        String call = t.call() == null ? "?" : t.call().name();
        return switch (t.state()) {
            case RUNNING -> texts.get(BUNDLE, "thread.running", t.cpu() == null ? "?" : t.cpu().toString());
            case READY -> texts.get(BUNDLE, "thread.ready");
            case EXITED -> texts.get(BUNDLE, "thread.exited");
            case WAITING -> {
                if (t.waitingOn() == null) {
                    yield texts.get(BUNDLE, "thread.waiting", call);
                }
                String waiting = switch (t.waitingOn()) {
                    case PORT -> texts.get(BUNDLE, "thread.waiting.port", call);
                    case SLEEP -> t.call() == Api.SleepEx ? texts.get(BUNDLE, "thread.waiting.sleepEx", call)
                            : texts.get(BUNDLE, "thread.waiting.sleep");
                    case SUSPENDED -> texts.get(BUNDLE, "thread.waiting.suspended");
                    case IO -> texts.get(BUNDLE, "thread.waiting.io", call);
                    case EVENT -> texts.get(BUNDLE, "thread.waiting.event", call);
                };
                yield t.alertable() ? waiting + " " + texts.get(BUNDLE, "thread.alertable") : waiting;
            }
        };
    }

    // ------------------------------------------------------------------ port.state

    private String portState(PortState p) {
        if (p.closed()) {
            return texts.get(BUNDLE, "port.closed");
        }
        String queue = p.queue().isEmpty() ? texts.get(BUNDLE, "port.empty") : "[" + labels(p.queue()) + "]";
        String waiters = p.waiters().isEmpty() ? texts.get(BUNDLE, "port.none") : String.join(", ", p.waiters());
        String state = texts.get(BUNDLE, "port.state", String.valueOf(p.running()), String.valueOf(p.concurrency()),
                queue, waiters);
        if (p.running() > p.concurrency()) {
            state = state + " " + texts.get(BUNDLE, "port.overshoot", String.valueOf(p.running() - p.concurrency()));
        }
        return state;
    }

    private static String labels(List<PacketView> queue) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(queue.size(), 8);
        for (int i = 0; i < shown; i++) {
            PacketView p = queue.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(p.overlapped() != null ? p.overlapped() : "key " + p.key());
        }
        if (queue.size() > shown) {
            sb.append(", … +").append(queue.size() - shown);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ APCs, listeners, send buffers

    /** An APC in words: "the completion routine of ov=R", "a user APC". */
    private String apc(ApcRun.Kind kind, String overlapped) {
        return kind == ApcRun.Kind.COMPLETION
                ? texts.get(BUNDLE, "apc.completion", overlapped == null ? "NULL" : overlapped)
                : texts.get(BUNDLE, "apc.user");
    }

    private String listenerState(ListenerState l) {
        if (l.closed()) {
            return texts.get(BUNDLE, "listener.closed");
        }
        List<String> accepts = new ArrayList<>(l.accepts().size());
        for (ListenerState.PendingAccept a : l.accepts()) {
            accepts.add(a.overlapped() + "→" + a.socket() + (a.client() == null ? "" : " (" + a.client() + ")"));
        }
        String none = texts.get(BUNDLE, "port.none");
        return texts.get(BUNDLE, "listener.state", accepts.isEmpty() ? none : "[" + String.join(", ", accepts) + "]",
                l.backlog().isEmpty() ? none : "[" + String.join(", ", l.backlog()) + "]");
    }

    private String socketState(SocketState st) {
        String state = texts.get(BUNDLE, "socket.state", String.valueOf(st.unread()), String.valueOf(st.sendBuffer()),
                String.valueOf(st.pendingSends()), String.valueOf(st.sending()), String.valueOf(st.inbound()));
        return st.peerReading() ? state : state + " " + texts.get(BUNDLE, "socket.peerNotReading");
    }

    // ------------------------------------------------------------------ io.complete and peers

    private String ioComplete(IoComplete c) {
        String op = c.api().name() + " ov=" + (c.overlapped() == null ? "NULL" : c.overlapped());
        String done;
        if (c.status() != 0) {
            done = texts.get(BUNDLE, "io.failed", op, String.valueOf(c.status()), Win32Error.name(c.status()));
            IoFailure cause = IoFailure.of(c.status());
            if (cause != null) {
                done = done + " " + texts.get(BUNDLE, "io.cause." + cause.name());
            }
        } else {
            String data = c.buffers() == null || c.buffers().isEmpty() ? ""
                    : " " + quote(String.join("", c.buffers()));
            done = texts.get(BUNDLE, "io.done", op, String.valueOf(c.bytes()), data);
        }
        if (c.accepted() != null && c.status() == 0) {
            done = done + " " + texts.get(BUNDLE, "io.accepted", c.accepted(), c.peer() == null ? "?" : c.peer());
        }
        return done + " " + texts.get(BUNDLE, c.packet() ? "io.packet" : "io.noPacket");
    }

    private String peer(PeerAction a) {
        return switch (a.action()) {
            case CONNECT -> texts.get(BUNDLE, "peer.connect", String.valueOf(a.localPort()),
                    String.valueOf(a.remotePort()));
            case SEND -> texts.get(BUNDLE, "peer.send", String.valueOf(a.bytes()),
                    a.data() == null ? "" : " " + quote(a.data()));
            case RECV -> texts.get(BUNDLE, "peer.recv", String.valueOf(a.bytes()),
                    a.data() == null ? "" : " " + quote(a.data()));
            case CLOSE -> texts.get(BUNDLE, "peer.close");
            case RESET -> texts.get(BUNDLE, "peer.reset");
            case STOP_READING -> texts.get(BUNDLE, "peer.stopReading");
            case RESUME_READING -> texts.get(BUNDLE, "peer.resumeReading");
        };
    }

    /** A string as a C literal, cut short when long: {@code "hello"}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), MAX_DATA);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c < 0x20 ? '·' : c);
            }
        }
        sb.append('"');
        if (s.length() > n) {
            sb.append('…');
        }
        return sb.toString();
    }
}
