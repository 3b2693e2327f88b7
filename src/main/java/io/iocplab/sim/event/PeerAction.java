package io.iocplab.sim.event;

import java.util.Locale;

/**
 * Something a real peer socket did ({@code peer}).
 *
 * @param bytes      how many bytes it sent or received (0 for the others)
 * @param data       those bytes as text, or null
 * @param localPort  the peer's own TCP port number (real)
 * @param remotePort the server-side socket's TCP port number (real)
 * @param socket     the server-side handle it talks to: its socket, or the listener while it waits to be accepted
 * @param peer       the peer's own name: its socket's for a peer of the file's {@code sockets:}, or the client's
 *                   (an extension)
 */
public record PeerAction(long tUs, long seq, long moment, String socket, Action action, long bytes, String data,
                         int localPort, int remotePort, String peer) implements SimEvent {

    /** An action of the peer named by its socket. */
    public PeerAction(long tUs, long seq, long moment, String socket, Action action, long bytes, String data,
                      int localPort, int remotePort) {
        this(tUs, seq, moment, socket, action, bytes, data, localPort, remotePort, socket);
    }


    /** The contract's {@code action}: what the peer did. */
    public enum Action {
        CONNECT, SEND, RECV, CLOSE, RESET,
        /** It stops reading (an extension of the contract's list). */
        STOP_READING,
        /** It reads again (an extension of the contract's list). */
        RESUME_READING;

        private final String json = name().toLowerCase(Locale.ROOT);

        /** The trace's name: {@code connect}, {@code send}, ... */
        public String json() {
            return json;
        }
    }

    @Override
    public String type() {
        return "peer";
    }
}
