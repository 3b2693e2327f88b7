package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_INVALID_PARAMETER;
import static io.iocplab.kernel.Win32Error.ERROR_IO_INCOMPLETE;
import static io.iocplab.kernel.Win32Error.ERROR_IO_PENDING;
import static io.iocplab.kernel.Win32Error.ERROR_INVALID_HANDLE;
import static io.iocplab.kernel.Win32Error.ERROR_NOT_FOUND;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;
import static io.iocplab.kernel.Win32Error.WSAECONNRESET;
import static io.iocplab.kernel.Win32Error.WSAENOTSOCK;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.SocketObject;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ThreadState.Wait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Winsock calls on scenario sockets (iocp-semantics.md §4), and what happens when the peer's
 * bytes, FIN or RST reach a socket.
 *
 * <p>An overlapped WSARecv or WSASend ends in one of three ways [DOC-WSARecv; DOC-WSASend]:
 * <ul>
 *   <li>completed at once: returns 0 with the byte count, and still queues a packet unless the
 *       socket skips the port on success (Model decision 10);</li>
 *   <li>pending: returns SOCKET_ERROR with WSA_IO_PENDING (997); a packet when it completes;</li>
 *   <li>failed at once (reset, closed, refused): SOCKET_ERROR with the error, and never a packet.</li>
 * </ul>
 * With a NULL OVERLAPPED the call is blocking: the thread waits, and gives up its slot on its
 * port while it does (§4.4). Whether a completion becomes a packet is the kernel's rule
 * ({@link SocketObject#queuesPacket}); this class only applies it at the right virtual time.
 */
final class SocketCalls {
    private final CallContext m;
    private final Runnable socketClosed;
    private final Peers peers;

    /** @param socketClosed told when a program has closed a socket */
    SocketCalls(CallContext context, Runnable socketClosed, Peers peers) {
        this.m = context;
        this.socketClosed = socketClosed;
        this.peers = peers;
    }

    // ------------------------------------------------------------------ WSARecv

    void wsaRecv(SimThread t, Step.WSARecv s) {
        SimSocket sock = m.socket(s.socket());
        Overlapped ov = s.overlapped() == null ? null : m.overlapped(s.overlapped().label());
        int refused = refusal(sock, s.completionRoutine());
        if (refused != ERROR_SUCCESS) {
            m.returnNow(t, s.api(), false, refused, ioOut(s.socket(), ov, -1, null, s.buffers()), s);
            return;
        }
        int[] lengths = s.buffers().stream().mapToInt(Integer::intValue).toArray();
        SimSocket.PendingReceive op = new SimSocket.PendingReceive(t, ov, lengths, s.completionRoutine());
        if (ov != null) {
            ov.issue(s.overlapped().hEventLowBit());
        }
        if (sock.pending.isEmpty() && sock.readable()) {          // completes at once
            byte[][] landed = receive(sock, op);
            long n = total(landed);
            if (ov != null) {
                finishOverlapped(sock, op, true, ERROR_SUCCESS, n, landed);
            }
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
    private static int refusal(SimSocket sock, boolean completionRoutine) {
        if (sock.closed) {
            return WSAENOTSOCK;
        }
        if (sock.reset) {
            return WSAECONNRESET;                                  // S27: immediate failure, Winsock mapping
        }
        return sock.kernel.refuseCall(completionRoutine);          // Model decision 9
    }

    /** Takes the bytes that have arrived (or the end of the stream) into the receive's WSABUFs. */
    private byte[][] receive(SimSocket sock, SimSocket.PendingReceive op) {
        int n = (int) Math.min(sock.inbound, op.capacity());
        if (n == 0) {
            if (!sock.finConfirmed) {
                confirm(() -> sock.connection.serverExpectEnd());
                sock.finConfirmed = true;
            }
            return new byte[op.lengths().length][0];
        }
        byte[][] landed = read(sock, op.lengths(), n);
        sock.inbound -= n;
        sock.bytesIn += n;
        return landed;
    }

    private byte[][] read(SimSocket sock, int[] lengths, int n) {
        try {
            return sock.connection.serverReceive(lengths, n);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
    }

    /** Bytes reached the socket: pending receives take them, oldest first. */
    void arrived(SimSocket sock, long n) {
        sock.inbound += n;
        drain(sock);
    }

    /** The peer's FIN reached the socket: after the bytes, pending receives complete with 0 bytes. */
    void finArrived(SimSocket sock) {
        sock.finArrived = true;
        drain(sock);
    }

    private void drain(SimSocket sock) {
        while (!sock.pending.isEmpty() && sock.readable() && !sock.closed) {
            SimSocket.PendingReceive op = sock.pending.removeFirst();
            byte[][] landed = receive(sock, op);
            complete(sock, op, ERROR_SUCCESS, total(landed), landed);
        }
    }

    /**
     * The peer's RST reached the socket: what had arrived is discarded, and every pending receive
     * completes with ERROR_NETNAME_DELETED ({@link IoFailure#PEER_RESET}, Model decision 5) [OBS].
     */
    void resetArrived(SimSocket sock) {
        confirm(() -> sock.connection.serverExpectReset());
        sock.reset = true;
        sock.inbound = 0;
        failPending(sock, IoFailure.PEER_RESET.status());
    }

    private void failPending(SimSocket sock, int status) {
        List<SimSocket.PendingReceive> ops = new ArrayList<>(sock.pending);
        sock.pending.clear();
        for (SimSocket.PendingReceive op : ops) {
            complete(sock, op, status, 0, new byte[op.lengths().length][0]);
        }
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
        finishOverlapped(sock, op, false, status, n, landed);
    }

    /** The kernel finishes the operation: io.complete, then the packet (or the status block). */
    private void finishOverlapped(SimSocket sock, SimSocket.PendingReceive op, boolean atOnce, int status, long n,
                                  byte[][] landed) {
        SocketObject k = sock.kernel;
        m.memory().land(op.overlapped().label(), landed);
        boolean packet = k.queuesPacket(op.overlapped(), op.completionRoutine(), atOnce) && !k.port().isClosed();
        m.emit((tUs, seq, moment) -> new IoComplete(tUs, seq, moment, sock.name, Api.WSARecv, op.overlapped().label(),
                status, n, texts(landed), packet));
        k.complete(op.overlapped(), op.completionRoutine(), atOnce, status, n);
    }

    // ------------------------------------------------------------------ WSASend

    void wsaSend(SimThread t, Step.WSASend s) {
        SimSocket sock = m.socket(s.socket());
        Overlapped ov = s.overlapped() == null ? null : m.overlapped(s.overlapped().label());
        int refused = refusal(sock, s.completionRoutine());
        if (refused != ERROR_SUCCESS) {
            m.returnNow(t, s.api(), false, refused, ioOut(s.socket(), ov, -1, null, sendLengths(s)), s);
            return;
        }
        byte[][] gathered = new byte[s.buffers().size()][];
        for (int i = 0; i < gathered.length; i++) {
            gathered[i] = s.buffers().get(i).getBytes(StandardCharsets.UTF_8);
        }
        send(sock, gathered);
        long n = total(gathered);
        if (ov != null) {
            ov.issue(s.overlapped().hEventLowBit());
            SocketObject k = sock.kernel;
            boolean packet = k.queuesPacket(ov, s.completionRoutine(), true) && !k.port().isClosed();
            m.emit((tUs, seq, moment) -> new IoComplete(tUs, seq, moment, sock.name, Api.WSASend, ov.label(),
                    ERROR_SUCCESS, n, texts(gathered), packet));
            k.complete(ov, s.completionRoutine(), true, ERROR_SUCCESS, n);
        }
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, ioOut(s.socket(), ov, 0, n, sendLengths(s)), s);
    }

    /** Writes the gathered buffers on the real socket; the peer reads them one latency later. */
    void send(SimSocket sock, byte[][] gathered) {
        try {
            sock.connection.serverSend(gathered);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        sock.bytesOut += total(gathered);
        peers.serverSent(sock, gathered);
    }

    // ------------------------------------------------------------------ the other socket calls

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

    /** CancelIoEx: each matching pending operation completes with ERROR_OPERATION_ABORTED [DOC-CancelIoEx]. */
    void cancelIoEx(SimThread t, Step.CancelIoEx s) {
        SimSocket sock = m.socket(s.socket());
        List<SimSocket.PendingReceive> matching = new ArrayList<>();
        for (SimSocket.PendingReceive op : sock.pending) {
            if (!op.blocking() && (s.overlapped() == null || op.overlapped().label().equals(s.overlapped()))) {
                matching.add(op);
            }
        }
        CallResult out = new CallResult.Cancelled(s.socket(), s.overlapped());
        if (matching.isEmpty()) {
            m.returnNow(t, s.api(), false, ERROR_NOT_FOUND, out, s);
            return;
        }
        for (SimSocket.PendingReceive op : matching) {
            sock.pending.remove(op);
            complete(sock, op, IoFailure.CANCELLED.status(), 0, new byte[op.lengths().length][0]);
        }
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
    }

    void setNotificationModes(SimThread t, Step.SetFileCompletionNotificationModes s) {
        m.socket(s.socket()).kernel.addNotificationModes(s.skipCompletionPortOnSuccess(), s.skipSetEventOnHandle());
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, new CallResult.OnSocket(s.socket()), s);
    }

    /**
     * closesocket with I/O pending: each pending operation completes with ERROR_CONNECTION_ABORTED
     * ({@link IoFailure#LOCAL_CLOSE}, Model decision 5) [WINE-sock {@code iocp_async_read_closesocket}].
     */
    void closesocket(SimThread t, Step.closesocket s) {
        SimSocket sock = m.socket(s.socket());
        CallResult out = new CallResult.OnSocket(s.socket());
        if (sock.closed) {
            m.returnNow(t, s.api(), false, WSAENOTSOCK, out, s);
            return;
        }
        failPending(sock, IoFailure.LOCAL_CLOSE.status());
        sock.closed = true;
        sock.connection.serverClose();
        socketClosed.run();
        m.returnNow(t, s.api(), true, ERROR_SUCCESS, out, s);
    }

    /** CreateIoCompletionPort(socket, port, key, 0): associates, or fails with 87 [DOC-CICP; WINE-fd]. */
    void createIoCompletionPort(SimThread t, Step.CreateIoCompletionPort s) {
        if (Step.CreateIoCompletionPort.INVALID_HANDLE_VALUE.equals(s.socket())) {   // an existing port with no handle [WINE-kb; ROS-k32]
            m.returnNow(t, s.api(), false, ERROR_INVALID_PARAMETER, new CallResult.Associated(s.socket(), null), s);
            return;
        }
        SimSocket sock = m.socket(s.socket());
        CompletionPort port = m.port(s.port());
        int error = sock.closed ? ERROR_INVALID_HANDLE : sock.kernel.associate(port, s.key());
        boolean ok = error == ERROR_SUCCESS;
        m.returnNow(t, s.api(), ok, error, new CallResult.Associated(s.socket(), ok ? s.port() : null), s);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The out-values of WSARecv/WSASend: socket, overlapped, result (0 or SOCKET_ERROR), bytes (when it
     * completed at once), and, as an extension, the WSABUF lengths the call passed.
     */
    private static CallResult ioOut(String socket, Overlapped ov, int result, Long bytes, List<Integer> wsabufs) {
        return new CallResult.SocketIo(socket, ov == null ? null : ov.label(), result, bytes, wsabufs);
    }

    private static void confirm(ConnectionCheck check) {
        try {
            check.run();
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface ConnectionCheck {
        void run() throws ConnectionException;
    }

    private static List<Integer> lengthsOf(SimSocket.PendingReceive op) {
        return java.util.Arrays.stream(op.lengths()).boxed().toList();
    }

    private static List<Integer> sendLengths(Step.WSASend s) {
        return s.buffers().stream().map(b -> b.getBytes(StandardCharsets.UTF_8).length).toList();
    }

    static long total(byte[][] buffers) {
        long n = 0;
        for (byte[] b : buffers) {
            n += b.length;
        }
        return n;
    }

    static List<String> texts(byte[][] buffers) {
        List<String> out = new ArrayList<>(buffers.length);
        for (byte[] b : buffers) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return List.copyOf(out);
    }
}
