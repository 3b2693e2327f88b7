package io.iocplab.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real listening socket on 127.0.0.1 for live mode: outside clients ({@code nc 127.0.0.1 N}) connect to it, and
 * each accepted one is a {@link LiveClient}. Everything is non-blocking and done on one thread, which calls
 * {@link #poll} and gets back what happened.
 *
 * <p>Rules:
 * <ul>
 *   <li>Bound to 127.0.0.1 only, never another interface.</li>
 *   <li>At most {@link #MAX_CLIENTS} clients at a time: one more is accepted and closed at once, and said
 *       ({@link Happening.Refused}). Per client, at most {@link #INBOUND_CAP} bytes received and waiting, and
 *       {@link #OUTBOUND_CAP} written and waiting (see {@link LiveClient}). So the memory a live run holds for
 *       its clients is bounded, whatever they do.</li>
 *   <li>A poll never waits longer than it is told, and {@link #wakeup()} (any thread) ends a wait at once.</li>
 *   <li>{@link #close()} closes the listener, every client and the selector; it is idempotent.
 *       {@link #openChannels()} counts what is open.</li>
 * </ul>
 */
public final class LiveListener implements AutoCloseable {
    public static final int MAX_CLIENTS = 16;
    public static final int INBOUND_CAP = 64 * 1024;
    public static final int OUTBOUND_CAP = 256 * 1024;

    /** Something that happened on the listener or a client, in the order it was seen. */
    public sealed interface Happening {
        /** A client connected and was accepted. */
        record Accepted(LiveClient client) implements Happening {}

        /** A client connected beyond {@link #MAX_CLIENTS}, and was closed at once. */
        record Refused(int remotePort) implements Happening {}

        /** A client's bytes arrived (already read into its inbound bytes). */
        record Received(LiveClient client, byte[] data) implements Happening {}

        /** A client closed its sending side (FIN), after every byte it sent. */
        record Ended(LiveClient client) implements Happening {}

        /** A client reset its connection (RST), or it is gone abortively. */
        record Reset(LiveClient client) implements Happening {}
    }

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Map<SocketChannel, LiveClient> clients = new LinkedHashMap<>();
    private int accepted;
    private int open;

    /** Listens on 127.0.0.1:{@code port} (0: a port the system picks). */
    public LiveListener(int port) throws IOException {
        Selector s = Selector.open();
        ServerSocketChannel c = null;
        try {
            c = ServerSocketChannel.open();
            c.bind(new InetSocketAddress(LoopbackNetwork.LOOPBACK, port));
            c.configureBlocking(false);
            c.register(s, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            if (c != null) {
                c.close();
            }
            s.close();
            throw e;
        }
        this.selector = s;
        this.server = c;
        this.open = 2;
    }

    /** The port it listens on. */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits up to {@code timeoutMs} (0: not at all) for something to happen, and returns what did. */
    public List<Happening> poll(long timeoutMs) throws IOException {
        if (timeoutMs > 0) {
            selector.select(timeoutMs);
        } else {
            selector.selectNow();
        }
        List<Happening> out = new ArrayList<>();
        for (SelectionKey k : selector.selectedKeys()) {
            if (!k.isValid()) {
                continue;
            }
            if (k.isAcceptable()) {
                accept(out);
            } else {
                LiveClient c = clients.get((SocketChannel) k.channel());
                if (c == null) {
                    continue;
                }
                if (k.isWritable()) {
                    c.flush();
                }
                if (k.isValid() && k.isReadable()) {
                    read(c, out);
                }
            }
        }
        selector.selectedKeys().clear();
        return out;
    }

    private void accept(List<Happening> out) throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            ch.configureBlocking(false);
            if (clients.size() >= MAX_CLIENTS) {
                int remote = ((InetSocketAddress) ch.getRemoteAddress()).getPort();
                ch.close();
                out.add(new Happening.Refused(remote));
                continue;
            }
            open++;
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
            LiveClient c = new LiveClient(this, "C" + (++accepted), ch, key);
            clients.put(ch, c);
            out.add(new Happening.Accepted(c));
        }
    }

    private void read(LiveClient c, List<Happening> out) {
        boolean wasEnded = c.ended();
        boolean wasReset = c.wasReset();
        byte[] data = c.readAvailable();
        if (data.length > 0) {
            out.add(new Happening.Received(c, data));
        }
        if (c.ended() && !wasEnded) {
            out.add(new Happening.Ended(c));
        }
        if (c.wasReset() && !wasReset) {
            out.add(new Happening.Reset(c));
        }
    }

    /** Ends a {@link #poll} that is waiting; any thread. */
    public void wakeup() {
        selector.wakeup();
    }

    /** The clients connected now. */
    public List<LiveClient> clients() {
        return List.copyOf(clients.values());
    }

    /** How many channels and selectors this listener holds open (0 once closed). */
    public int openChannels() {
        return open;
    }

    void resumeReading(LiveClient c) {
        c.updateInterest();
    }

    void closed(LiveClient c, SocketChannel channel) {
        clients.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
        open--;
        try {
            selector.selectNow();                   // the descriptor is released (and an RST sent) now
            selector.selectedKeys().clear();
        } catch (IOException ignored) {
            // the selector is going away
        }
    }

    @Override
    public void close() {
        if (!server.isOpen() && !selector.isOpen()) {
            return;
        }
        for (LiveClient c : List.copyOf(clients.values())) {
            c.close(false);
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open--;
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
        open--;
    }
}
