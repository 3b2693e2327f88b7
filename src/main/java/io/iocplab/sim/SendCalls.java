package io.iocplab.sim;

import static io.iocplab.kernel.Win32Error.ERROR_IO_PENDING;
import static io.iocplab.kernel.Win32Error.ERROR_SUCCESS;

import io.iocplab.kernel.IoFailure;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.Release;
import io.iocplab.kernel.SocketObject;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.ThreadState.Wait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * WSASend and the send buffer: sends that wait when the peer does not read (back-pressure).
 *
 * <p>Model (Model decision 16): a socket's send buffer (SO_SNDBUF, the file's {@code sendBuffer}) holds what the
 * server has sent and its peer has not read yet, whether it is still in the buffer, on the wire, or in the peer's
 * receive buffer. A send's bytes are taken into it, in issue order, as far as there is room; a send completes
 * when its last byte has been taken. So:
 * <ul>
 *   <li>a WSASend that fits completes at once (0, with its byte count; a packet unless skip mode), as before;</li>
 *   <li>one that does not fit, or that comes while an earlier one waits, returns SOCKET_ERROR with WSA_IO_PENDING
 *       (997) and completes, through the port, once the peer has read enough: several outstanding sends complete
 *       in the order they were issued [DOC-WSASend: "transmitted in the order in which they are issued"]; a
 *       blocking one waits (wait {@code io}) as a blocking receive does [§4.4];</li>
 *   <li>the peer's reset fails every pending send with ERROR_NETNAME_DELETED, a local close with
 *       ERROR_CONNECTION_ABORTED, CancelIoEx with ERROR_OPERATION_ABORTED (Model decision 5), as for receives;</li>
 *   <li>a socket without {@code sendBuffer} has no limit: every send completes at once.</li>
 * </ul>
 * The real bytes still cross the real socket: each part is written when the model takes it into the buffer,
 * and the peer reads it for real when the model's peer does, so the real socket never holds more than the model.
 */
final class SendCalls {
    private final CallContext m;
    private final Completions completions;
    private final Peers peers;
    private final Consumer<SimSocket> changed;
    private final Hazards hazards;

    /** A WSASend not complete yet: its bytes, in order, of which {@code taken} are in the send buffer. */
    static final class PendingSend {
        final SimThread thread;
        final Overlapped overlapped;
        final boolean completionRoutine;
        final byte[][] gathered;
        final int length;
        int taken;

        PendingSend(SimThread thread, Overlapped overlapped, boolean completionRoutine, byte[][] gathered) {
            this.thread = thread;
            this.overlapped = overlapped;
            this.completionRoutine = completionRoutine;
            this.gathered = gathered;
            this.length = (int) Completions.total(gathered);
        }

        boolean blocking() {
            return overlapped == null;
        }

        int left() {
            return length - taken;
        }

        /** Its next {@code n} bytes, gathered from its WSABUFs in order. */
        byte[] next(int n) {
            byte[] out = new byte[n];
            int skip = taken;
            int at = 0;
            for (byte[] b : gathered) {
                if (skip >= b.length) {
                    skip -= b.length;
                    continue;
                }
                int k = Math.min(b.length - skip, n - at);
                System.arraycopy(b, skip, out, at, k);
                at += k;
                skip = 0;
                if (at == n) {
                    break;
                }
            }
            return out;
        }
    }

    /** @param changed told when a socket's bytes in flight or its pending sends changed */
    SendCalls(CallContext context, Completions completions, Peers peers, Consumer<SimSocket> changed,
              Hazards hazards) {
        this.m = context;
        this.completions = completions;
        this.peers = peers;
        this.changed = changed;
        this.hazards = hazards;
    }

