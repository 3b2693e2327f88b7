package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_IO_PENDING;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;
import static io.iocplab.kernel.Win32Error.WSAEINVAL;
import static io.iocplab.kernel.Win32Error.WSAENOTCONN;
import static io.iocplab.kernel.Win32Error.WSAENOTSOCK;

import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Overlapped;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ListenerState;
import java.util.ArrayList;
import java.util.List;

/**
 * AcceptEx and DisconnectEx: how a server accepts connections through its completion port and hands a
 * socket back for the next one.
 *
 * <p>AcceptEx rules [WINE-sock {@code test_AcceptEx}, run on Windows; DOC-AcceptEx]:
 * <ul>
 *   <li>It returns FALSE with ERROR_IO_PENDING (997), even when a connection is already waiting (Wine's test
 *       of a deferred connection shows it pending, then completing with the first client): the model never
 *       completes it at once (Model decision 12). It then takes the oldest waiting connection at once.</li>
 *   <li>Pending AcceptEx calls take arriving connections in the order they were issued.</li>
 *   <li>With {@code receive} bytes of first data asked for, it completes only when bytes arrive, up to that many,
 *       or with 0 bytes when the client closes first; a client's reset then fails it with ERROR_NETNAME_DELETED
 *       (Model decision 13).</li>
 *   <li>The accept socket must be new or handed back by DisconnectEx with TF_REUSE_SOCKET: a connected socket,
 *       or one already being accepted into, is refused with WSAEINVAL; a closed handle with WSAENOTSOCK.</li>
 *   <li>Its completion comes through the listener's port, with the listener's key; the accepted socket is
 *       connected from then on, and not associated with any port until the program associates it (the
 *       classic server associates it then, with its own key). A socket handed back keeps its port.</li>
 *   <li>Closing the accept socket, or the listener, aborts it with ERROR_OPERATION_ABORTED (995); so does
 *       CancelIoEx on the listener. A connection an aborted AcceptEx had taken waits for the next one.</li>
 *   <li>A connection reset while it waits in the backlog is gone: no AcceptEx ever sees it (Model decision 13).</li>
 * </ul>
 * DisconnectEx [DOC-DisconnectEx]: on a connected socket it returns FALSE with ERROR_IO_PENDING, sends the
 * FIN, and completes one loopback latency later (the model has no TIME_WAIT delay, Model decision 14);
 * receives still pending then fail with ERROR_CONNECTION_ABORTED, as a local close would. With
 * TF_REUSE_SOCKET the handle may be passed to AcceptEx again; without it, only closesocket is left. On a
 * socket that is not connected it fails with WSAENOTCONN.
 */
final class AcceptCalls {
    private final CallContext m;
    private final Completions completions;
    private final SocketCalls sockets;
    private final Hazards hazards;

    AcceptCalls(CallContext context, Completions completions, SocketCalls sockets, Hazards hazards) {
        this.m = context;
        this.completions = completions;
        this.sockets = sockets;
        this.hazards = hazards;
    }

    // ------------------------------------------------------------------ AcceptEx

    void acceptEx(SimThread t, Step.AcceptEx s) {
        SimListener l = m.listener(s.listen());
        SimSocket into = m.socket(s.socket());
        Overlapped ov = m.overlapped(s.overlapped().label());
        CallResult out = new CallResult.Accept(s.listen(), s.socket(), ov.label());
        if (l.closed || into.closed()) {
            hazards.closedHandle(t, s.api(), l.closed ? l.name : into.name, false);
            m.returnNow(t, s.api(), false, WSAENOTSOCK, out, s);
            return;
        }
        if (into.phase != SimSocket.Phase.UNCONNECTED) {
            m.returnNow(t, s.api(), false, WSAEINVAL, out, s);
            return;
        }
        hazards.issuing(t, s.api(), ov, s.listen(), null);
        ov.issue(s.overlapped().hEventLowBit());
        into.phase = SimSocket.Phase.ACCEPTING;
        l.accepts.add(new SimListener.PendingAccept(t, ov, into, s.receive()));
        m.returnNow(t, s.api(), false, ERROR_IO_PENDING, out, s);   // Model decision 12
        match(l);
        changed(l);
    }

