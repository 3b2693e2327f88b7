package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_INVALID_HANDLE;
import static io.iocplab.kernel.Win32Error.ERROR_INVALID_PARAMETER;
import static io.iocplab.kernel.Win32Error.ERROR_IO_INCOMPLETE;
import static io.iocplab.kernel.Win32Error.ERROR_IO_PENDING;
import static io.iocplab.kernel.Win32Error.ERROR_NOT_FOUND;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;
import static io.iocplab.kernel.Win32Error.WSAECONNRESET;
import static io.iocplab.kernel.Win32Error.WSAENOTCONN;
import static io.iocplab.kernel.Win32Error.WSAENOTSOCK;
import static io.iocplab.kernel.Win32Error.WSAESHUTDOWN;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.SocketObject;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.ThreadState.Wait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Winsock calls on scenario sockets (iocp-semantics.md §4), and what happens when the peer's
 * bytes, FIN or RST reach a connection.
 *
 * <p>An overlapped WSARecv or WSASend ends in one of three ways [DOC-WSARecv; DOC-WSASend]:
 * <ul>
 *   <li>completed at once: returns 0 with the byte count, and still queues a packet unless the
 *       socket skips the port on success (Model decision 10);</li>
 *   <li>pending: returns SOCKET_ERROR with WSA_IO_PENDING (997); a packet when it completes;</li>
 *   <li>failed at once (not connected, reset, closed, refused): SOCKET_ERROR with the error, and never
 *       a packet.</li>
 * </ul>
 * With a NULL OVERLAPPED the call is blocking: the thread waits, and gives up its slot on its
 * port while it does (§4.4). A listener's AcceptEx calls are {@link AcceptCalls}'; this class hands them
 * what concerns a listener (closing it, cancelling on it, a connection that has not been accepted yet).
 */
final class SocketCalls {
    private final CallContext m;
    private final Runnable socketClosed;
    private final Peers peers;
    private final Completions completions;
    private final AcceptCalls accepts;
    private final SendCalls sends;
    private final Hazards hazards;

    /** @param socketClosed told when a program has closed a socket */
    SocketCalls(CallContext context, Runnable socketClosed, Peers peers, ApcCalls apcs, Hazards hazards) {
        this.m = context;
        this.socketClosed = socketClosed;
        this.peers = peers;
        this.hazards = hazards;
        this.completions = new Completions(context, apcs, hazards);
        this.accepts = new AcceptCalls(context, completions, this, hazards);
        this.sends = new SendCalls(context, completions, peers, this::changed, hazards);
    }

    AcceptCalls accepts() {
        return accepts;
    }

    // ------------------------------------------------------------------ WSARecv

    void wsaRecv(SimThread t, Step.WSARecv s) {
        SimSocket sock = m.socket(s.socket());
        Overlapped ov = s.overlapped() == null ? null : m.overlapped(s.overlapped().label());
        int refused = refusal(t, s.api(), sock, s.completionRoutine());
        if (refused != ERROR_SUCCESS) {
            m.returnNow(t, s.api(), false, refused, ioOut(s.socket(), ov, -1, null, s.buffers()), s);
            return;
        }
        int[] lengths = s.buffers().stream().mapToInt(Integer::intValue).toArray();
        SimSocket.PendingReceive op = new SimSocket.PendingReceive(t, ov, lengths, s.completionRoutine(), s.peek());
        if (ov != null) {
            hazards.issuing(t, s.api(), ov, s.socket(), s.buffer());
            ov.issue(s.overlapped().hEventLowBit());
        }
        if (sock.pending.isEmpty() && sock.readable()) {          // completes at once
            byte[][] landed = receive(sock, op);
            long n = Completions.total(landed);
            if (ov != null) {
                finishReceive(sock, op, true, ERROR_SUCCESS, n, landed);
            }
            changed(sock);
            m.returnNow(t, s.api(), true, ERROR_SUCCESS, ioOut(s.socket(), ov, 0, n, s.buffers()), s);
            return;
        }
        sock.pending.addLast(op);
        if (ov == null) {                                          // blocking: wait for the bytes
            t.returnLater(s.api(), true, ERROR_SUCCESS, ioOut(s.socket(), null, 0, null, s.buffers()));
            m.block(t, Wait.IO, Release.Cause.BLOCKED_IN_IO, false);
            return;
        }
        m.returnNow(t, s.api(), false, ERROR_IO_PENDING, ioOut(s.socket(), ov, -1, null, s.buffers()), s);
    }