    /** WSASend on a connected socket (the caller has checked the refusals). */
    void wsaSend(SimThread t, Step.WSASend s, SimSocket sock, Overlapped ov) {
        byte[][] gathered = new byte[s.buffers().size()][];
        for (int i = 0; i < gathered.length; i++) {
            gathered[i] = s.buffers().get(i).getBytes(StandardCharsets.UTF_8);
        }
        PendingSend op = new PendingSend(t, ov, s.completionRoutine(), gathered);
        if (ov != null) {
            hazards.issuing(t, s.api(), ov, sock.name, s.buffer());
            ov.issue(s.overlapped().hEventLowBit());
        }
        if (sock.sends.isEmpty()) {
            take(sock, op);
        }
        if (op.left() == 0) {                                          // it fits: done at once
            if (ov != null) {
                complete(sock, op, true, ERROR_SUCCESS);
            }
            changed.accept(sock);
            m.returnNow(t, s.api(), true, ERROR_SUCCESS, out(s.socket(), ov, 0, (long) op.length, gathered), s);
            return;
        }
        sock.sends.addLast(op);
        changed.accept(sock);
        if (ov == null) {                                              // blocking: waits until all is taken
            t.returnLater(s.api(), true, ERROR_SUCCESS, out(s.socket(), null, 0, null, gathered));
            m.block(t, Wait.IO, Release.Cause.BLOCKED_IN_IO, false);
            return;
        }
        m.returnNow(t, s.api(), false, ERROR_IO_PENDING, out(s.socket(), ov, -1, null, gathered), s);
    }

    /**
     * The peer read: room in the send buffer; pending sends take their bytes in order, the finished ones complete.
     * (The caller says the socket changed.)
     */
    void pump(SimSocket sock) {
        while (!sock.sends.isEmpty() && room(sock) > 0) {
            PendingSend op = sock.sends.peekFirst();
            take(sock, op);
            if (op.left() > 0) {
                break;
            }
            sock.sends.removeFirst();
            complete(sock, op, false, ERROR_SUCCESS);
        }
    }

    /**
     * Every pending send of the socket fails with this status (a reset, a local close); bytes already taken went.
     * (The caller says the socket changed.)
     */
    void failPending(SimSocket sock, int status) {
        List<PendingSend> ops = new ArrayList<>(sock.sends);
        sock.sends.clear();
        for (PendingSend op : ops) {
            complete(sock, op, false, status);
        }
    }

    /** CancelIoEx: the matching pending overlapped sends complete with ERROR_OPERATION_ABORTED; true if any matched. */
    boolean cancel(SimSocket sock, String overlapped) {
        List<PendingSend> matching = new ArrayList<>();
        for (PendingSend op : sock.sends) {
            if (!op.blocking() && (overlapped == null || op.overlapped.label().equals(overlapped))) {
                matching.add(op);
            }
        }
        for (PendingSend op : matching) {
            sock.sends.remove(op);
            complete(sock, op, false, IoFailure.CANCELLED.status());
        }
        if (!matching.isEmpty()) {
            pump(sock);                                               // the next one may take its bytes now
            changed.accept(sock);
        }
        return !matching.isEmpty();
    }

    /** How many more bytes the send buffer takes now. */
    static long room(SimSocket sock) {
        if (sock.sendBuffer == SimSocket.UNLIMITED) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, sock.sendBuffer - sock.link.toPeer.size());
    }

    /** As many of the send's bytes as there is room for go into the buffer: written for real, read by the peer later. */
    private void take(SimSocket sock, PendingSend op) {
        int n = (int) Math.min(op.left(), room(sock));
        if (n == 0) {
            return;
        }
        byte[][] buffers = op.taken == 0 && n == op.length ? op.gathered : new byte[][] {op.next(n)};
        try {
            sock.link.real.serverSend(buffers);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        op.taken += n;
        sock.bytesOut += n;
        peers.serverSent(sock.link, buffers);
    }

    /** The send ends: a blocked thread returns, or the overlapped operation completes (a packet, or its routine). */
    private void complete(SimSocket sock, PendingSend op, boolean atOnce, int status) {
        boolean ok = status == ERROR_SUCCESS;
        long n = ok ? op.length : 0;
        if (op.blocking()) {
            op.thread.returnLater(Api.WSASend, ok, ok ? ERROR_SUCCESS : SocketObject.winsockError(status),
                    out(sock.name, null, ok ? 0 : -1, ok ? n : null, op.gathered));
            m.wake(op.thread);
            return;
        }
        completions.complete(sock.kernel, Api.WSASend, op.overlapped, op.completionRoutine ? op.thread : null, atOnce,
                status, n, ok ? op.gathered : new byte[op.gathered.length][0], null, null);
    }

    private static CallResult out(String socket, Overlapped ov, int result, Long bytes, byte[][] gathered) {
        List<Integer> lengths = new ArrayList<>(gathered.length);
        for (byte[] b : gathered) {
            lengths.add(b.length);
        }
        return new CallResult.SocketIo(socket, ov == null ? null : ov.label(), result, bytes, lengths);
    }
}
