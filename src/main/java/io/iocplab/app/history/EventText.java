package io.iocplab.app.history;

import io.iocplab.app.model.Texts;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** Calls whose return value is an int: 0, or SOCKET_ERROR. */
    private static final Set<String> WINSOCK = Set.of("WSARecv", "WSASend", "closesocket",
            "SetFileCompletionNotificationModes");
    /** Calls that return nothing. */
    private static final Set<String> VOID = Set.of("Sleep", "ExitThread", "Compute");
    /** Outputs written into the row's argument list or in words, not as {@code name=value}. */
    private static final Set<String> NOT_LISTED = Set.of("port", "socket", "thread_handle", "result", "release",
            "freed_by", "delivered_to", "entries", "removed");
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
        } else if (e instanceof IoComplete c) {
            return c.socket();
        } else if (e instanceof PeerAction a) {
            return a.socket();
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
        } else if (e instanceof IoComplete c) {
            return ioComplete(c);
        } else if (e instanceof PeerAction a) {
            return peer(a);
        } else if (e instanceof Summary s) {
            return texts.get(BUNDLE, "summary", String.valueOf(s.packets()), String.valueOf(s.contextSwitches()));
        }
        return e.type();
    }

    // ------------------------------------------------------------------ api.return

    private String apiReturn(ApiReturn r) {
        Map<String, Object> out = r.out() == null ? Map.of() : r.out();
        StringBuilder sb = new StringBuilder(r.api());
        String target = firstString(out, "port", "socket", "thread_handle");
        if (target != null) {
            sb.append('(').append(target).append(')');
        }
        if (VOID.contains(r.api())) {
            return texts.get(BUNDLE, "api.void", sb.toString());
        }
        sb.append(" → ").append(result(r, out));
        if (r.error() != 0) {
            String name = Win32Error.name(r.error());
            sb.append(' ').append(texts.get(BUNDLE, "api.error", String.valueOf(r.error()), name));
        }
        for (Map.Entry<String, Object> o : out.entrySet()) {
            if (NOT_LISTED.contains(o.getKey())) {
                continue;
            }
            boolean gqcs = r.api().startsWith("GetQueuedCompletionStatus");
            if (o.getValue() == null && !(gqcs && o.getKey().equals("overlapped"))) {
                continue;
            }
            sb.append(' ').append(shortName(o.getKey())).append('=').append(value(o.getValue()));
        }
        if (out.get("entries") instanceof List<?> entries) {
            sb.append(' ').append(texts.get(BUNDLE, "api.entries", String.valueOf(entries.size()), entries(entries)));
        }
        String words = words(r, out);
        if (words != null) {
            sb.append(' ').append(words);
        }
        return sb.toString();
    }

    private static String firstString(Map<String, Object> out, String... keys) {
        for (String k : keys) {
            if (out.get(k) instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** The return value as C spells it. */
    private static String result(ApiReturn r, Map<String, Object> out) {
        if (WINSOCK.contains(r.api()) || out.containsKey("result")) {
            return r.ok() ? "0" : "SOCKET_ERROR";
        }
        if (r.api().equals("SuspendThread") || r.api().equals("ResumeThread")) {
            Object prev = out.get("previous_count");
            return r.ok() && prev != null ? String.valueOf(prev) : "(DWORD)-1";
        }
        if (r.api().equals("CreateIoCompletionPort")) {
            Object port = out.get("port");
            return r.ok() && port != null ? String.valueOf(port) : "NULL";
        }
        if (r.api().equals("WaitForSingleObject")) {
            return r.ok() ? "WAIT_OBJECT_0" : "WAIT_FAILED";
        }
        return r.ok() ? "TRUE" : "FALSE";
    }

    /** What the trace's extensions say in words: how a GQCS got its packet, where a post went, pending I/O. */
    private String words(ApiReturn r, Map<String, Object> out) {
        Object release = out.get("release");
        if (release instanceof String how) {
            Object by = out.get("freed_by");
            return switch (how) {
                case "immediate", "handed_off" -> texts.get(BUNDLE, "release." + how);
                case "slept", "blocked_in_io", "exited", "suspended", "switched_port" ->
                        texts.get(BUNDLE, "release." + how, by == null ? "?" : by.toString());
                default -> texts.get(BUNDLE, "release.other", how, by == null ? "?" : by.toString());
            };
        }
        if (r.api().equals("PostQueuedCompletionStatus") && r.ok()) {
            Object to = out.get("delivered_to");
            return to == null ? texts.get(BUNDLE, "post.queued") : texts.get(BUNDLE, "post.handedTo", to.toString());
        }
        if (r.error() == Win32Error.ERROR_IO_PENDING) {
            return texts.get(BUNDLE, "api.pending");
        }
        if (r.error() == Win32Error.WAIT_TIMEOUT) {
            return texts.get(BUNDLE, "api.timeout");
        }
        return null;
    }

    private static String shortName(String key) {
        return switch (key) {
            case "overlapped" -> "ov";
            case "previous_count" -> "previous";
            default -> key;
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

    private static String entries(List<?> entries) {
        List<String> parts = new ArrayList<>(entries.size());
        for (Object o : entries) {
            if (o instanceof Map<?, ?> m) {
                Object ov = m.get("overlapped");
                parts.add((ov == null ? "NULL" : ov.toString()) + " " + m.get("bytes") + "B");
            }
        }
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------------ thread.state

    private String threadState(ThreadState t) {
        String call = t.call() == null ? "?" : t.call();
        return switch (t.state()) {
            case RUNNING -> texts.get(BUNDLE, "thread.running", t.cpu() == null ? "?" : t.cpu().toString());
            case READY -> texts.get(BUNDLE, "thread.ready");
            case EXITED -> texts.get(BUNDLE, "thread.exited");
            case WAITING -> {
                if (t.waitingOn() == null) {
                    yield texts.get(BUNDLE, "thread.waiting", call);
                }
                yield switch (t.waitingOn()) {
                    case PORT -> texts.get(BUNDLE, "thread.waiting.port", call);
                    case SLEEP -> texts.get(BUNDLE, "thread.waiting.sleep");
                    case SUSPENDED -> texts.get(BUNDLE, "thread.waiting.suspended");
                    case IO -> texts.get(BUNDLE, "thread.waiting.io", call);
                    case EVENT -> texts.get(BUNDLE, "thread.waiting.event", call);
                };
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

    // ------------------------------------------------------------------ io.complete and peers

    private String ioComplete(IoComplete c) {
        String op = c.api() + " ov=" + (c.overlapped() == null ? "NULL" : c.overlapped());
        String done;
        if (c.status() != 0) {
            done = texts.get(BUNDLE, "io.failed", op, String.valueOf(c.status()), Win32Error.name(c.status()));
        } else {
            String data = c.buffers() == null || c.buffers().isEmpty() ? ""
                    : " " + quote(String.join("", c.buffers()));
            done = texts.get(BUNDLE, "io.done", op, String.valueOf(c.bytes()), data);
        }
        return done + " " + texts.get(BUNDLE, c.packet() ? "io.packet" : "io.noPacket");
    }

    private String peer(PeerAction a) {
        return switch (a.action()) {
            case "connect" -> texts.get(BUNDLE, "peer.connect", String.valueOf(a.localPort()),
                    String.valueOf(a.remotePort()));
            case "send" -> texts.get(BUNDLE, "peer.send", String.valueOf(a.bytes()),
                    a.data() == null ? "" : " " + quote(a.data()));
            case "recv" -> texts.get(BUNDLE, "peer.recv", String.valueOf(a.bytes()),
                    a.data() == null ? "" : " " + quote(a.data()));
            case "close" -> texts.get(BUNDLE, "peer.close");
            case "reset" -> texts.get(BUNDLE, "peer.reset");
            default -> texts.get(BUNDLE, "peer.other", a.action());
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