    /** Why a call on this socket fails when issued, or 0 [DOC-WSARecv "no completion indication"]. */
    private int refusal(SimThread t, Api api, SimSocket sock, boolean completionRoutine) {
        if (sock.closed()) {
            hazards.closedHandle(t, api, sock.name, false);
            return WSAENOTSOCK;
        }
        if (sock.link == null) {
            return WSAENOTCONN;                                    // not accepted yet, or disconnected
        }
        if (sock.link.reset) {
            return WSAECONNRESET;                                  // S27: immediate failure, Winsock mapping
        }
        return sock.kernel.refuseCall(completionRoutine);          // Model decision 9
    }

    /**
     * Takes the bytes that have arrived (or the end of the stream) into the receive's WSABUFs. A zero-byte
     * receive (its WSABUFs hold nothing) completes with 0 bytes as soon as bytes are there, and leaves them for
     * the receive that follows: the way a server waits for data without tying up a buffer per connection
     * [WINE-sock {@code test_empty_recv}]. A peek (MSG_PEEK) copies the bytes and leaves them too [DOC-WSARecv].
     */
    private byte[][] receive(SimSocket sock, SimSocket.PendingReceive op) {
        SimConnection c = sock.link;
        int n = (int) Math.min(c.inbound, op.capacity());
        if (n == 0) {
            if (c.inbound == 0) {
                c.confirmEnd();                                    // nothing more will ever come
            }
            return Completions.empty(op.lengths().length);
        }
        if (op.peek()) {
            return c.peek(op.lengths(), n);
        }
        byte[][] landed = c.read(op.lengths(), n);
        sock.bytesIn += n;
        return landed;
    }

    // ------------------------------------------------------------------ what reaches a connection

    /** Bytes reached the connection: its socket's pending receives take them, oldest first. */
    void arrived(SimConnection c, long n) {
        c.inbound += n;
        delivered(c);
    }

    /** The peer's FIN reached the connection: after the bytes, pending receives complete with 0 bytes. */
    void finArrived(SimConnection c) {
        c.finArrived = true;
        delivered(c);
    }

    private void delivered(SimConnection c) {
        if (c.over) {
            return;                                                // the server side is done with it
        }
        if (c.socket != null) {
            drain(c.socket);
            changed(c.socket);
        } else {
            accepts.firstData(c);                                  // not accepted yet: an AcceptEx may wait for it
        }
    }

    /** Pending receives take what is readable, oldest first (a zero-byte receive or a peek leaves it for the next). */
    void drain(SimSocket sock) {
        while (!sock.pending.isEmpty() && sock.readable() && !sock.closed()) {
            SimSocket.PendingReceive op = sock.pending.removeFirst();
            byte[][] landed = receive(sock, op);
            complete(sock, op, ERROR_SUCCESS, Completions.total(landed), landed);
        }
    }

    /**
     * The peer's RST reached the connection: what had arrived is discarded, and every pending receive
     * completes with ERROR_NETNAME_DELETED ({@link IoFailure#PEER_RESET}, Model decision 5) [OBS].
     */
    void resetArrived(SimConnection c) {
        if (c.over) {
            return;
        }
        c.reset = true;
        c.inbound = 0;
        if (c.socket == null) {
            accepts.resetBeforeAccepted(c);
            return;
        }
        c.confirmReset();
        failPending(c.socket, IoFailure.PEER_RESET.status());
        changed(c.socket);
    }

    /** Every pending receive, then every pending send, of the socket completes with this failure. */
    void failPending(SimSocket sock, int status) {
        List<SimSocket.PendingReceive> ops = new ArrayList<>(sock.pending);
        sock.pending.clear();
        for (SimSocket.PendingReceive op : ops) {
            complete(sock, op, status, 0, Completions.empty(op.lengths().length));
        }
        sends.failPending(sock, status);
    }

    /** The peer read what the server sent: room in the send buffer for the sends that wait. */
    void peerRead(SimConnection c) {
        if (c.socket != null && !c.over) {
            sends.pump(c.socket);
            changed(c.socket);
        }
    }

    /** The bytes in flight or the pending sends of a socket with a send buffer changed: {@code socket.state}. */
    void changed(SimSocket sock) {
        SimConnection c = sock.link;
        if (sock.sendBuffer == SimSocket.UNLIMITED || c == null) {
            return;
        }
        long sending = 0;
        for (SendCalls.PendingSend op : sock.sends) {
            sending += op.left();
        }
        long waiting = sending;
        m.emit((tUs, seq, moment) -> new SocketState(tUs, seq, moment, sock.name, c.inbound, c.toPeer.size(), waiting,
                sock.sendBuffer, sock.sends.size(), c.peerReading));
    }

