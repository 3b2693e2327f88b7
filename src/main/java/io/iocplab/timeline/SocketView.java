package io.iocplab.timeline;

import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.SocketState;
import java.util.List;

/**
 * A server-side socket and its real peer as the stage draws them at one step.
 *
 * <p>Rules of the fold (kept by {@link ViewStateBuilder}): a socket appears the first time an event
 * names it. {@code serverPort}/{@code peerPort} come from the peer's {@code connect} (the peer
 * event's {@code remote_port} and {@code local_port}: the server socket's own TCP port and the
 * peer's); {@code peerSent}/{@code peerReceived} add up the bytes of its {@code send}/{@code recv};
 * {@code peerClosed}/{@code peerReset} are set by {@code close}/{@code reset}; {@code closed} by a
 * successful closesocket. {@code pending} holds, oldest first, the overlapped operations that
 * returned WSA_IO_PENDING (997) and have no {@code io.complete} yet; {@code lastCompletion} is its
 * latest {@code io.complete} (api, status, bytes, the text that landed in each WSABUF).
 *
 * <p>A socket accepted by AcceptEx starts anew at the completion (its {@code io.complete} names the
 * listener and the {@code accepted} socket): the ports and the bytes its client sent before it was
 * accepted come from the listener's view ({@link ListenerView#clients}). A socket handed back by a DisconnectEx
 * with TF_REUSE_SOCKET is, from that DisconnectEx's {@code io.complete}, connected to no one (no ports, no bytes,
 * no FIN), as before its first accept; the next client is the listener's until an AcceptEx takes it into the
 * socket. {@code sendState} is its latest
 * {@code socket.state} (sockets with a send buffer only), or null.
 */
public record SocketView(String name, Integer serverPort, Integer peerPort, long peerSent, long peerReceived,
                         boolean peerClosed, boolean peerReset, boolean closed, List<PendingIo> pending,
                         IoComplete lastCompletion, SocketState sendState) {

    public SocketView {
        pending = List.copyOf(pending);
    }

    /** A socket without a send buffer. */
    public SocketView(String name, Integer serverPort, Integer peerPort, long peerSent, long peerReceived,
                      boolean peerClosed, boolean peerReset, boolean closed, List<PendingIo> pending,
                      IoComplete lastCompletion) {
        this(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed, pending,
                lastCompletion, null);
    }

    static SocketView unseen(String name) {
        return new SocketView(name, null, null, 0, 0, false, false, false, List.of(), null);
    }

    /** The bytes on their way from the server to the peer: sent and not read by it, and waiting to be sent. */
    public long towardPeer() {
        return sendState == null ? 0 : sendState.unread() + sendState.sending();
    }

    /** The bytes on their way from the peer to the server: arrived and not received yet. */
    public long towardServer() {
        return sendState == null ? 0 : sendState.inbound();
    }

    SocketView withSendState(SocketState st) {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed,
                pending, lastCompletion, st);
    }

    /** Accepted anew: the connection of a client, the pending operations left as they are. */
    SocketView accepted(ListenerView.Client c, List<PendingIo> ops, IoComplete done) {
        return new SocketView(name, c == null ? null : c.serverPort(), c == null ? null : c.peerPort(),
                c == null ? 0 : c.sent(), 0, c != null && c.closed(), c != null && c.reset(), false, ops, done,
                sendState);
    }

    /**
     * Handed back by a DisconnectEx with TF_REUSE_SOCKET: connected to no one, as a socket made for AcceptEx, until
     * an AcceptEx takes it again; its pending operations and send buffer left as they are.
     */
    SocketView handedBack(List<PendingIo> ops, IoComplete done) {
        return new SocketView(name, null, null, 0, 0, false, false, false, ops, done, sendState);
    }

    SocketView withPorts(int server, int peer) {
        return new SocketView(name, server, peer, peerSent, peerReceived, peerClosed, peerReset, closed, pending,
                lastCompletion, sendState);
    }

    SocketView withPeer(long sent, long received, boolean fin, boolean rst) {
        return new SocketView(name, serverPort, peerPort, sent, received, fin, rst, closed, pending, lastCompletion,
                sendState);
    }

    SocketView withClosed() {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, true, pending,
                lastCompletion, sendState);
    }

    SocketView withPending(List<PendingIo> ops) {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed, ops,
                lastCompletion, sendState);
    }

    SocketView withCompletion(List<PendingIo> ops, IoComplete done) {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed, ops,
                done, sendState);
    }
}
