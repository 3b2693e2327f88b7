package io.iocplab.sim;

import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.SocketObject;
import java.util.ArrayDeque;

/**
 * A server-side socket handle: the one a program calls WSARecv, WSASend, AcceptEx or DisconnectEx on.
 * Its connection ({@link SimConnection}) is separate, since a handle outlives connections: an AcceptEx
 * gives it one, a DisconnectEx with TF_REUSE_SOCKET takes it away and leaves the handle for the next
 * AcceptEx, and the handle keeps its completion port all along [DOC-DisconnectEx].
 *
 * <p>Its phase says what may be done with it:
 * <pre>
 *   UNCONNECTED --AcceptEx--&gt; ACCEPTING --accepted--&gt; CONNECTED --DisconnectEx--&gt; DISCONNECTING
 *        ^                        |                                                   |
 *        +-----(aborted)----------+               +--- TF_REUSE_SOCKET ---------------+
 *        +--------------------------------------- +    otherwise --&gt; DISCONNECTED
 *   any --closesocket--&gt; CLOSED
 * </pre>
 * A file's {@code sockets:} are CONNECTED from the start; the sockets its AcceptEx steps name start
 * UNCONNECTED. Pending receives complete in the order they were issued [DOC-WSARecv].
 */
final class SimSocket {
    /** No send buffer limit: every send completes at once, as long as nothing is pending before it. */
    static final long UNLIMITED = -1;

    enum Phase { UNCONNECTED, ACCEPTING, CONNECTED, DISCONNECTING, DISCONNECTED, CLOSED }

    final String name;
    final SocketObject kernel;
    /**
     * SO_SNDBUF: how many bytes the peer may have left unread before a send waits, or {@link #UNLIMITED}; an
     * accepted socket takes its listener's when the AcceptEx completes.
     */
    long sendBuffer;
    Phase phase;
    /** Its connection while CONNECTED or DISCONNECTING, else null. */
    SimConnection link;
    /** The OVERLAPPED of its DisconnectEx while DISCONNECTING, else null. */
    Overlapped disconnecting;
    long bytesIn;
    long bytesOut;

    final ArrayDeque<PendingReceive> pending = new ArrayDeque<>();
    /** WSASend calls waiting for room in the send buffer, oldest first. */
    final ArrayDeque<SendCalls.PendingSend> sends = new ArrayDeque<>();

    /**
     * A WSARecv waiting for bytes: overlapped (a packet or status block at the end) or blocking; a blocking one
     * may peek (MSG_PEEK: the bytes stay in the socket).
     */
    record PendingReceive(SimThread thread, Overlapped overlapped, int[] lengths, boolean completionRoutine,
                          boolean peek) {
        boolean blocking() {
            return overlapped == null;
        }

        int capacity() {
            int sum = 0;
            for (int n : lengths) {
                sum += n;
            }
            return sum;
        }
    }

    SimSocket(String name, long sendBuffer, Phase phase) {
        this.name = name;
        this.kernel = new SocketObject(name);
        this.sendBuffer = sendBuffer;
        this.phase = phase;
    }

    boolean closed() {
        return phase == Phase.CLOSED;
    }

    /** Connected, and its peer has not reset: receives and sends may go on. */
    boolean connected() {
        return (phase == Phase.CONNECTED || phase == Phase.DISCONNECTING) && link != null;
    }

    /** Bytes or the end of the stream are there for a receive to take without waiting. */
    boolean readable() {
        return link != null && link.readable();
    }

    @Override
    public String toString() {
        return name;
    }
}
