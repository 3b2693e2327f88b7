package io.iocplab.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real TCP connections on 127.0.0.1 for one run: each {@link #open(String)} connects a client (the
 * peer) to the network's own listening socket and accepts the server side at once; a scenario's
 * listener is a listening socket of its own ({@link #listen}), which clients connect to in the same way.
 *
 * <p>Rules kept here:
 * <ul>
 *   <li>Nothing is ever bound to or connected to any address but 127.0.0.1 (IPv4 loopback), and every
 *       port is ephemeral (port 0, chosen by the OS). The network's own listening socket is opened lazily,
 *       with the first connection; every listening socket is checked to be on loopback.</li>
 *   <li>Each connection is accepted synchronously, right after its peer connects; an accepted socket
 *       whose remote end is not that peer (another local process) is closed and skipped.</li>
 *   <li>Every channel and selector this network opens is in its registry until it is closed;
 *       {@link #openResources()} counts them, and {@link #openResourcesInProcess()} counts them over
 *       every network in the process. {@link #close()} closes all of them, and is idempotent.</li>
 *   <li>All waiting is bounded by a real-time {@link #bound()} (5 s unless given) and done on a
 *       selector where a channel's key has interest 0 except while it is being waited on, so other
 *       ready channels never wake the wait. An operation first tries the non-blocking call and selects
 *       only if it came up short.</li>
 *   <li>One thread of its own, the peers' ({@link PeerThread}): what a connection's peer sends
 *       ({@link LoopbackConnection#peerSend}) and the receives it is asked for
 *       ({@link LoopbackConnection#peerExpect}, checked against the bytes the server sent) run there, in
 *       order, while everything else runs on the caller's thread (the machine's). So the peers' waits are
 *       on a selector of their own, opened at their first wait; every other wait is on the network's
 *       selector, and wakes the peers' thread first. Their failures come out at {@link #checkpoint()}
 *       (and at a peer's close or reset).</li>
 * </ul>
 */
public final class LoopbackNetwork implements AutoCloseable {

    /** The real-time bound on every wait unless another is given. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(5);

    /** 127.0.0.1, whatever the IPv6 preference of the JVM is. */
    static final InetAddress LOOPBACK = ipv4Loopback();

    private static final AtomicInteger OPEN_IN_PROCESS = new AtomicInteger();

    private final Duration bound;
    private final long boundNanos;
    /** Synchronized: the peers' thread may open their selector while the machine's closes a channel. */
    private final Set<AutoCloseable> resources = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    private final List<LoopbackConnection> connections = new ArrayList<>();
    private Selector selector;
    /** The selector of the peers' receives; only the thread running them opens and selects it. */
    private volatile Selector peerSelector;
    /** Every listening socket this network opened; {@link #open} connects through the first, its own. */
    private final List<LoopbackListener> listeners = new ArrayList<>();
    private LoopbackListener own;
    private boolean closed;
    private final AtomicLong selects = new AtomicLong();
    private final PeerThread peers = new PeerThread();

    /** A network whose waits are bounded by {@link #DEFAULT_BOUND}. */
    public LoopbackNetwork() {
        this(DEFAULT_BOUND);
    }

    /** A network whose waits (for bytes, FIN, RST, room to write, connect, accept) last at most {@code bound}. */
    public LoopbackNetwork(Duration bound) {
        if (bound == null || bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the real-time bound must be positive: " + bound);
        }
        this.bound = bound;
        this.boundNanos = bound.toNanos();
    }

    /** The real-time bound on every wait. */
    public Duration bound() {
        return bound;
    }

    /**
     * Opens a real TCP connection on 127.0.0.1 for the scenario socket {@code socketName}: connects
     * a peer to the network's own listening socket and accepts the server side.
     */
    public LoopbackConnection open(String socketName) throws NetException {
        requireOpen(socketName, "cannot open a connection");
        if (own == null) {
            own = listen(socketName);
        }
        return connect(own, socketName);
    }

    /** A real listening socket on 127.0.0.1, on a port the OS chooses, for the scenario's listener {@code name}. */
    public LoopbackListener listen(String name) throws NetException {
        requireOpen(name, "cannot listen");
        ServerSocketChannel l = null;
        try {
            if (selector == null) {
                selector = track(Selector.open());
            }
            l = track(ServerSocketChannel.open());
            l.bind(new InetSocketAddress(LOOPBACK, 0));
            l.configureBlocking(false);
            SelectionKey key = l.register(selector, 0);
            InetSocketAddress address = (InetSocketAddress) l.getLocalAddress();
            requireLoopback(name, "the listening socket", address);
            LoopbackListener listener = new LoopbackListener(this, name, l, key, address.getPort());
            listeners.add(listener);
            return listener;
        } catch (IOException e) {
            closeChannel(l);
            throw new NetException(name, NetException.Kind.IO, "listener " + name + ": could not listen on "
                    + LOOPBACK.getHostAddress() + ": " + e, e);
        } catch (NetException | RuntimeException e) {
            closeChannel(l);
            throw e;
        }
    }

    /** A client connects to {@code listener} for real, and the server side is accepted at once. */
    LoopbackConnection connect(LoopbackListener listener, String name) throws NetException {
        requireOpen(name, "cannot connect");
        if (!listener.isOpen()) {
            throw new NetException(name, NetException.Kind.CLOSED, "socket " + name + ": cannot connect, "
                    + listener + " is closed");
        }
        SocketChannel peer = null;
        SocketChannel server = null;
        try {
            peer = track(SocketChannel.open());
            peer.configureBlocking(false);
            peer.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey peerKey = peer.register(selector, 0);
            InetSocketAddress target = (InetSocketAddress) listener.channel.getLocalAddress();
            long deadline = System.nanoTime() + boundNanos;
            if (!peer.connect(target)) {
                while (!peer.finishConnect()) {
                    if (!await(peerKey, SelectionKey.OP_CONNECT, deadline)) {
                        throw new NetException(name, NetException.Kind.TIMEOUT, "socket " + name
                                + ": connect to " + describe(target) + " did not complete within " + format(bound));
                    }
                }
            }
            InetSocketAddress peerLocal = (InetSocketAddress) peer.getLocalAddress();
            requireLoopback(name, "the peer", peerLocal);

            server = accept(listener, name, peerLocal, deadline);
            server.configureBlocking(false);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey serverKey = server.register(selector, 0);
            InetSocketAddress serverLocal = (InetSocketAddress) server.getLocalAddress();
            requireLoopback(name, "the server side", serverLocal);

            LoopbackConnection connection = new LoopbackConnection(this, name,
                    server, serverKey, serverLocal.getPort(), peer, peerLocal.getPort());
            connections.add(connection);
            return connection;
        } catch (IOException e) {
            closeChannel(server);
            closeChannel(peer);
            throw new NetException(name, NetException.Kind.IO,
                    "socket " + name + ": could not open a loopback connection: " + e, e);
        } catch (NetException | RuntimeException e) {
            closeChannel(server);
            closeChannel(peer);
            throw e;
        }
    }

    private void requireOpen(String name, String what) throws NetException {
        if (closed) {
            throw new NetException(name, NetException.Kind.CLOSED, "socket " + name + ": " + what
                    + ", the network is closed");
        }
    }

    /** How many channels and selectors this network opened and has not closed yet. */
    public int openResources() {
        return resources.size();
    }

    /** How many channels and selectors all networks in this process opened and have not closed yet. */
    public static int openResourcesInProcess() {
        return OPEN_IN_PROCESS.get();
    }

    /** The address the network's own listening socket is bound to, or null before the first connection (for tests). */
    public InetSocketAddress listenAddress() {
        try {
            return own == null || !own.isOpen() ? null : (InetSocketAddress) own.channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until every send and receive asked of the peers so far has been done, then throws the first that
     * failed (bytes that could not be sent, did not come, or differ from what the server sent): a fixed point
     * of the run.
     */
    public void checkpoint() throws NetException {
        peers.checkpoint();
    }

    /** The first failure of the peers' sends and receives so far, or null; does not wait (for a run already failing). */
    public NetException peerFailure() {
        return peers.failure();
    }

    /** Closes every connection, the listening socket and the selector this network opened. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        peers.close();
        for (LoopbackConnection c : new ArrayList<>(connections)) {
            c.close();
        }
        connections.clear();
        for (LoopbackListener l : listeners) {
            l.close();
        }
        listeners.clear();
        own = null;
        if (peerSelector != null) {
            untrackAndClose(peerSelector);
        }
        if (selector != null) {
            // closing the selector deregisters every key, which lets the channels closed above
            // release their file descriptors
            untrackAndClose(selector);
        }
        // anything left (should be nothing)
        for (AutoCloseable r : new ArrayList<>(resources)) {
            untrackAndClose(r);
        }
    }

    // ---------------------------------------------------------------- for LoopbackConnection

    long boundNanos() {
        return boundNanos;
    }

    /** How many times a wait has called select (for tests: a wait must not spin). */
    long selects() {
        return selects.get();
    }

    /** Queues a peer's send or receive on the peers' thread. */
    void onPeerThread(PeerThread.Operation op) throws NetException {
        peers.submit(op);
    }

    /** Waits for the peers' queued operations, without throwing their failures (a close must not cut them short). */
    void drainPeers() {
        peers.drain();
    }

    void forget(LoopbackConnection connection) {
        connections.remove(connection);
    }

    /**
     * Waits until {@code key}'s channel is ready for {@code ops} or the deadline passes. The key's
     * interest is {@code ops} only during the wait. Returns false on timeout. May return true
     * spuriously; callers retry their operation and wait again.
     */
    boolean await(SelectionKey key, int ops, long deadlineNanos) throws IOException {
        peers.nudge();                                 // what the server side waits for may be the peers' work
        return await(selector, key, ops, deadlineNanos);
    }

    /** {@link #await} for a peer's receive, on the peers' own selector (see the class comment). */
    boolean awaitPeer(SocketChannel peer, int ops, long deadlineNanos) throws IOException {
        Selector s = peerSelector;
        if (s == null) {
            s = track(Selector.open());
            peerSelector = s;
        }
        SelectionKey key = peer.keyFor(s);
        return await(s, key != null ? key : peer.register(s, 0), ops, deadlineNanos);
    }

    private boolean await(Selector selector, SelectionKey key, int ops, long deadlineNanos) throws IOException {
        key.interestOps(ops);
        try {
            while (true) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999));
                selects.incrementAndGet();
                selector.select(millis);
                Set<SelectionKey> selected = selector.selectedKeys();
                if (!selected.isEmpty()) {
                    boolean mine = selected.contains(key);
                    selected.clear();
                    if (mine) {
                        return true;
                    }
                }
            }
        } finally {
            if (key.isValid()) {
                key.interestOps(0);
            }
        }
    }

    /**
     * Closes a channel of this network for real: a channel registered with a selector keeps its
     * file descriptor until the selector next runs, so this runs it, and the peers' selector too if
     * the channel is registered there (interest is 0 on every other key, so nothing else is selected).
     * That is what makes an SO_LINGER 0 close send its RST now.
     */
    void closeChannel(Channel channel) {
        if (channel == null) {
            return;
        }
        Selector peers = peerSelector;
        boolean onPeerSelector = peers != null && channel instanceof SelectableChannel c && c.keyFor(peers) != null;
        boolean wasTracked = resources.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do
        }
        if (wasTracked) {
            OPEN_IN_PROCESS.decrementAndGet();
        }
        flush(selector);
        if (onPeerSelector) {
            flush(peers);
        }
    }

    private static void flush(Selector selector) {
        if (selector != null && selector.isOpen()) {
            try {
                selector.selectNow();
                selector.selectedKeys().clear();
            } catch (IOException ignored) {
                // the selector is going away with the network
            }
        }
    }

    // ---------------------------------------------------------------- internals

    private SocketChannel accept(LoopbackListener listener, String socketName, InetSocketAddress peerLocal,
                                 long deadline) throws IOException, NetException {
        while (true) {
            SocketChannel s = listener.channel.accept();
            if (s == null) {
                if (!await(listener.key, SelectionKey.OP_ACCEPT, deadline)) {
                    throw new NetException(socketName, NetException.Kind.TIMEOUT, "socket " + socketName
                            + ": accept on " + describe((InetSocketAddress) listener.channel.getLocalAddress())
                            + " did not complete within " + format(bound));
                }
                continue;
            }
            track(s);
            InetSocketAddress remote = (InetSocketAddress) s.getRemoteAddress();
            if (remote != null && remote.getPort() == peerLocal.getPort()
                    && remote.getAddress().equals(peerLocal.getAddress())) {
                return s;
            }
            // someone else on this machine connected to our ephemeral port: not ours
            closeChannel(s);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        OPEN_IN_PROCESS.incrementAndGet();
        return resource;
    }

    private void untrackAndClose(AutoCloseable resource) {
        if (resources.remove(resource)) {
            OPEN_IN_PROCESS.decrementAndGet();
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing: nothing more to do
        }
    }

    private static void requireLoopback(String socketName, String what, InetSocketAddress address)
            throws NetException {
        if (address == null || !LOOPBACK.equals(address.getAddress())) {
            throw new NetException(socketName, NetException.Kind.IO, "socket " + socketName + ": " + what
                    + " is on " + address + ", not on " + LOOPBACK.getHostAddress());
        }
    }

    static String describe(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** "5 s", "200 ms", "1.5 s". */
    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + " s";
        }
        return (millis / 1000.0) + " s";
    }

    private static InetAddress ipv4Loopback() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (loopback instanceof Inet4Address) {
            return loopback;
        }
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