    /** A client's connection reached the listener: the oldest free AcceptEx takes it, or it waits in the backlog. */
    void connectionArrived(SimListener l, SimConnection c) {
        if (l.closed) {
            c.over = true;
            c.real.serverClose();                                 // nobody listens: the client is refused
            return;
        }
        l.backlog.addLast(c);
        match(l);
        changed(l);
    }

    /** Pair waiting connections with free AcceptEx calls, oldest with oldest; each may complete at once. */
    private void match(SimListener l) {
        SimListener.PendingAccept a;
        while (!l.backlog.isEmpty() && (a = l.freeAccept()) != null) {
            SimConnection c = l.backlog.removeFirst();
            a.connection = c;
            c.acceptWaiting = a;
            if (a.receive == 0 || c.readable()) {
                accepted(l, a);
            }
        }
    }

    /** Bytes or the FIN reached a connection not accepted yet: an AcceptEx waiting for its first data completes. */
    void firstData(SimConnection c) {
        SimListener.PendingAccept a = c.acceptWaiting;
        if (a != null) {
            accepted(c.listener, a);
            changed(c.listener);
        }
    }

    /** A connection not accepted yet was reset: gone from the backlog, or its AcceptEx fails (Model decision 13). */
    void resetBeforeAccepted(SimConnection c) {
        SimListener l = c.listener;
        SimListener.PendingAccept a = c.acceptWaiting;
        c.over = true;
        c.real.serverClose();
        if (a == null) {
            l.backlog.remove(c);
        } else {
            l.accepts.remove(a);
            c.acceptWaiting = null;
            a.into.phase = SimSocket.Phase.UNCONNECTED;
            completions.complete(l.kernel, Api.AcceptEx, a.overlapped, null, false, IoFailure.PEER_RESET.status(), 0,
                    new byte[0][], a.into.name, c.peerName);
        }
        changed(l);
    }

    /** The AcceptEx completes: its socket has the connection, and its first data is in its buffer. */
    private void accepted(SimListener l, SimListener.PendingAccept a) {
        SimConnection c = a.connection;
        l.accepts.remove(a);
        c.acceptWaiting = null;
        int n = (int) Math.min(c.inbound, a.receive);
        byte[][] first = n > 0 ? c.read(new int[] {a.receive}, n)
                : a.receive > 0 && c.finArrived ? finOnly(c) : new byte[0][];
        SimSocket into = a.into;
        into.sendBuffer = l.sendBuffer;
        into.link = c;
        into.phase = SimSocket.Phase.CONNECTED;
        into.bytesIn += n;
        c.socket = into;
        m.memory().land(a.overlapped.label(), first);
        completions.complete(l.kernel, Api.AcceptEx, a.overlapped, null, false, ERROR_SUCCESS, n, first, into.name,
                c.peerName);
        sockets.changed(into);
    }

    /** AcceptEx asked for first data and the client closed instead: it completes with 0 bytes [WINE-sock]. */
    private static byte[][] finOnly(SimConnection c) {
        c.confirmEnd();
        return new byte[][] {new byte[0]};
    }

    /** closesocket on the accept socket of a pending AcceptEx: it completes with ERROR_OPERATION_ABORTED. */
    void abortInto(SimSocket into) {
        for (SimListener l : listenersOf(into)) {
            for (SimListener.PendingAccept a : new ArrayList<>(l.accepts)) {
                if (a.into == into) {
                    abort(l, a);
                }
            }
            match(l);
            changed(l);
        }
    }

    /** CancelIoEx on a listener: its matching pending AcceptEx calls are aborted; false when none matched. */
    boolean cancel(SimListener l, String overlapped) {
        List<SimListener.PendingAccept> matching = new ArrayList<>();
        for (SimListener.PendingAccept a : l.accepts) {
            if (overlapped == null || a.overlapped.label().equals(overlapped)) {
                matching.add(a);
            }
        }
        for (SimListener.PendingAccept a : matching) {
            abort(l, a);
        }
        match(l);
        if (!matching.isEmpty()) {
            changed(l);
        }
        return !matching.isEmpty();
    }

    /** closesocket on a listener: every pending AcceptEx is aborted, and the connections in its backlog are refused. */
    void close(SimListener l) {
        l.closed = true;
        for (SimListener.PendingAccept a : new ArrayList<>(l.accepts)) {
            abort(l, a);
        }
        for (SimConnection c : l.backlog) {
            c.over = true;
            c.real.serverClose();
        }
        l.backlog.clear();
        l.real.close();
        changed(l);
    }

