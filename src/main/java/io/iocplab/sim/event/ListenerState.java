package io.iocplab.sim.event;

import java.util.List;

/**
 * A listening socket after a change ({@code listener.state}, an extension of the contract): the AcceptEx
 * calls pending on it and the connections waiting in its backlog.
 *
 * @param accepts the pending AcceptEx calls, oldest first
 * @param backlog the clients connected and not yet accepted, oldest first
 * @param closed  true once closesocket closed it
 */
public record ListenerState(long tUs, long seq, long moment, String listener, List<PendingAccept> accepts,
                            List<String> backlog, boolean closed) implements SimEvent {

    /**
     * An AcceptEx waiting: its OVERLAPPED, the socket it accepts into, the bytes of first data it waits for, and
     * the client it has taken and whose first data it waits for (or null while no client has come).
     */
    public record PendingAccept(String overlapped, String socket, int receive, String client) {}

    public ListenerState {
        accepts = List.copyOf(accepts);
        backlog = List.copyOf(backlog);
    }

    @Override
    public String type() {
        return "listener.state";
    }
}
