package io.iocplab.sim;

import io.iocplab.sim.event.PeerAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The client ends of the scenario's sockets: real sockets driven at virtual times.
 *
 * <p>What a peer sends reaches its socket one loopback latency later; what the server sends is
 * read by the peer one latency after the send. An {@link Peer.Echo} peer is a closed loop: it sends
 * its next message a think time after the whole echo of the previous one came back, and checks the
 * echo byte for byte; a difference stops the run.
 */
final class Peers {
    private final Machine m;
    private SocketCalls sockets;
    private final Map<SimSocket, EchoState> echoes = new IdentityHashMap<>();

    /** An echo client's progress: the message in flight, how much of its echo came back, how many were sent. */
    private static final class EchoState {
        final Peer.Echo spec;
        final byte[] message;
        int echoed;
        int sent;
        long verified;
        boolean closed;

        EchoState(Peer.Echo spec) {
            this.spec = spec;
            this.message = new byte[spec.size()];
        }
    }

    Peers(Machine machine) {
        this.m = machine;
    }

    void attach(SocketCalls socketCalls) {
        this.sockets = socketCalls;
    }

    /** At t=0: the peer connects, and its script or its first message is scheduled. */
    void start(SimSocket sock) {
        emit(sock, "connect", null);
        if (sock.peer instanceof Peer.Scripted script) {
            for (Peer.Action action : script.actions()) {
                m.atTime(action.atUs(), () -> perform(sock, action));
            }
        } else if (sock.peer instanceof Peer.Echo echo) {
            EchoState state = new EchoState(echo);
            echoes.put(sock, state);
            m.atTime(echo.startUs(), () -> sendNextEcho(sock, state));
        }
    }

    private void perform(SimSocket sock, Peer.Action action) {
        if (action instanceof Peer.Send send) {
            peerSend(sock, send.data().getBytes(StandardCharsets.UTF_8));
        } else if (action instanceof Peer.Close close) {
            peerClose(sock, close.reset());
        }
    }

    private void peerSend(SimSocket sock, byte[] data) {
        try {
            sock.connection.peerSend(data);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(sock, "send", data);
        m.atTime(m.now() + m.config().latencyUs(), () -> sockets.arrived(sock, data.length));
    }

    private void peerClose(SimSocket sock, boolean reset) {
        try {
            if (reset) {
                sock.connection.peerReset();
            } else {
                sock.connection.peerClose();
            }
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(sock, reset ? "reset" : "close", null);
        m.atTime(m.now() + m.config().latencyUs(), () -> {
            if (reset) {
                sockets.resetArrived(sock);
            } else {
                sockets.finArrived(sock);
            }
        });
    }

    /** The server wrote n bytes: the peer reads them one latency later (unless it reset). */
    void serverSent(SimSocket sock, long n) {
        m.atTime(m.now() + m.config().latencyUs(), () -> peerReceive(sock, (int) n));
    }

    private void peerReceive(SimSocket sock, int n) {
        byte[] data;
        try {
            data = sock.connection.peerReceive(n);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(sock, "recv", data);
        EchoState echo = echoes.get(sock);
        if (echo != null) {
            verifyEcho(sock, echo, data);
        }
    }

    private void sendNextEcho(SimSocket sock, EchoState state) {
        byte[] message = state.message;
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + m.random().nextInt(26));
        }
        state.echoed = 0;
        state.sent++;
        peerSend(sock, message.clone());
    }

    private void verifyEcho(SimSocket sock, EchoState state, byte[] data) {
        int room = state.message.length - state.echoed;
        int n = Math.min(room, data.length);
        int at = Arrays.mismatch(data, 0, n, state.message, state.echoed, state.echoed + n);
        if (at >= 0 || data.length > room) {
            int i = at >= 0 ? at : n;
            throw new RunFailure("socket " + sock.name + ": echoed byte " + (state.verified + i) + " was '"
                    + (char) data[i] + "', the peer sent '"
                    + (at >= 0 ? String.valueOf((char) state.message[state.echoed + i]) : "nothing more") + "'");
        }
        state.echoed += n;
        state.verified += n;
        if (state.echoed == state.message.length && !state.closed) {
            if (state.sent < state.spec.messages()) {
                m.atTime(m.now() + state.spec.thinkUs(), () -> sendNextEcho(sock, state));
            } else {
                state.closed = true;
                peerClose(sock, false);
            }
        }
    }

    /** A {@code peer} event: what the peer did, with the bytes it moved (or none). */
    private void emit(SimSocket sock, String action, byte[] data) {
        if (!m.tracing()) {
            return;
        }
        Connection c = sock.connection;
        m.emit(new PeerAction(m.now(), m.seq(), sock.name, action, data == null ? 0 : data.length,
                data == null ? null : new String(data, StandardCharsets.UTF_8), c.peerPort(), c.serverPort()));
    }
}
