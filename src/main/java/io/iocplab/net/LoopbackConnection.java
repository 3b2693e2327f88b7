package io.iocplab.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Locale;

/**
 * One real TCP connection on 127.0.0.1 under a scenario socket: the <em>server side</em> (the
 * accepted socket, the one the simulated program calls WSARecv/WSASend on) and the <em>peer</em>
 * (the client end, which sends, receives, closes or resets as the scenario says).
 *
 * <p>Rules kept here:
 * <ul>
 *   <li>Every operation that needs the other end (bytes to arrive, room to write, a FIN, an RST)
 *       waits at most the network's real-time bound, then throws a {@link NetException} whose message
 *       names the socket and the operation. Nothing is papered over: too few bytes, a FIN or an RST
 *       where bytes were expected, data where a FIN was expected are all errors.</li>
 *   <li>A receive reads exactly the bytes asked for, never more: the buffers handed to the read hold
 *       exactly {@code count} bytes in all, so nothing is taken from the stream that a later receive
 *       should see.</li>
 *   <li>{@link #serverReceive} is a real scatter read and {@link #serverSend} a real gather write;
 *       buffer 0 is filled before buffer 1, and so on, with no holes.</li>
 *   <li>The fast path is a plain non-blocking read or write; the selector is used only when that
 *       comes up short.</li>
 *   <li>{@link #peerClose()} is a graceful close: a real FIN (the peer's output is shut down; its
 *       socket is released with the connection). {@link #peerReset()} is an abortive close: SO_LINGER 0
 *       and close, a real RST.</li>
 *   <li>{@link #close()} closes both ends; it is idempotent, and the network's close calls it.</li>
 *   <li>{@link #peerSend} writes and {@link #peerExpect} reads on the network's peers' thread, later and
 *       in order (see {@link PeerThread}): they touch only the peer's channel, and wait on the peers'
 *       selector. Before the server side is closed, and before the peer closes or resets, the operations
 *       already queued are done (so no byte a queued receive has still to read is taken away, and every byte
 *       sent is in the stream before its end); the peer's close and reset then also report the first
 *       operation that failed.</li>
 * </ul>
 *
 * <p>The model decides, the real sockets follow it. Where the operating system shows an event that the
 * model has already decided about, the connection takes it as the model's, and says so here:
 * <ul>
 *   <li>A reset discards what the server side had not read (as Windows does with a pending RST):
 *       {@link #serverExpectReset()} first reads and drops the bytes the peer sent that no receive took,
 *       then expects the reset.</li>
 *   <li>After the peer's reset, a {@link #serverSend} may find the RST already there (the model lets the
 *       send complete, since the reset reaches the socket one latency later): "connection reset" or
 *       "broken pipe" then means the bytes went nowhere, not a failure. A read that then sees the end of
 *       the stream instead of the reset (the failed send consumed it, or the peer had sent its FIN first,
 *       after which Linux reports no reset to a read) is the reset.</li>
 *   <li>After {@link #serverClose()} the server side is gone: the peer's sends, FIN and reset go to a
 *       closed socket, and the errors the operating system then gives the peer (the closed socket answers
 *       with an RST) mean just that; there is nothing left to confirm on the server side.</li>
 * </ul>
 */
public final class LoopbackConnection implements AutoCloseable {

    private static final byte[] NO_BYTES = new byte[0];

    private final LoopbackNetwork network;
    private final String name;
    private final SocketChannel server;
    private final SelectionKey serverKey;
    private final int serverPort;
    private final SocketChannel peer;
    private final int peerPort;
    /** Bytes a peek read from the real socket that no receive has taken yet, from {@code heldAt} on. */
    private byte[] held = NO_BYTES;
    private int heldAt;
    /** Bytes the peer has received and checked so far (only the peers' thread touches it). */
    private long peerChecked;
    /** Scratch space for reads whose bytes are only looked at, never returned (expect end/reset). */
    private ByteBuffer scratch;
    private boolean serverClosed;
    private boolean peerOutputShut;
    private boolean peerClosed;
    /** The peer closed abortively (as opposed to the whole connection being closed). */
    private boolean peerWasReset;
    /** A server-side operation already received the reset (a send after the peer's RST). */
    private boolean resetSeen;
    /** Bytes the peer wrote, and bytes the server side read: the difference is what a reset discards. */
    private long peerSent;
    private long serverRead;