    /** A pending receive ends: a blocked thread returns, or the overlapped operation completes. */
    private void complete(SimSocket sock, SimSocket.PendingReceive op, int status, long n, byte[][] landed) {
        if (op.blocking()) {
            SimThread t = op.thread();
            boolean ok = status == ERROR_SUCCESS;
            t.returnLater(Api.WSARecv, ok, ok ? ERROR_SUCCESS : SocketObject.winsockError(status),
                    ioOut(sock.name, null, ok ? 0 : -1, ok ? n : null, lengthsOf(op)));
            m.wake(t);
            return;
        }
        finishReceive(sock, op, false, status, n, landed);
    }

    /** The kernel finishes a receive: the bytes stay in the OVERLAPPED's buffers for the program to read. */
    private void finishReceive(SimSocket sock, SimSocket.PendingReceive op, boolean atOnce, int status, long n,
                               byte[][] landed) {
        m.memory().land(op.overlapped().label(), landed);
        completions.complete(sock.kernel, Api.WSARecv, op.overlapped(), op.completionRoutine() ? op.thread() : null,
                atOnce, status, n, landed, null, null);
    }

    // ------------------------------------------------------------------ WSASend

    /** WSASend: refused when the socket cannot send, else the send buffer decides ({@link SendCalls}). */
    void wsaSend(SimThread t, Step.WSASend s) {
        SimSocket sock = m.socket(s.socket());
        Overlapped ov = s.overlapped() == null ? null : m.overlapped(s.overlapped().label());
        int refused = refusal(t, s.api(), sock, s.completionRoutine());
        if (refused == ERROR_SUCCESS && sock.phase == SimSocket.Phase.DISCONNECTING) {
            refused = WSAESHUTDOWN;                                // DisconnectEx has sent the FIN
        }
        if (refused != ERROR_SUCCESS) {
            m.returnNow(t, s.api(), false, refused, ioOut(s.socket(), ov, -1, null, sendLengths(s)), s);
            return;
        }
        sends.wsaSend(t, s, sock, ov);
    }

    // ------------------------------------------------------------------ the other socket calls

    /**
     * WSAGetOverlappedResult (fWait FALSE) reads the OVERLAPPED's status block, also after the socket was closed:
     * Wine's tests, run on Windows, read it after closesocket [WINE-sock {@code test_AcceptEx}].
     */
    void getOverlappedResult(SimThread t, Step.WSAGetOverlappedResult s) {
        Overlapped ov = m.overlapped(s.overlapped());
        if (ov.isPending()) {                                       // fWait FALSE, not finished [DOC-WSAGOR]
            m.returnNow(t, s.api(), false, ERROR_IO_INCOMPLETE,
                    new CallResult.OverlappedResult(s.socket(), s.overlapped(), null), s);
            return;
        }
        boolean ok = ov.internal() == ERROR_SUCCESS;
        m.returnNow(t, s.api(), ok, SocketObject.winsockError(ov.internal()),
                new CallResult.OverlappedResult(s.socket(), s.overlapped(), ov.internalHigh()), s);
    }

    /**
     * CancelIoEx: each matching pending operation completes with ERROR_OPERATION_ABORTED [DOC-CancelIoEx];
     * on a listener, its pending AcceptEx calls.
     */
    void cancelIoEx(SimThread t, Step.CancelIoEx s) {
        CallResult out = new CallResult.Cancelled(s.socket(), s.overlapped());
        if (closed(s.socket())) {
            hazards.closedHandle(t, s.api(), s.socket(), false);
            m.returnNow(t, s.api(), false, ERROR_INVALID_HANDLE, out, s);
            return;
        }
        SimListener listener = m.listener(s.socket());
        boolean found = listener != null ? accepts.cancel(listener, s.overlapped()) : cancel(m.socket(s.socket()),
                s.overlapped());
        m.returnNow(t, s.api(), found, found ? ERROR_SUCCESS : ERROR_NOT_FOUND, out, s);
    }

    private boolean cancel(SimSocket sock, String overlapped) {
        List<SimSocket.PendingReceive> matching = new ArrayList<>();
        for (SimSocket.PendingReceive op : sock.pending) {
            if (!op.blocking() && (overlapped == null || op.overlapped().label().equals(overlapped))) {
                matching.add(op);
            }
        }
        for (SimSocket.PendingReceive op : matching) {
            sock.pending.remove(op);
            complete(sock, op, IoFailure.CANCELLED.status(), 0, Completions.empty(op.lengths().length));
        }
        boolean sendsMatched = sends.cancel(sock, overlapped);
        return !matching.isEmpty() || sendsMatched;
    }

