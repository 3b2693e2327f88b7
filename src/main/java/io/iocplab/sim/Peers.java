package io.iocplab.sim;

import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PeerAction.Action;
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
 *
 * <p>The model knows every byte: what a peer sends (its script, or its echo messages) and what the server
 * sends (its programs' WSASend buffers, kept per socket until the peer reads them). So a peer's receive
 * is the model's: its {@code peer} event carries the bytes the server sent, and the echo check compares
 * those with the message, at once, in the run's own order. The real read happens in the connection
 * layer, which checks the real bytes against the same ones and reports a difference at a fixed point of
 * the run (a peer's close or reset, the end). So the machine has no thread and waits for no peer, and a
 * run with the trace on and one with the trace off differ only in who listens.
 */
final class Peers {
    private final CallContext m;
    private SocketCalls sockets;
    private final Map<SimSocket, EchoState> echoes = new IdentityHashMap<>();

    /** An echo client's progress: the message in flight, how much of its echo came back, how many were sent. */
    private static final class EchoState {
        final Peer.Echo spec;
        /** The message in flight. */
        byte[] message;
        int echoed;
        int sent;
        long verified;
        boolean closed;

        EchoState(Peer.Echo spec) {
            this.spec = spec;
            this.message = new byte[spec.size()];
        }
    }

    Peers(CallContext context) {
        this.m = context;
    }

    void attach(SocketCalls socketCalls) {
        this.sockets = socketCalls;
    }

    /** At t=0: the peer connects, and its script or its first message is scheduled. */
    void start(SimSocket sock) {
        emit(sock, Action.CONNECT, null);
        if (sock.peer instanceof Peer.Scripted script) {
            for (Peer.Action action : script.actions()) {
                m.at(action.atUs(), () -> perform(sock, action));
            }
        } else if (sock.peer instanceof Peer.Echo echo) {
            EchoState state = new EchoState(echo);
            echoes.put(sock, state);
            m.at(echo.startUs(), () -> sendNextEcho(sock, state));
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
        emit(sock, Action.SEND, data);
        m.at(m.now() + m.config().latencyUs(), () -> sockets.arrived(sock, data.length));
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
        emit(sock, reset ? Action.RESET : Action.CLOSE, null);
        m.at(m.now() + m.config().latencyUs(), () -> {
            if (reset) {
                sockets.resetArrived(sock);
            } else {
                sockets.finArrived(sock);
            }
        });
    }

    /** The server wrote these bytes: the peer reads them one latency later. */
    void serverSent(SimSocket sock, byte[][] gathered) {
        long n = 0;
        for (byte[] b : gathered) {
            sock.toPeer.add(b);
            n += b.length;
        }
        int count = (int) n;
        m.at(m.now() + m.config().latencyUs(), () -> peerReceive(sock, count));
    }

    /** The peer reads the next n bytes the server sent: the model's bytes, which the connection checks for real. */
    private void peerReceive(SimSocket sock, int n) {
        byte[] data = sock.toPeer.take(n);
        try {
            sock.connection.peerReceive(data);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(sock, Action.RECV, data);
        EchoState echo = echoes.get(sock);
        if (echo != null) {
            verifyEcho(sock.name, echo.message, echo.echoed, echo.verified, data);
            echoed(sock, echo, n);
        }
    }

    private void sendNextEcho(SimSocket sock, EchoState state) {
        byte[] message = new byte[state.spec.size()];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + m.random().nextInt(26));
        }
        state.message = message;
        state.echoed = 0;
        state.sent++;
        peerSend(sock, message);
    }

    /**
     * Checks the bytes a peer received against its message in flight, of which {@code echoed} bytes
     * (and {@code verified} over the whole run) had come back before them.
     */
    private static void verifyEcho(String socket, byte[] message, int echoed, long verified, byte[] data) {
        int room = message.length - echoed;
        int n = Math.min(room, data.length);
        int at = Arrays.mismatch(data, 0, n, message, echoed, echoed + n);
        if (at >= 0 || data.length > room) {
            int i = at >= 0 ? at : n;
            throw new RunFailure("socket " + socket + ": echoed byte " + (verified + i) + " was '"
                    + (char) data[i] + "', the peer sent '"
                    + (at >= 0 ? String.valueOf((char) message[echoed + i]) : "nothing more") + "'");
        }
    }

    /** n bytes of the echo came back: once the whole message has, the next one is due (or the close). */
    private void echoed(SimSocket sock, EchoState state, int n) {
        int k = Math.min(state.message.length - state.echoed, n);
        state.echoed += k;
        state.verified += k;
        if (state.echoed == state.message.length && !state.closed) {
            if (state.sent < state.spec.messages()) {
                m.at(m.now() + state.spec.thinkUs(), () -> sendNextEcho(sock, state));
            } else {
                state.closed = true;
                peerClose(sock, false);
            }
        }
    }

    /** A {@code peer} event: what the peer did, with the bytes it moved (or none). */
    private void emit(SimSocket sock, Action action, byte[] data) {
        Connection c = sock.connection;
        m.emit((tUs, seq, moment) -> new PeerAction(tUs, seq, moment, sock.name, action,
                data == null ? 0 : data.length, data == null ? null : new String(data, StandardCharsets.UTF_8),
                c.peerPort(), c.serverPort()));
    }
}
