package io.iocplab.scenario;

import io.iocplab.net.LoopbackConnection;
import io.iocplab.net.LoopbackListener;
import io.iocplab.net.LoopbackNetwork;
import io.iocplab.net.NetException;
import io.iocplab.sim.Connection;
import io.iocplab.sim.ConnectionException;
import java.time.Duration;

/**
 * The machine's {@link Connection.Factory}, made of real loopback sockets from {@code io.iocplab.net}:
 * every call is delegated as is, and a {@link NetException} becomes a {@link ConnectionException}
 * with the same message (and the original as its cause). Closing the factory closes the network,
 * and with it every connection it opened.
 */
public final class NetConnections implements Connection.Factory {

    private final LoopbackNetwork network;

    /** Connections whose waits are bounded by {@link LoopbackNetwork#DEFAULT_BOUND}. */
    public NetConnections() {
        this(new LoopbackNetwork());
    }

    /** Connections whose waits are bounded by {@code bound}. */
    public NetConnections(Duration bound) {
        this(new LoopbackNetwork(bound));
    }

    /** Connections of this network; closing the factory closes it. */
    public NetConnections(LoopbackNetwork network) {
        this.network = network;
    }

    /** The network underneath (its resource counts, its bound). */
    public LoopbackNetwork network() {
        return network;
    }

    @Override
    public NetConnection open(String socket) throws ConnectionException {
        try {
            return new NetConnection(network.open(socket));
        } catch (NetException e) {
            throw translate(e);
        }
    }

    @Override
    public Connection.Listener listen(String name) throws ConnectionException {
        try {
            LoopbackListener l = network.listen(name);
            return new Connection.Listener() {
                @Override
                public Connection connect(String client) throws ConnectionException {
                    try {
                        return new NetConnection(l.connect(client));
                    } catch (NetException e) {
                        throw translate(e);
                    }
                }

                @Override
                public void close() {
                    l.close();
                }
            };
        } catch (NetException e) {
            throw translate(e);
        }
    }

    @Override
    public void checkpoint() throws ConnectionException {
        try {
            network.checkpoint();
        } catch (NetException e) {
            throw translate(e);
        }
    }

    @Override
    public ConnectionException failure() {
        NetException e = network.peerFailure();
        return e == null ? null : translate(e);
    }

    @Override
    public void close() {
        network.close();
    }

    static ConnectionException translate(NetException e) {
        return new ConnectionException(e.getMessage(), e);
    }

    /** One real connection as the machine sees it. */
    public static final class NetConnection implements Connection {
        private final LoopbackConnection c;

        NetConnection(LoopbackConnection c) {
            this.c = c;
        }

        @Override
        public int serverPort() {
            return c.serverPort();
        }

        @Override
        public int peerPort() {
            return c.peerPort();
        }

        @Override
        public byte[][] serverReceive(int[] lengths, int count) throws ConnectionException {
            try {
                return c.serverReceive(lengths, count);
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public byte[][] serverPeek(int[] lengths, int count) throws ConnectionException {
            try {
                return c.serverPeek(lengths, count);
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void serverSend(byte[][] buffers) throws ConnectionException {
            try {
                c.serverSend(buffers);
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void serverExpectEnd() throws ConnectionException {
            try {
                c.serverExpectEnd();
            } catch (NetException e) {
                throw translate(e);
            }
        }

        /** Server side: confirms that the peer's RST has arrived (a read fails with "connection reset"). */
        @Override
        public void serverExpectReset() throws ConnectionException {
            try {
                c.serverExpectReset();
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void serverClose() {
            c.serverClose();
        }

        @Override
        public void peerSend(byte[] data) throws ConnectionException {
            try {
                c.peerSend(data);
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void peerReceive(byte[] expected) throws ConnectionException {
            try {
                c.peerExpect(expected);
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void peerClose() throws ConnectionException {
            try {
                c.peerClose();
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void peerReset() throws ConnectionException {
            try {
                c.peerReset();
            } catch (NetException e) {
                throw translate(e);
            }
        }

        @Override
        public void close() {
            c.close();
        }
    }
}
