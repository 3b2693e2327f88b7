package io.iocplab.net;

import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;

/**
 * A real listening socket on 127.0.0.1 (an ephemeral port), for a scenario's listener: clients connect to
 * it, and the server side of each connection is accepted at once and held until the model accepts it
 * (an AcceptEx completes). To the client nothing differs: on loopback a connection in the listening
 * socket's backlog and one accepted and not yet read look the same.
 *
 * <p>It belongs to its {@link LoopbackNetwork}, which counts it among its resources and closes it with the
 * rest; {@link #close()} closes it sooner (closesocket on the listener), idempotently.
 */
public final class LoopbackListener implements AutoCloseable {
    private final LoopbackNetwork network;
    private final String name;
    final ServerSocketChannel channel;
    final SelectionKey key;
    private final int port;

    LoopbackListener(LoopbackNetwork network, String name, ServerSocketChannel channel, SelectionKey key, int port) {
        this.network = network;
        this.name = name;
        this.channel = channel;
        this.key = key;
        this.port = port;
    }

    /** The scenario name of this listener. */
    public String name() {
        return name;
    }

    /** The real TCP port it listens on. */
    public int port() {
        return port;
    }

    /** A client named {@code client} connects for real; the server side is accepted at once. */
    public LoopbackConnection connect(String client) throws NetException {
        return network.connect(this, client);
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops listening (connections already made stay). Idempotent. */
    @Override
    public void close() {
        network.closeChannel(channel);
    }

    @Override
    public String toString() {
        return "listener " + name + " (127.0.0.1:" + port + ")";
    }
}