    LoopbackConnection(LoopbackNetwork network, String name,
                       SocketChannel server, SelectionKey serverKey, int serverPort,
                       SocketChannel peer, int peerPort) {
        this.network = network;
        this.name = name;
        this.server = server;
        this.serverKey = serverKey;
        this.serverPort = serverPort;
        this.peer = peer;
        this.peerPort = peerPort;
    }

    /** The scenario name of this socket. */
    public String name() {
        return name;
    }

    /** The real local TCP port of the server side (the peer's remote port). */
    public int serverPort() {
        return serverPort;
    }

    /** The real local TCP port of the peer (the server side's remote port). */
    public int peerPort() {
        return peerPort;
    }

    /** The real-time bound on every wait of this connection. */
    public Duration bound() {
        return network.bound();
    }

    // ------------------------------------------------------------------ server side

    /**
     * WSARecv: reads exactly {@code count} bytes from the peer with one real scatter read (repeated
     * until all have arrived), into buffers of the given lengths, in order, with no holes.
     *
     * @param lengths the WSABUF lengths
     * @param count   how many bytes to read; at most the sum of {@code lengths}
     * @return one array per WSABUF holding exactly the bytes that landed in it (empty for unused ones)
     */
    public byte[][] serverReceive(int[] lengths, int count) throws NetException {
        if (lengths == null) {
            throw new IllegalArgumentException("socket " + name + ": WSARecv needs buffer lengths");
        }
        if (count < 0) {
            throw new IllegalArgumentException("socket " + name + ": WSARecv of a negative count " + count);
        }
        byte[][] landed = new byte[lengths.length][];
        ByteBuffer[] buffers = new ByteBuffer[lengths.length];
        long left = count;
        int used = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("socket " + name + ": WSABUF " + i + " has a negative length");
            }
            int take = (int) Math.min(lengths[i], left);
            left -= take;
            landed[i] = take == 0 ? NO_BYTES : new byte[take];
            buffers[i] = ByteBuffer.wrap(landed[i]);
            if (take > 0) {
                used = i + 1;
            }
        }
        if (left > 0) {
            throw new IllegalArgumentException("socket " + name + ": WSARecv of " + count
                    + " bytes into buffers that hold only " + (count - left));
        }
        if (count == 0) {
            return landed;
        }
        String op = "WSARecv";
        if (serverClosed) {
            throw closed(op, "the socket is closed");
        }
        int first = 0;
        int fromHeld = takeHeld(buffers, used, count);
        int got = fromHeld;
        while (first < used && !buffers[first].hasRemaining()) {
            first++;
        }
        Bound bound = new Bound();
        try {
            while (got < count) {
                long n = server.read(buffers, first, used - first);
                if (n < 0) {
                    throw new NetException(name, NetException.Kind.END_OF_STREAM, "socket " + name + ": " + op
                            + " expected " + bytes(count) + " from the peer, but the peer closed the connection (FIN) after "
                            + got);
                }
                if (n > 0) {
                    got += (int) n;
                    while (first < used && !buffers[first].hasRemaining()) {
                        first++;
                    }
                    continue;
                }
                if (!bound.await(serverKey, SelectionKey.OP_READ)) {
                    throw timeout(op + " expected " + bytes(count) + " from the peer, " + got + " arrived " + within());
                }
            }
        } catch (IOException e) {
            throw failure(op, "after " + got + " of " + bytes(count) + " arrived", e);
        }
        serverRead += count - fromHeld;                // the held bytes were counted when the peek read them
        return landed;
    }

    /**
     * WSARecv with MSG_PEEK: the next {@code count} bytes from the peer, scattered as {@link #serverReceive}
     * does, that stay to be received. The socket API here has no peek of its own, so the bytes are read from
     * the real socket and held, and the next receives take them first: to the program the same bytes.
     */
    public byte[][] serverPeek(int[] lengths, int count) throws NetException {
        String op = "WSARecv (MSG_PEEK)";
        if (serverClosed) {
            throw closed(op, "the socket is closed");
        }
        Bound bound = new Bound();
        try {
            while (held.length - heldAt < count) {
                ByteBuffer more = ByteBuffer.allocate(count - (held.length - heldAt));
                int n = server.read(more);
                if (n < 0) {
                    throw new NetException(name, NetException.Kind.END_OF_STREAM, "socket " + name + ": " + op
                            + " expected " + bytes(count) + " from the peer, but the peer closed the connection (FIN)");
                }
                if (n > 0) {
                    serverRead += n;
                    byte[] grown = java.util.Arrays.copyOfRange(held, heldAt, held.length + n);
                    System.arraycopy(more.array(), 0, grown, held.length - heldAt, n);
                    held = grown;
                    heldAt = 0;
                } else if (!bound.await(serverKey, SelectionKey.OP_READ)) {
                    throw timeout(op + " expected " + bytes(count) + " from the peer " + within());
                }
            }
        } catch (IOException e) {
            throw failure(op, "", e);
        }
        byte[][] landed = new byte[lengths.length][];
        int at = heldAt;
        int left = count;
        for (int i = 0; i < lengths.length; i++) {
            int take = Math.min(lengths[i], left);
            landed[i] = java.util.Arrays.copyOfRange(held, at, at + take);
            at += take;
            left -= take;
        }
        return landed;
    }

    /** Puts bytes a peek held into the receive's buffers first; returns how many. */
    private int takeHeld(ByteBuffer[] buffers, int used, int count) {
        int k = Math.min(count, held.length - heldAt);
        int left = k;
        for (int i = 0; i < used && left > 0; i++) {
            int n = Math.min(left, buffers[i].remaining());
            buffers[i].put(held, heldAt, n);
            heldAt += n;
            left -= n;
        }
        if (heldAt == held.length) {
            held = NO_BYTES;
            heldAt = 0;
        }
        return k;
    }

    /** WSASend: writes the buffers in order with one real gather write (repeated until all is written). */
    public void serverSend(byte[][] data) throws NetException {
        if (serverClosed) {
            throw closed("WSASend", "the socket is closed");
        }
        ByteBuffer[] buffers = new ByteBuffer[data.length];
        long total = 0;
        for (int i = 0; i < data.length; i++) {
            buffers[i] = ByteBuffer.wrap(data[i]);
            total += data[i].length;
        }
        try {
            write(server, "WSASend", "the peer", buffers, total, (bound, ops) -> bound.await(serverKey, ops));
        } catch (NetException e) {
            if (e.kind() != NetException.Kind.RESET || !peerWasReset) {
                throw e;
            }
            resetSeen = true;                  // the peer reset before these bytes could reach it
        }
    }

    /** Confirms that the peer's FIN has arrived: a read sees the end of the stream (not data, not a reset). */
    public void serverExpectEnd() throws NetException {
        String op = "expected the peer's FIN (end of stream)";
        if (serverClosed) {
            throw closed(op, "the socket is closed");
        }
        ByteBuffer buf = scratch();
        Bound bound = new Bound();
        try {
            while (true) {
                buf.clear();
                int n = server.read(buf);
                if (n < 0) {
                    return;
                }
                if (n > 0) {
                    throw new NetException(name, NetException.Kind.UNEXPECTED_DATA, "socket " + name + ": " + op
                            + ", but " + bytes(n) + " of data arrived instead");
                }
                if (!bound.await(serverKey, SelectionKey.OP_READ)) {
                    throw timeout(op + ", nothing arrived " + within());
                }
            }
        } catch (IOException e) {
            throw failure(op, "", e);
        }
    }

    /**
     * Confirms that the peer reset the connection (RST): a read fails with "connection reset" (not
     * data, not a FIN). The failed read consumes the reset, as a WSARecv that fails with WSAECONNRESET
     * does.
     */
    public void serverExpectReset() throws NetException {
        String op = "expected the peer's reset (RST)";
        if (serverClosed) {
            return;                            // closesocket came first: no handle is left to see the reset
        }
        held = NO_BYTES;                               // a reset discards what a peek held, too
        heldAt = 0;
        long unread = peerSent - serverRead;
        if (unread > 0) {
            discard(op, unread);
        }
        ByteBuffer buf = scratch();
        Bound bound = new Bound();
        while (true) {
            int n;
            try {
                buf.clear();
                n = server.read(buf);
            } catch (ClosedChannelException e) {
                throw closed(op, "the socket is closed");
            } catch (IOException e) {
                if (isReset(e)) {
                    return;
                }
                throw failure(op, "", e);
            }
            if (n < 0 && (resetSeen || peerWasReset && peerOutputShut)) {
                return;                        // the reset was reported to a send, or came after the peer's FIN
            }
            if (n < 0) {
                throw new NetException(name, NetException.Kind.END_OF_STREAM, "socket " + name + ": " + op
                        + ", but the peer closed gracefully (FIN) instead");
            }
            if (n > 0) {
                throw new NetException(name, NetException.Kind.UNEXPECTED_DATA, "socket " + name + ": " + op
                        + ", but " + bytes(n) + " of data arrived instead");
            }
            try {
                if (!bound.await(serverKey, SelectionKey.OP_READ)) {
                    throw timeout(op + ", nothing arrived " + within());
                }
            } catch (IOException e) {
                throw failure(op, "", e);
            }
        }
    }

    /** Reads and drops {@code count} bytes that the peer sent and no receive took (a reset discards them). */
    private void discard(String op, long count) throws NetException {
        ByteBuffer buf = scratch();
        long left = count;
        Bound bound = new Bound();
        try {
            while (left > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                int n = server.read(buf);
                if (n > 0) {
                    left -= n;
                    serverRead += n;
                } else if (n < 0) {
                    throw new NetException(name, NetException.Kind.END_OF_STREAM, "socket " + name + ": " + op
                            + ", but the stream ended with " + bytes(left) + " the peer sent still to come");
                } else if (!bound.await(serverKey, SelectionKey.OP_READ)) {
                    throw timeout(op + ", " + bytes(left) + " the peer sent did not arrive " + within());
                }
            }
        } catch (IOException e) {
            throw failure(op, "with " + bytes(left) + " the peer sent still to come", e);
        }
    }

    /** closesocket on the server side: the peer then sees the end of the stream. Idempotent. */
    public void serverClose() {
        if (!serverClosed) {
            network.drainPeers();              // what the peer has still to read stays readable until read
            serverClosed = true;
            network.closeChannel(server);
        }
    }

    // ------------------------------------------------------------------ peer

    /**
     * The peer writes these bytes (repeated until all is written), on the peers' thread, after everything
     * the peer was asked before. A failure is reported by the network's next checkpoint.
     */
    public void peerSend(byte[] data) throws NetException {
        if (peerClosed || peerOutputShut) {
            throw closed("peer send", peerClosed ? "the peer is closed" : "the peer has closed its sending side (FIN)");
        }
        peerSent += data.length;
        byte[] copy = data.clone();
        boolean afterServerClose = serverClosed;
        network.onPeerThread(() -> {
            try {
                write(peer, "peer send", "the server", new ByteBuffer[] {ByteBuffer.wrap(copy)}, copy.length,
                        (bound, ops) -> bound.awaitPeer(peer, ops));
            } catch (NetException e) {
                if (e.kind() != NetException.Kind.RESET || !afterServerClose) {
                    throw e;
                }
                // the server side had closed: its socket answered with an RST, and the bytes went nowhere
            }
        });
    }

    /**
     * The peer reads the next {@code expected.length} bytes the server side sent, on the peers' thread, and
     * checks that they are these: a byte that differs fails with the position in the stream the peer
     * received and both bytes. A failure is reported by the network's next checkpoint.
     */
    public void peerExpect(byte[] expected) throws NetException {
        byte[] copy = expected.clone();
        network.onPeerThread(() -> {
            byte[] got = peerReceive(copy.length);
            int at = java.util.Arrays.mismatch(got, copy);
            if (at >= 0) {
                throw new NetException(name, NetException.Kind.UNEXPECTED_DATA, "socket " + name
                        + ": the peer received byte " + (peerChecked + at) + " as " + show(got[at])
                        + ", but the server sent " + show(copy[at]));
            }
            peerChecked += copy.length;
        });
    }

    /** A byte as a message shows it: 'a' when it is printable ASCII, else its value, 0xc3 (never sign-extended). */
    static String show(byte b) {
        int v = b & 0xFF;
        return v >= 0x20 && v < 0x7F ? "'" + (char) v + "'" : String.format("0x%02x", v);
    }

    /** The peer reads exactly {@code count} bytes that the server side sent. */
    public byte[] peerReceive(int count) throws NetException {
        if (count < 0) {
            throw new IllegalArgumentException("socket " + name + ": peer recv of a negative count " + count);
        }
        String op = "peer recv";
        if (count == 0) {
            return NO_BYTES;
        }
        if (peerClosed) {
            throw closed(op, "the peer is closed");
        }
        byte[] result = new byte[count];
        ByteBuffer buf = ByteBuffer.wrap(result);
        Bound bound = new Bound();
        try {
            while (buf.hasRemaining()) {
                int n = peer.read(buf);
                if (n < 0) {
                    throw new NetException(name, NetException.Kind.END_OF_STREAM, "socket " + name + ": " + op
                            + " expected " + bytes(count) + " from the server, but the server closed the connection after "
                            + buf.position());
                }
                if (n > 0) {
                    continue;
                }
                if (!bound.awaitPeer(peer, SelectionKey.OP_READ)) {
                    throw timeout(op + " expected " + bytes(count) + " from the server, " + buf.position()
                            + " arrived " + within());
                }
            }
        } catch (IOException e) {
            throw failure(op, "after " + buf.position() + " of " + bytes(count) + " arrived", e);
        }
        return result;
    }

    /**
     * The peer closes gracefully: a real FIN (its sending side is shut down; the socket itself is
     * released when the connection or the network is closed). It may still receive what the server
     * sends. Idempotent.
     */
    public void peerClose() throws NetException {
        network.checkpoint();
        if (peerClosed) {
            throw closed("peer close", "the peer is already closed (reset)");
        }
        if (peerOutputShut) {
            return;
        }
        try {
            peer.shutdownOutput();
        } catch (IOException e) {
            if (!serverClosed) {
                throw failure("peer close", "", e);
            }
            // the server side had closed and reset the connection: there is no one left to send a FIN to
        }
        peerOutputShut = true;
    }

    /** The peer closes abortively: SO_LINGER 0 and close, a real RST. */
    public void peerReset() throws NetException {
        network.checkpoint();
        if (peerClosed) {
            throw closed("peer reset", "the peer is already closed");
        }
        try {
            peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            throw failure("peer reset", "", e);
        }
        peerClosed = true;
        peerWasReset = true;
        // closeChannel runs the selector so the descriptor is really closed, and the RST sent, now
        network.closeChannel(peer);
    }

    /** Closes both ends and everything they hold. Idempotent. */
    @Override
    public void close() {
        serverClosed = true;
        peerClosed = true;
        network.closeChannel(server);
        network.closeChannel(peer);
        network.forget(this);
    }

    /** True once both ends are closed. */
    public boolean isClosed() {
        return !server.isOpen() && !peer.isOpen();
    }

    @Override
    public String toString() {
        return "socket " + name + " (server 127.0.0.1:" + serverPort + ", peer 127.0.0.1:" + peerPort + ")";
    }

    // ------------------------------------------------------------------ internals

    /** The accepted, server-side channel (for tests in this package). */
    SocketChannel serverChannel() {
        return server;
    }

    /** The peer's channel (for tests in this package). */
    SocketChannel peerChannel() {
        return peer;
    }

    /** How a write waits until its channel can take more: on the server side's selector or the peers'. */
    @FunctionalInterface
    private interface WriteWait {
        boolean await(Bound bound, int ops) throws IOException;
    }

    private void write(SocketChannel channel, String op, String toWhom, ByteBuffer[] buffers, long total,
                       WriteWait wait) throws NetException {
        long written = 0;
        int first = 0;
        Bound bound = new Bound();
        try {
            while (written < total) {
                long n = channel.write(buffers, first, buffers.length - first);
                if (n > 0) {
                    written += n;
                    while (first < buffers.length && !buffers[first].hasRemaining()) {
                        first++;
                    }
                    continue;
                }
                if (!wait.await(bound, SelectionKey.OP_WRITE)) {
                    throw timeout(op + " could write only " + written + " of " + bytes(total) + " to " + toWhom + " "
                            + within() + " (" + toWhom + " is not reading)");
                }
            }
        } catch (IOException e) {
            throw failure(op, "after " + written + " of " + bytes(total) + " were written", e);
        }
    }

    private ByteBuffer scratch() {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(256);
        }
        return scratch;
    }

    /**
     * The time bound of one operation. It starts when the operation first has to wait (a read or write that
     * made no progress), not when the operation began, and every later wait of the same operation counts
     * against the same deadline: an operation that keeps making a little progress still ends in time.
     */
    private final class Bound {
        private long deadline;
        private boolean started;

        /** Waits on the server side's selector until {@code key} is ready for {@code ops}; false when time is up. */
        boolean await(SelectionKey key, int ops) throws IOException {
            start();
            return network.await(key, ops, deadline);
        }

        /** Waits on the peers' selector until {@code channel} is ready for {@code ops}; false when time is up. */
        boolean awaitPeer(SocketChannel channel, int ops) throws IOException {
            start();
            return network.awaitPeer(channel, ops, deadline);
        }

        private void start() {
            if (!started) {
                started = true;
                deadline = System.nanoTime() + network.boundNanos();
            }
        }
    }

    /** "within 5 s": the bound every wait of an operation has. */
    private String within() {
        return "within " + LoopbackNetwork.format(network.bound());
    }

    private NetException timeout(String what) {
        return new NetException(name, NetException.Kind.TIMEOUT, "socket " + name + ": " + what);
    }

    private NetException closed(String op, String why) {
        return new NetException(name, NetException.Kind.CLOSED, "socket " + name + ": " + op + ": " + why);
    }

    private NetException failure(String op, String when, IOException e) {
        String suffix = when.isEmpty() ? "" : " " + when;
        if (e instanceof ClosedChannelException) {
            return new NetException(name, NetException.Kind.CLOSED,
                    "socket " + name + ": " + op + " on a closed socket" + suffix, e);
        }
        if (isReset(e)) {
            return new NetException(name, NetException.Kind.RESET,
                    "socket " + name + ": " + op + ": the connection was reset (" + e.getMessage() + ")" + suffix, e);
        }
        return new NetException(name, NetException.Kind.IO,
                "socket " + name + ": " + op + " failed: " + e + suffix, e);
    }

    /** "Connection reset", "Connection reset by peer", "Broken pipe": the other end is gone abortively. */
    static boolean isReset(IOException e) {
        String m = e.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(Locale.ROOT);
        return lower.contains("reset") || lower.contains("broken pipe");
    }

    private static String bytes(long n) {
        return n == 1 ? "1 byte" : n + " bytes";
    }
}
