package io.iocplab.sim.event;

import java.util.Locale;

/**
 * Something a real peer socket did ({@code peer}).
 *
 * @param bytes      how many bytes it sent or received (0 for the others)
 * @param data       those bytes as text, or null
 * @param localPort  the peer's own TCP port number (real)
 * @param remotePort the server-side socket's TCP port number (real)
 */
public record PeerAction(long tUs, long seq, long moment, String socket, Action action, long bytes, String data,
                         int localPort, int remotePort) implements SimEvent {

    /** The contract's {@code action}: what the peer did. */
    public enum Action {
        CONNECT, SEND, RECV, CLOSE, RESET;

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
