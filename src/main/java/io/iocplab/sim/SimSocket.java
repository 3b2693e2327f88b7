package io.iocplab.sim;

import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.SocketObject;
import java.util.ArrayDeque;

/**
 * A scenario socket: the server-side handle a program calls WSARecv and WSASend on, with the
 * model's view of its connection and the real connection underneath.
 *
 * <p>Model: bytes the peer sent arrive {@code latency} after they were sent; until a receive takes
 * them they wait in the socket (here only counted: the real bytes wait in the real socket's buffer).
 * Pending receives complete in the order they were issued [DOC-WSARecv]. A send always completes at
 * once: the model's send buffer never fills.
 */
final class SimSocket {
    final String name;
    final SocketObject kernel;
    final Peer peer;
    Connection connection;

    /** Bytes that have arrived and that no receive has taken yet. */
    long inbound;
    /** The peer's FIN has arrived (after every byte it sent). */
    boolean finArrived;
    boolean finConfirmed;
    /** The peer's RST has arrived: pending receives failed, later calls fail at once. */
    boolean reset;
    /** closesocket was called: the handle is gone. */
    boolean closed;
    long bytesIn;
    long bytesOut;
    /** What the server sent and the peer has not read yet, in order (the model's copy of the real bytes). */
    final ByteQueue toPeer = new ByteQueue();

    final ArrayDeque<PendingReceive> pending = new ArrayDeque<>();

    /** A WSARecv waiting for bytes: overlapped (a packet or status block at the end) or blocking. */
    record PendingReceive(SimThread thread, Overlapped overlapped, int[] lengths, boolean completionRoutine) {
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

    SimSocket(String name, Peer peer) {
        this.name = name;
        this.kernel = new SocketObject(name);
        this.peer = peer;
    }

    /** Bytes or the end of the stream are there for a receive to take without waiting. */
    boolean readable() {
        return inbound > 0 || finArrived;
    }
}