    void setNotificationModes(SimThread t, Step.SetFileCompletionNotificationModes s) {
        if (closed(s.socket())) {
            hazards.closedHandle(t, s.api(), s.socket(), false);
            m.returnNow(t, s.api(), false, ERROR_INVALID_HANDLE, new CallResult.OnSocket(s.socket()), s);
            return;
        }
        handle(s.socket()).addNotificationModes(s.skipCompletionPortOnSuccess(), s.skipSetEventOnHandle());
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.OnSocket(s.socket()), s);
    }

    /**
     * closesocket with I/O pending: each pending operation completes with ERROR_CONNECTION_ABORTED
     * ({@link IoFailure#LOCAL_CLOSE}, Model decision 5) [WINE-sock {@code iocp_async_read_closesocket}]; an
     * AcceptEx waiting to accept into the socket, or issued on a closed listener, with
     * ERROR_OPERATION_ABORTED [WINE-sock {@code test_AcceptEx}].
     */
    void closesocket(SimThread t, Step.closesocket s) {
        CallResult out = new CallResult.OnSocket(s.socket());
        SimListener listener = m.listener(s.socket());
        if (closed(s.socket())) {
            hazards.closedHandle(t, s.api(), s.socket(), false);
            m.returnNow(t, s.api(), false, WSAENOTSOCK, out, s);
            return;
        }
        hazards.closed(s.socket());
        if (listener != null) {
            accepts.close(listener);
            m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
            return;
        }
        SimSocket sock = m.socket(s.socket());
        failPending(sock, IoFailure.LOCAL_CLOSE.status());
        if (sock.phase == SimSocket.Phase.ACCEPTING) {
            accepts.abortInto(sock);
        } else if (sock.phase == SimSocket.Phase.DISCONNECTING) {
            accepts.abortDisconnect(sock);
        }
        SimConnection c = sock.link;
        sock.phase = SimSocket.Phase.CLOSED;
        sock.link = null;
        if (c != null) {
            c.over = true;
            c.real.serverClose();
        }
        socketClosed.run();
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
    }

    /** CreateIoCompletionPort(socket, port, key, 0): associates, or fails with 87 [DOC-CICP; WINE-fd]. */
    void createIoCompletionPort(SimThread t, Step.CreateIoCompletionPort s) {
        if (Step.CreateIoCompletionPort.INVALID_HANDLE_VALUE.equals(s.socket())) {   // an existing port with no handle [WINE-kb; ROS-k32]
            m.returnNow(t, s.api(), false, ERROR_INVALID_PARAMETER, new CallResult.Associated(s.socket(), null), s);
            return;
        }
        CompletionPort port = m.port(s.port());
        int error;
        if (closed(s.socket())) {
            hazards.closedHandle(t, s.api(), s.socket(), false);
            error = ERROR_INVALID_HANDLE;
        } else if (port.isClosed()) {
            hazards.closedHandle(t, s.api(), s.port(), true);
            error = ERROR_INVALID_HANDLE;
        } else {
            error = handle(s.socket()).associate(port, s.key());
        }
        boolean ok = error == ERROR_SUCCESS;
        if (ok) {
            hazards.associated(s.key());
        }
        m.returnNow(t, s.api(), ok, error, new CallResult.Associated(s.socket(), ok ? s.port() : null), s);
    }

    /** The kernel object of a socket or a listener. */
    private SocketObject handle(String name) {
        SimListener l = m.listener(name);
        return l != null ? l.kernel : m.socket(name).kernel;
    }

    private boolean closed(String name) {
        SimListener l = m.listener(name);
        return l != null ? l.closed : m.socket(name).closed();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The out-values of WSARecv/WSASend: socket, overlapped, result (0 or SOCKET_ERROR), bytes (when it
     * completed at once), and, as an extension, the WSABUF lengths the call passed.
     */
    private static CallResult ioOut(String socket, Overlapped ov, int result, Long bytes, List<Integer> wsabufs) {
        return new CallResult.SocketIo(socket, ov == null ? null : ov.label(), result, bytes, wsabufs);
    }

    private static List<Integer> lengthsOf(SimSocket.PendingReceive op) {
        return java.util.Arrays.stream(op.lengths()).boxed().toList();
    }

    private static List<Integer> sendLengths(Step.WSASend s) {
        return s.buffers().stream().map(b -> b.getBytes(StandardCharsets.UTF_8).length).toList();
    }
}
