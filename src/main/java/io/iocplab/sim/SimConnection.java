package io.iocplab.sim;

/**
 * One TCP connection between a server-side socket and its peer: the model's view of it and the real
 * connection underneath.
 *
 * <p>Model: bytes the peer sent arrive {@code latency} after they were sent; until a receive takes them
 * they wait here ({@code inbound}: only counted, the real bytes wait in the real socket's buffer). What
 * the server sent waits in {@code toPeer} until the peer reads it. A connection that came through a
 * listener has no socket until an AcceptEx takes it; its bytes, FIN or RST wait here meanwhile. Once the
 * server side is done with it (closesocket, DisconnectEx) it is over: what the peer does later reaches
 * nothing the program could see.
 */
final class SimConnection {
    /** The peer's name: the socket's, for a peer of the file's {@code sockets:}, or the client's own. */
    final String peerName;
    final Peer peer;
    /** The listener the peer connected to, or null for a socket connected from the start. */
    final SimListener listener;
    Connection real;
    /** The server-side socket it belongs to, or null while it waits to be accepted. */
    SimSocket socket;
    /** An AcceptEx that took this connection and waits for its first bytes, or null. */
    SimListener.PendingAccept acceptWaiting;

    /** Bytes that have arrived and that no receive has taken yet. */
    long inbound;
    /** The peer's FIN has arrived (after every byte it sent). */
    boolean finArrived;
    boolean finConfirmed;
    /** The peer's RST has arrived: pending operations failed, later calls fail at once. */
    boolean reset;
    /** The server side is done with it (closed or disconnected). */
    boolean over;
    /** The peer has closed its end (FIN) or reset it: it sends nothing more. */
    boolean peerClosed;
    /** The peer reset its end: its socket is gone, so what the server sends it is never read. */
    boolean peerReset;
    /**
     * What the server sent and the peer has not read yet, in order (the model's copy of the real bytes): in the
     * send buffer, on the wire, or arrived and not read.
     */
    final ByteQueue toPeer = new ByteQueue();
    /** Whether the peer reads what arrives (a peer may stop reading, and resume). */
    boolean peerReading = true;
    /** Bytes of {@code toPeer} that have reached the peer while it was not reading. */
    long arrivedUnread;

    SimConnection(String peerName, Peer peer, SimListener listener) {
        this.peerName = peerName;
        this.peer = peer;
        this.listener = listener;
    }

    /** Bytes or the end of the stream are there for a receive to take without waiting. */
    boolean readable() {
        return inbound > 0 || finArrived;
    }

    /** Takes {@code n} of the bytes that arrived into buffers of these lengths: a real scatter read. */
    byte[][] read(int[] lengths, int n) {
        byte[][] landed;
        try {
            landed = real.serverReceive(lengths, n);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
        inbound -= n;
        return landed;
    }

    /** Copies {@code n} of the bytes that arrived into buffers of these lengths, leaving them to be received (MSG_PEEK). */
    byte[][] peek(int[] lengths, int n) {
        try {
            return real.serverPeek(lengths, n);
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
    }

    /** A receive sees the end of the stream: the real socket is checked, once, to have seen the peer's FIN. */
    void confirmEnd() {
        if (!finConfirmed) {
            confirm(real::serverExpectEnd);
            finConfirmed = true;
        }
    }

    /** The peer's RST reached the server side: the real socket is checked to have seen it. */
    void confirmReset() {
        confirm(real::serverExpectReset);
    }

    private static void confirm(Check check) {
        try {
            check.run();
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Check {
        void run() throws ConnectionException;
    }

    /** The name of the server-side handle the peer talks to: its socket, or while it waits, its listener. */
    String serverName() {
        return socket != null ? socket.name : listener != null ? listener.name : null;
    }

    @Override
    public String toString() {
        return peerName;
    }
}
