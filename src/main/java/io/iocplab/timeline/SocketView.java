package io.iocplab.timeline;

import io.iocplab.sim.event.IoComplete;
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
 */
public record SocketView(String name, Integer serverPort, Integer peerPort, long peerSent, long peerReceived,
                         boolean peerClosed, boolean peerReset, boolean closed, List<PendingIo> pending,
                         IoComplete lastCompletion) {

    public SocketView {
        pending = List.copyOf(pending);
    }

    static SocketView unseen(String name) {
        return new SocketView(name, null, null, 0, 0, false, false, false, List.of(), null);
    }

    SocketView withPorts(int server, int peer) {
        return new SocketView(name, server, peer, peerSent, peerReceived, peerClosed, peerReset, closed, pending,
                lastCompletion);
    }

    SocketView withPeer(long sent, long received, boolean fin, boolean rst) {
        return new SocketView(name, serverPort, peerPort, sent, received, fin, rst, closed, pending, lastCompletion);
    }

    SocketView withClosed() {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, true, pending,
                lastCompletion);
    }

    SocketView withPending(List<PendingIo> ops) {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed, ops,
                lastCompletion);
    }

    SocketView withCompletion(List<PendingIo> ops, IoComplete done) {
        return new SocketView(name, serverPort, peerPort, peerSent, peerReceived, peerClosed, peerReset, closed, ops,
                done);
    }
}
