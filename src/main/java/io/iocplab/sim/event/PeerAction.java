package io.iocplab.sim.event;

/**
 * Something a real peer socket did ({@code peer}): connect, send, recv, close, reset.
 *
 * @param localPort  the peer's own TCP port number (real)
 * @param remotePort the server-side socket's TCP port number (real)
 */
public record PeerAction(long tUs, long seq, String socket, String action, long bytes, String data,
                         int localPort, int remotePort) implements SimEvent {
    @Override
    public String type() {
        return "peer";
    }
}
