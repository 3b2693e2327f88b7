package io.iocplab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One outside client accepted by a {@link LiveListener}: the server side of a real TCP connection on 127.0.0.1,
 * with what it has received and not yet given to a WSARecv, and what the server wrote and the client has not yet
 * read.
 *
 * <p>Rules (all on the listener's one thread):
 * <ul>
 *   <li>Inbound: the listener reads what the client sends into {@link #inbound()} bytes, at most
 *       {@link LiveListener#INBOUND_CAP} of them; while that much waits, it stops reading from this client, so
 *       TCP's flow control slows a client that floods (the memory held stays bounded).</li>
 *   <li>Outbound: {@link #write} sends at once what the socket takes, keeps the rest (at most
 *       {@link LiveListener#OUTBOUND_CAP}) and sends it when the socket can take it; a client that lets more than
 *       that wait, unread, is over its cap ({@link #overCap()}), and the server resets it.</li>
 *   <li>The end of its stream (FIN) and a reset are seen once each, after every byte before them.</li>
 * </ul>
 */
public final class LiveClient {
    /** The socket's own send buffer (SO_SNDBUF): what a client leaves unread is counted soon, not after megabytes. */
    static final int SEND_BUFFER = 64 * 1024;
    private final LiveListener listener;
    private final String name;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final int localPort;
    private final int remotePort;
    private final ArrayDeque<byte[]> in = new ArrayDeque<>();
    private int inHead;
    private long inbound;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private long outbound;
    private boolean ended;
    private boolean reset;
    private boolean overCap;
    private boolean closed;

    LiveClient(LiveListener listener, String name, SocketChannel channel, SelectionKey key) throws IOException {
        this.listener = listener;
        this.name = name;
        this.channel = channel;
        this.key = key;
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
        this.localPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.remotePort = ((InetSocketAddress) channel.getRemoteAddress()).getPort();
    }

    /** The name the run gives it (C1, C2, ...). */
    public String name() {
        return name;
    }

    /** The real TCP port of the server side (the listener's). */
    public int localPort() {
        return localPort;
    }

    /** The client's own real TCP port. */
    public int remotePort() {
        return remotePort;
    }

    /** Bytes received and not yet taken. */
    public long inbound() {
        return inbound;
    }

    /** Bytes written and not yet taken by the client's socket. */
    public long outbound() {
        return outbound;
    }

    /** Whether the client let more than {@link LiveListener#OUTBOUND_CAP} bytes of what it was sent wait unread. */
    public boolean overCap() {
        return overCap;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * WSARecv: takes exactly {@code count} received bytes, scattered into buffers of these lengths in order.
     *
     * @throws IllegalStateException if fewer have been received (the run asked for bytes it was not told of)
     */
    public byte[][] take(int[] lengths, int count) {
        byte[][] landed = copy(lengths, count, true);
        inbound -= count;
        listener.resumeReading(this);
        return landed;
    }

    /** WSARecv with MSG_PEEK: as {@link #take}, but the bytes stay to be taken. */
    public byte[][] peek(int[] lengths, int count) {
        return copy(lengths, count, false);
    }

    /** Copies the first {@code count} received bytes into buffers of these lengths; {@code consume}: and drops them. */
    private byte[][] copy(int[] lengths, int count, boolean consume) {
        if (count > inbound) {
            throw new IllegalStateException("client " + name + ": " + count + " bytes asked, " + inbound + " received");
        }
        byte[][] landed = new byte[lengths.length][];
        Iterator<byte[]> chunks = in.iterator();
        byte[] head = chunks.hasNext() ? chunks.next() : null;
        int at = inHead;
        int left = count;
        for (int i = 0; i < lengths.length; i++) {
            int n = Math.min(left, lengths[i]);
            landed[i] = new byte[n];
            int filled = 0;
            while (filled < n) {
                if (at == head.length) {
                    head = chunks.next();
                    at = 0;
                }
                int k = Math.min(n - filled, head.length - at);
                System.arraycopy(head, at, landed[i], filled, k);
                filled += k;
                at += k;
            }
            left -= n;
        }
        if (consume) {
            int drop = count;
            while (drop > 0) {
                byte[] first = in.peekFirst();
                int k = Math.min(drop, first.length - inHead);
                drop -= k;
                inHead += k;
                if (inHead == first.length) {
                    in.pollFirst();
                    inHead = 0;
                }
            }
        }
        return landed;
    }

    /** WSASend: writes the buffers, at once as far as the socket takes them, the rest later. */
    public void write(byte[][] buffers) {
        if (closed) {
            return;
        }
        for (byte[] b : buffers) {
            if (b.length > 0) {
                out.addLast(ByteBuffer.wrap(b));
                outbound += b.length;
            }
        }
        flush();
        if (outbound > LiveListener.OUTBOUND_CAP) {
            overCap = true;
        }
    }

    /** closesocket: the client sees the end of the stream (or a reset when {@code abortive}). */
    public void close(boolean abortive) {
        if (closed) {
            return;
        }
        closed = true;
        if (abortive) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        listener.closed(this, channel);
    }

    // ------------------------------------------------------------------ for the listener

    /** Reads what is there, up to the cap; returns the bytes read now (none: empty), and notes an end or a reset. */
    byte[] readAvailable() {
        if (closed || ended || reset) {
            return new byte[0];
        }
        java.io.ByteArrayOutputStream now = new java.io.ByteArrayOutputStream();
        while (inbound < LiveListener.INBOUND_CAP) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(16 * 1024, LiveListener.INBOUND_CAP - inbound));
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                reset = true;
                break;
            }
            if (n < 0) {
                ended = true;
                break;
            }
            if (n == 0) {
                break;
            }
            byte[] b = new byte[n];
            buf.flip();
            buf.get(b);
            in.addLast(b);
            inbound += n;
            now.write(b, 0, n);
        }
        updateInterest();
        return now.toByteArray();
    }

    /** Writes what waits, as far as the socket takes it. */
    void flush() {
        try {
            while (!out.isEmpty()) {
                ByteBuffer head = out.peekFirst();
                int n = channel.write(head);
                outbound -= n;
                if (head.hasRemaining()) {
                    break;
                }
                out.pollFirst();
            }
        } catch (IOException e) {
            out.clear();
            outbound = 0;
            reset = true;
        }
        updateInterest();
    }

    boolean ended() {
        return ended;
    }

    boolean wasReset() {
        return reset;
    }

    void updateInterest() {
        if (closed || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (!ended && !reset && inbound < LiveListener.INBOUND_CAP) {
            ops |= SelectionKey.OP_READ;
        }
        if (!out.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }
}