    /** The AcceptEx ends with ERROR_OPERATION_ABORTED; a connection it had taken goes back to the head of the backlog. */
    private void abort(SimListener l, SimListener.PendingAccept a) {
        l.accepts.remove(a);
        if (a.connection != null) {
            a.connection.acceptWaiting = null;
            if (!l.closed) {
                l.backlog.addFirst(a.connection);
            }
        }
        if (!a.into.closed()) {
            a.into.phase = SimSocket.Phase.UNCONNECTED;
        }
        completions.complete(l.kernel, Api.AcceptEx, a.overlapped, null, false, IoFailure.CANCELLED.status(), 0,
                new byte[0][], a.into.name, null);
    }

    private List<SimListener> listenersOf(SimSocket into) {
        List<SimListener> out = new ArrayList<>();
        for (SimListener l : m.listeners()) {
            for (SimListener.PendingAccept a : l.accepts) {
                if (a.into == into && !out.contains(l)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ DisconnectEx

    void disconnectEx(SimThread t, Step.DisconnectEx s) {
        SimSocket sock = m.socket(s.socket());
        Overlapped ov = m.overlapped(s.overlapped().label());
        CallResult out = new CallResult.Disconnect(s.socket(), ov.label(), s.reuse());
        if (sock.closed()) {
            hazards.closedHandle(t, s.api(), sock.name, false);
            m.returnNow(t, s.api(), false, WSAENOTSOCK, out, s);
            return;
        }
        if (sock.phase != SimSocket.Phase.CONNECTED) {
            m.returnNow(t, s.api(), false, WSAENOTCONN, out, s);
            return;
        }
        hazards.issuing(t, s.api(), ov, sock.name, null);
        ov.issue(s.overlapped().hEventLowBit());
        sock.phase = SimSocket.Phase.DISCONNECTING;
        sock.disconnecting = ov;
        SimConnection c = sock.link;
        m.returnNow(t, s.api(), false, ERROR_IO_PENDING, out, s);
        m.at(m.now() + m.config().latencyUs(), () -> disconnected(sock, c, ov, s.reuse()));
    }

    /** The FIN has gone: the connection is over, the handle is free (for reuse, or only for closesocket). */
    private void disconnected(SimSocket sock, SimConnection c, Overlapped ov, boolean reuse) {
        if (sock.phase != SimSocket.Phase.DISCONNECTING || sock.link != c) {
            return;                                               // closed meanwhile: closesocket aborted it
        }
        sockets.failPending(sock, IoFailure.LOCAL_CLOSE.status());
        c.over = true;
        c.real.serverClose();
        sock.link = null;
        sock.disconnecting = null;
        sock.phase = reuse ? SimSocket.Phase.UNCONNECTED : SimSocket.Phase.DISCONNECTED;
        completions.complete(sock.kernel, Api.DisconnectEx, ov, null, false, ERROR_SUCCESS, 0, new byte[0][], null,
                null);
    }

    /** closesocket while a DisconnectEx is pending: it completes with ERROR_CONNECTION_ABORTED, as any pending operation. */
    void abortDisconnect(SimSocket sock) {
        Overlapped ov = sock.disconnecting;
        sock.disconnecting = null;
        completions.complete(sock.kernel, Api.DisconnectEx, ov, null, false, IoFailure.LOCAL_CLOSE.status(), 0,
                new byte[0][], null, null);
    }

    // ------------------------------------------------------------------ listener.state

    /** The listener changed: its pending accepts and its backlog, as the trace shows them. */
    void changed(SimListener l) {
        m.emit((tUs, seq, moment) -> new ListenerState(tUs, seq, moment, l.name, views(l),
                l.backlog.stream().map(c -> c.peerName).toList(), l.closed));
    }

    private static List<ListenerState.PendingAccept> views(SimListener l) {
        List<ListenerState.PendingAccept> out = new ArrayList<>(l.accepts.size());
        for (SimListener.PendingAccept a : l.accepts) {
            out.add(new ListenerState.PendingAccept(a.overlapped.label(), a.into.name, a.receive,
                    a.connection == null ? null : a.connection.peerName));
        }
        return out;
    }
}
