package io.iocplab.sim;

import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PeerAction.Action;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The peers: the client ends of the scenario's connections, real sockets driven at virtual times. A peer
 * of the file's {@code sockets:} is connected from the start; a client ({@code connect: L} first) connects
 * to a listener at its time, and waits there until an AcceptEx takes it.
 *
 * <p>What a peer sends reaches the server side one loopback latency later, and so does its connection, its
 * FIN or its RST; what the server sends is read by the peer one latency after the send. An
 * {@link Peer.Echo} peer is a closed loop: it sends its next message a think time after the whole echo of
 * the previous one came back, and checks the echo byte for byte; a difference stops the run.
 *
 * <p>The model knows every byte: what a peer sends (its script, or its echo messages) and what the server
 * sends (its programs' WSASend buffers, kept per connection until the peer reads them). So a peer's receive
 * is the model's: its {@code peer} event carries the bytes the server sent, and the echo check compares
 * those with the message, at once, in the run's own order. The real read happens in the connection
 * layer, which checks the real bytes against the same ones and reports a difference at a fixed point of
 * the run (a peer's close or reset, the end). So the machine has no thread and waits for no peer, and a
 * run with the trace on and one with the trace off differ only in who listens.
 *
 * <p>Two kinds of peer act outside any script. Live mode's {@link Peer.Outside} clients are real programs: what
 * they send, their FIN and their RST have already happened for real when the machine is told
 * ({@link #outsideSent}, {@link #outsideClosed}), and they read what the server sends by themselves. A what-if
 * ({@link #whatIf}) makes a peer send, close or reset at a stop. Either way a peer that has reset does nothing
 * more, and one that has closed sends nothing more (it may still reset).
 */
final class Peers {
    private final CallContext m;
    private SocketCalls sockets;
    private final Map<SimConnection, EchoState> echoes = new IdentityHashMap<>();

    /** An echo client's progress: the message in flight, how much of its echo came back, how many were sent. */
    private static final class EchoState {
        final Peer.Echo spec;
        /** The message in flight. */
        byte[] message;
        int echoed;
        int sent;
        long verified;
        /** It sent its FIN after its last message, or a what-if closed it: no more messages. */
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

    /** At t=0: a socket's peer is connected; its script or its first message is scheduled. */
    void start(SimConnection c) {
        emit(c, Action.CONNECT, null);
        schedule(c);
    }

    /** At t=0: a client will connect to a listener at its time, and then do what its peer says. */
    void startClient(String name, String listener, long atUs, Peer peer) {
        m.at(atUs, () -> connectClient(new SimConnection(name, peer, m.listener(listener))));
    }

    /** A client connects for real now; its connection reaches the listener one latency later. */
    void connectClient(SimConnection c) {
        try {
            c.real = c.listener.real.connect(c.peerName);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(c, Action.CONNECT, null);
        schedule(c);
        m.at(m.now() + m.config().latencyUs(), () -> sockets.accepts().connectionArrived(c.listener, c));
    }

    private void schedule(SimConnection c) {
        if (c.peer instanceof Peer.Scripted script) {
            for (Peer.Action action : script.actions()) {
                m.at(Math.max(action.atUs(), m.now()), () -> perform(c, action));
            }
        } else if (c.peer instanceof Peer.Echo echo) {
            EchoState state = new EchoState(echo);
            echoes.put(c, state);
            m.at(Math.max(echo.startUs(), m.now()), () -> sendNextEcho(c, state));
        }
    }

    private void perform(SimConnection c, Peer.Action action) {
        if (action instanceof Peer.Send send) {
            if (canSend(c)) {                                 // a what-if may have closed it before its script's end
                peerSend(c, send.data().getBytes(StandardCharsets.UTF_8));
            }
        } else if (action instanceof Peer.Close close) {
            if (canClose(c, close.reset())) {
                peerClose(c, close.reset());
            }
        } else if (action instanceof Peer.StopReading) {
            c.peerReading = false;
            emit(c, Action.STOP_READING, null);
            sockets.peerRead(c);                              // nothing read, but the socket's state says it stopped
        } else if (action instanceof Peer.ResumeReading) {
            c.peerReading = true;
            emit(c, Action.RESUME_READING, null);
            int n = (int) c.arrivedUnread;
            c.arrivedUnread = 0;
            if (n > 0) {
                peerReceive(c, n);                            // what reached it meanwhile, at once
            } else {
                sockets.peerRead(c);
            }
        }
    }

    private void peerSend(SimConnection c, byte[] data) {
        try {
            c.real.peerSend(data);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        sent(c, data);
    }

    /** Live mode: an outside client sent these bytes (already received for real). */
    void outsideSent(SimConnection c, byte[] data) {
        sent(c, data);
    }

    /** The peer's bytes are on their way: they reach the server side one latency later. */
    private void sent(SimConnection c, byte[] data) {
        emit(c, Action.SEND, data);
        m.at(m.now() + m.config().latencyUs(), () -> sockets.arrived(c, data.length));
    }

    private void peerClose(SimConnection c, boolean reset) {
        try {
            if (reset) {
                c.real.peerReset();
            } else {
                c.real.peerClose();
            }
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        closed(c, reset);
    }

    /** Live mode: an outside client closed (FIN) or reset (RST), for real already. */
    void outsideClosed(SimConnection c, boolean reset) {
        closed(c, reset);
    }

    /**
     * A what-if: the peer sends, closes or resets now. An echo client that closes or resets sends no more
     * messages. A peer that cannot do it any more (it has reset; or it has closed, and this is not a reset), or a
     * socket with no connection now, does nothing.
     */
    void whatIf(WhatIf.Client w) {
        SimConnection c = m.socket(w.socket()).link;
        if (c == null) {
            return;
        }
        if (w.kind() == WhatIf.Client.Kind.SEND) {
            if (canSend(c)) {
                peerSend(c, w.data().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        boolean reset = w.kind() == WhatIf.Client.Kind.RESET;
        if (canClose(c, reset)) {
            EchoState echo = echoes.get(c);
            if (echo != null) {
                echo.closed = true;
            }
            peerClose(c, reset);
        }
    }

    private static boolean canSend(SimConnection c) {
        return !c.peerClosed;
    }

    private static boolean canClose(SimConnection c, boolean reset) {
        return !c.peerReset && (reset || !c.peerClosed);
    }

    /** The peer's FIN or RST is on its way: it reaches the server side one latency later. */
    private void closed(SimConnection c, boolean reset) {
        c.peerClosed = true;
        if (reset) {
            c.peerReset = true;
        }
        emit(c, reset ? Action.RESET : Action.CLOSE, null);
        m.at(m.now() + m.config().latencyUs(), () -> {
            if (reset) {
                sockets.resetArrived(c);
            } else {
                sockets.finArrived(c);
            }
        });
    }

    /** The server wrote these bytes: the peer reads them one latency later, unless it has reset by then. */
    void serverSent(SimConnection c, byte[][] gathered) {
        if (c.peer instanceof Peer.Outside) {
            return;                                           // an outside client reads by itself
        }
        long n = 0;
        for (byte[] b : gathered) {
            c.toPeer.add(b);
            n += b.length;
        }
        int count = (int) n;
        m.at(m.now() + m.config().latencyUs(), () -> arrived(c, count));
    }

    /** The server's bytes reach the peer: it reads them now, or, while it does not read, they wait for it. */
    private void arrived(SimConnection c, int n) {
        if (c.peerReset) {
            return;                                           // its socket is gone: nobody reads them
        }
        if (c.peerReading) {
            peerReceive(c, n);
        } else {
            c.arrivedUnread += n;
        }
    }

    /** The peer reads the next n bytes the server sent: the model's bytes, which the connection checks for real. */
    private void peerReceive(SimConnection c, int n) {
        byte[] data = c.toPeer.take(n);
        try {
            c.real.peerReceive(data);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        emit(c, Action.RECV, data);
        sockets.peerRead(c);                                  // room in the send buffer: waiting sends go on
        EchoState echo = echoes.get(c);
        if (echo != null) {
            verifyEcho(c.peerName, echo.message, echo.echoed, echo.verified, data);
            echoed(c, echo, n);
        }
    }

    private void sendNextEcho(SimConnection c, EchoState state) {
        if (state.closed) {
            return;                                           // a what-if closed this client
        }
        byte[] message = new byte[state.spec.size()];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + m.random().nextInt(26));
        }
        state.message = message;
        state.echoed = 0;
        state.sent++;
        peerSend(c, message);
    }

    /**
     * Checks the bytes a peer received against its message in flight, of which {@code echoed} bytes
     * (and {@code verified} over the whole run) had come back before them.
     */
    private static void verifyEcho(String peer, byte[] message, int echoed, long verified, byte[] data) {
        int room = message.length - echoed;
        int n = Math.min(room, data.length);
        int at = Arrays.mismatch(data, 0, n, message, echoed, echoed + n);
        if (at >= 0 || data.length > room) {
            int i = at >= 0 ? at : n;
            throw new RunFailure("socket " + peer + ": echoed byte " + (verified + i) + " was " + show(data[i])
                    + ", the peer sent " + (at >= 0 ? show(message[echoed + i]) : "nothing more"));
        }
    }

    /** A byte as a message shows it: 'a' when it is printable ASCII, else its value, 0xc3 (never sign-extended). */
    static String show(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : String.format("0x%02x", v);
    }

    /** n bytes of the echo came back: once the whole message has, the next one is due (or the close). */
    private void echoed(SimConnection c, EchoState state, int n) {
        int k = Math.min(state.message.length - state.echoed, n);
        state.echoed += k;
        state.verified += k;
        if (state.echoed == state.message.length && !state.closed) {
            if (state.sent < state.spec.messages()) {
                m.at(m.now() + state.spec.thinkUs(), () -> sendNextEcho(c, state));
            } else {
                state.closed = true;
                peerClose(c, false);
            }
        }
    }

    /** A {@code peer} event: what the peer did, with the bytes it moved (or none). */
    private void emit(SimConnection c, Action action, byte[] data) {
        Connection real = c.real;
        String server = c.serverName();
        m.emit((tUs, seq, moment) -> new PeerAction(tUs, seq, moment, server, action,
                data == null ? 0 : data.length, data == null ? null : new String(data, StandardCharsets.UTF_8),
                real.peerPort(), real.serverPort(), c.peerName));
    }
}
