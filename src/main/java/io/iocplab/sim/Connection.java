package io.iocplab.sim;

/**
 * The real TCP connection under one scenario socket, as the machine uses it. The machine decides
 * <em>when</em> bytes move (virtual time); a connection moves <em>which</em> bytes, for real.
 *
 * <p>Every method that expects bytes from the other end waits for them only up to a real-time
 * bound; if they do not come, it throws {@link ConnectionException} naming the socket and the
 * operation, and the run stops with that error. Implemented by {@code io.iocplab.net} (adapted in
 * {@code io.iocplab.scenario}, which wires the layers together).
 */
public interface Connection extends AutoCloseable {

    /** The real TCP port of the server-side socket (the one the program calls WSARecv on). */
    int serverPort();

    /** The real TCP port of the peer (the client end). */
    int peerPort();

    /**
     * Server side, WSARecv: reads exactly {@code count} bytes, scattering them into buffers of the
     * given lengths in order, with no holes (a real scatter read).
     *
     * @return the bytes that landed in each buffer, one array per WSABUF (empty arrays for unused ones)
     */
    byte[][] serverReceive(int[] lengths, int count) throws ConnectionException;

    /** Server side, WSARecv with MSG_PEEK: as {@link #serverReceive}, but the bytes stay to be received. */
    byte[][] serverPeek(int[] lengths, int count) throws ConnectionException;

    /** Server side, WSASend: writes the buffers in order (a real gather write). */
    void serverSend(byte[][] buffers) throws ConnectionException;

    /** Server side: confirms that the peer's FIN has arrived (a read sees the end of the stream). */
    void serverExpectEnd() throws ConnectionException;

    /** Server side: confirms that the peer's RST has arrived (a read fails with a reset). */
    void serverExpectReset() throws ConnectionException;

    /** Server side, closesocket. */
    void serverClose();

    /** Peer: writes these bytes. */
    void peerSend(byte[] data) throws ConnectionException;

    /**
     * Peer: reads the next {@code expected.length} bytes the server sent, and checks that they are these
     * (the model knows what the server sent). The connection may do it later, in the order asked, on a thread
     * of its own; a failure, or a byte that differs, is reported at the next fixed point: the factory's
     * {@link Factory#checkpoint()}, or this peer's close or reset.
     */
    void peerReceive(byte[] expected) throws ConnectionException;

    /** Peer: graceful close, a real FIN. */
    void peerClose() throws ConnectionException;

    /** Peer: abortive close, a real RST (SO_LINGER 0). */
    void peerReset() throws ConnectionException;

    /** Closes both ends and everything they hold; safe to call twice. */
    @Override
    void close();

    /**
     * A real listening socket on 127.0.0.1 for one of the scenario's listeners: clients connect to it; the
     * server side of each connection is accepted at once and held until the model accepts it.
     */
    interface Listener extends AutoCloseable {
        /** The client {@code client} connects for real; the connection is returned with its server side. */
        Connection connect(String client) throws ConnectionException;

        /** Stops listening; connections already made stay. Idempotent. */
        @Override
        void close();
    }

    /** Opens connections for a run; closing it closes every connection and listener it opened. */
    interface Factory extends AutoCloseable {
        Connection open(String socket) throws ConnectionException;

        /** A real listening socket for the scenario's listener {@code name}. */
        Listener listen(String name) throws ConnectionException;

        /**
         * Waits until every real operation asked of its connections so far has been done, then throws the
         * first that failed: a fixed point of the run (its end), so a run fails at the same action whatever
         * the real sockets' timing was.
         */
        default void checkpoint() throws ConnectionException {
        }

        /** The first failure of the operations asked so far, without waiting (for a run already failing), or null. */
        default ConnectionException failure() {
            return null;
        }

        @Override
        void close();
    }
}
