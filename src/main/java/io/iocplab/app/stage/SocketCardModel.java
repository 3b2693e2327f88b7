package io.iocplab.app.stage;

import io.iocplab.app.model.Texts;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.SocketState;
import io.iocplab.timeline.ListenerView;
import io.iocplab.timeline.PendingIo;
import io.iocplab.timeline.SocketView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One server-side socket and its real peer, as its card shows them: the real TCP port numbers, the
 * bytes each way, the overlapped operations pending on it (with their WSABUF lengths), and its latest
 * completion (the bytes that landed in each WSABUF, or the error, in red).
 *
 * <p>{@code status} is null while the connection is open; otherwise it says who ended it (a local
 * closesocket, the peer's FIN, the peer's RST), and {@code statusKind} gives the colour.
 *
 * <p>So that cards keep their height from step to step (nothing jumps on the screen), {@code pending}
 * always has at least one line ("no operation pending" when {@code anyPending} is false), and the last
 * completion is always two lines: what completed ({@code last}) and what landed, or the error
 * ({@code landed}, possibly empty).
 *
 * <p>{@code send} is null for a socket without a send buffer; for one with a send buffer it is always
 * there (two lines): the bytes in flight each way and the sends that wait for room.
 *
 * <p>A listener has a card of the same kind ({@link #ofListener}): "listening", its backlog, its pending
 * AcceptEx calls (the socket each accepts into, the client it holds waiting for first data), and the
 * latest AcceptEx that completed.
 */
public record SocketCardModel(String name, String ports, String bytes, String status, StatusKind statusKind,
                              List<String> pending, boolean anyPending, String last, String landed,
                              boolean lastFailed, String send) {

    /** Why the connection is over, if it is; or a listener's card. */
    public enum StatusKind { OPEN, CLOSED, PEER_CLOSED, PEER_RESET, LISTENING }

    /** Characters of landed text shown per WSABUF before it is cut with an ellipsis. */
    static final int MAX_TEXT = 18;

    public SocketCardModel {
        pending = List.copyOf(pending);
    }

    public static SocketCardModel of(SocketView s, Texts texts) {
        return of(s, new Words(texts));
    }

    static SocketCardModel of(SocketView s, Words w) {
        String ports = s.serverPort() == null ? w.get("socket.notConnected")
                : w.get("socket.ports", s.serverPort().toString(), s.peerPort() == null ? "?" : s.peerPort().toString());
        String bytes = w.get("socket.bytes", Long.toString(s.peerSent()), Long.toString(s.peerReceived()));
        StatusKind kind = s.peerReset() ? StatusKind.PEER_RESET
                : s.closed() ? StatusKind.CLOSED : s.peerClosed() ? StatusKind.PEER_CLOSED : StatusKind.OPEN;
        String status = switch (kind) {
            case PEER_RESET -> w.get("socket.peerReset");
            case CLOSED -> w.get("socket.closed");
            case PEER_CLOSED -> w.get("socket.peerClosed");
            case OPEN, LISTENING -> null;
        };
        List<String> pending = new ArrayList<>();
        for (PendingIo op : s.pending()) {
            String bufs = op.wsabufs().stream().map(String::valueOf).collect(Collectors.joining("|"));
            pending.add(op.wsabufs().isEmpty() ? w.get("socket.pendingNoBuffers", op.api(), Words.ov(op.overlapped()))
                    : w.get("socket.pending", op.api(), Words.ov(op.overlapped()), bufs));
        }
        if (pending.isEmpty()) {
            pending.add(w.get("socket.nonePending"));
        }
        IoComplete c = s.lastCompletion();
        String last;
        String landed = "";
        boolean failed = false;
        if (c == null) {
            last = w.get("socket.noCompletion");
        } else {
            failed = c.status() != 0;
            if (failed) {
                last = w.get("socket.failed", c.api(), Words.ov(c.overlapped()));
                landed = Words.error(c.status());
            } else if (c.bytes() == 0 && c.api() == Api.WSARecv) {
                last = w.get("socket.doneZero", c.api(), Words.ov(c.overlapped()));
                // 0 bytes is the peer's FIN, or a zero-byte receive told that data is there
                landed = w.get(s.peerClosed() || s.peerReset() ? "socket.peerClosedShort" : "socket.zeroByte");
            } else {
                last = w.get("socket.done", c.api(), Words.ov(c.overlapped()), Long.toString(c.bytes()));
                landed = landed(c.buffers());
            }
        }
        String send = null;
        SocketState st = s.sendState();
        if (st != null) {
            send = w.get("socket.inFlight", Long.toString(s.towardPeer()), Long.toString(s.towardServer())) + "\n"
                    + w.get(st.pendingSends() == 0 ? "socket.sendRoom" : "socket.sendsWait",
                    Long.toString(st.unread()), Long.toString(st.sendBuffer()), st.pendingSends())
                    + (st.peerReading() ? "" : " · " + w.get("socket.peerNotReading"));
        }
        return new SocketCardModel(s.name(), ports, bytes, status, kind, pending, !s.pending().isEmpty(), last,
                landed, failed, send);
    }

    /** A listener's card. */
    public static SocketCardModel ofListener(ListenerView l, Texts texts) {
        return ofListener(l, new Words(texts));
    }

    static SocketCardModel ofListener(ListenerView l, Words w) {
        String backlog = l.backlog().isEmpty() ? w.get("listener.backlogEmpty")
                : w.get("listener.backlog", Integer.toString(l.backlog().size()), String.join(", ", l.backlog()));
        List<String> pending = new ArrayList<>();
        for (ListenerState.PendingAccept a : l.accepts()) {
            pending.add(a.client() == null ? w.get("listener.accept", Words.ov(a.overlapped()), a.socket())
                    : w.get("listener.acceptData", Words.ov(a.overlapped()), a.socket(), a.client(),
                    Integer.toString(a.receive())));
        }
        if (pending.isEmpty()) {
            pending.add(w.get("listener.nonePending"));
        }
        IoComplete c = l.lastCompletion();
        String last;
        String landed = "";
        boolean failed = false;
        if (c == null) {
            last = w.get("listener.noneAccepted");
        } else if (c.status() != 0) {
            failed = true;
            last = w.get("socket.failed", c.api(), Words.ov(c.overlapped()));
            landed = Words.error(c.status());
        } else {
            last = w.get("listener.accepted", Words.ov(c.overlapped()), c.accepted(), c.peer() == null ? "?" : c.peer());
            landed = c.bytes() == 0 ? "" : w.get("listener.firstData", Long.toString(c.bytes()), landed(c.buffers()));
        }
        return new SocketCardModel(l.name(), w.get("listener.listening"), backlog,
                l.closed() ? w.get("socket.closed") : w.get("listener.tag"),
                l.closed() ? StatusKind.CLOSED : StatusKind.LISTENING, pending, !l.accepts().isEmpty(), last, landed,
                failed, null);
    }

    /** The text that landed in each WSABUF: "hel" | "lo", control characters made visible, long text cut. */
    static String landed(List<String> buffers) {
        if (buffers == null || buffers.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String b : buffers) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < b.length(); i++) {
                char ch = b.charAt(i);
                sb.append(ch == '\n' ? '↵' : ch < 0x20 ? '·' : ch);
            }
            String t = sb.length() > MAX_TEXT ? sb.substring(0, MAX_TEXT - 1) + "…" : sb.toString();
            parts.add("\"" + t + "\"");
        }
        return String.join(" | ", parts);
    }
}
