package io.iocplab.sim;

import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.SocketObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket on 127.0.0.1 (the file's {@code listeners:}): clients connect to it, and AcceptEx
 * calls issued on it give each connection a socket.
 *
 * <p>Rules: a connection that arrives while an AcceptEx is pending goes to the oldest one (issue order);
 * otherwise it waits in the backlog, oldest first, for the next AcceptEx. An AcceptEx that asks for first
 * data keeps waiting once it has its connection, until bytes (or the end of the stream) arrive
 * [WINE-sock {@code test_AcceptEx}]. Its completion comes through the listener's port, with the listener's
 * key: the listener is the handle the operation was issued on.
 */
final class SimListener {
    final String name;
    final SocketObject kernel;
    /** The send buffer (SO_SNDBUF) of the sockets it accepts, or {@link SimSocket#UNLIMITED}. */
    final long sendBuffer;
    Connection.Listener real;
    boolean closed;
    /** The AcceptEx calls not yet complete, in issue order; one that has its connection waits for its first data. */
    final List<PendingAccept> accepts = new ArrayList<>();
    /** Connections that arrived while no AcceptEx was free, oldest first. */
    final ArrayDeque<SimConnection> backlog = new ArrayDeque<>();

    /** An AcceptEx waiting: into which socket, with which OVERLAPPED, for how many bytes of first data. */
    static final class PendingAccept {
        final SimThread thread;
        final Overlapped overlapped;
        final SimSocket into;
        final int receive;
        /** The connection it took, or null while none has arrived. */
        SimConnection connection;

        PendingAccept(SimThread thread, Overlapped overlapped, SimSocket into, int receive) {
            this.thread = thread;
            this.overlapped = overlapped;
            this.into = into;
            this.receive = receive;
        }
    }

    SimListener(String name, long sendBuffer) {
        this.name = name;
        this.kernel = new SocketObject(name);
        this.sendBuffer = sendBuffer;
    }

    /** The oldest AcceptEx that has no connection yet, or null. */
    PendingAccept freeAccept() {
        for (PendingAccept a : accepts) {
            if (a.connection == null) {
                return a;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name;
    }
}
