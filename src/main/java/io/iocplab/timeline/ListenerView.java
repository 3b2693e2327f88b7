package io.iocplab.timeline;

import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PeerAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listening socket as the stage draws it at one step: the AcceptEx calls pending on it, the
 * clients waiting in its backlog, and the clients connected to it that no socket has accepted yet.
 *
 * <p>Rules of the fold (kept by {@link ViewStateBuilder}): {@code accepts}, {@code backlog} and
 * {@code closed} are those of its latest {@code listener.state}. {@code clients} gathers the
 * {@code peer} events of clients that name the listener (a client names the listener until a socket
 * accepts it): its ports from its {@code connect}, the bytes it sent, its FIN or RST; a client leaves it
 * when an AcceptEx completes with it ({@code io.complete} with {@code accepted} and {@code peer}), and
 * the accepted socket takes it over. {@code lastCompletion} is the latest AcceptEx that completed on it.
 *
 * @param clients the clients not accepted yet, in the order they connected
 */
public record ListenerView(String name, List<ListenerState.PendingAccept> accepts, List<String> backlog,
                           boolean closed, Map<String, Client> clients, IoComplete lastCompletion) {

    /**
     * A client connected to the listener, not accepted yet.
     *
     * @param serverPort the listener's TCP port (the accepted socket's own)
     * @param peerPort   the client's TCP port
     * @param sent       the bytes it sent so far
     */
    public record Client(int serverPort, int peerPort, long sent, boolean closed, boolean reset) {}

    public ListenerView {
        accepts = List.copyOf(accepts);
        backlog = List.copyOf(backlog);
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    static ListenerView unseen(String name) {
        return new ListenerView(name, List.of(), List.of(), false, Map.of(), null);
    }

    ListenerView withState(ListenerState e) {
        return new ListenerView(name, e.accepts(), e.backlog(), e.closed(), clients, lastCompletion);
    }

    ListenerView withClient(PeerAction e) {
        Map<String, Client> m = new LinkedHashMap<>(clients);
        Client c = m.get(e.peer());
        c = switch (e.action()) {
            case CONNECT -> new Client(e.remotePort(), e.localPort(), 0, false, false);
            case SEND -> c == null ? null : new Client(c.serverPort(), c.peerPort(), c.sent() + e.bytes(), c.closed(),
                    c.reset());
            case CLOSE -> c == null ? null : new Client(c.serverPort(), c.peerPort(), c.sent(), true, c.reset());
            case RESET -> c == null ? null : new Client(c.serverPort(), c.peerPort(), c.sent(), c.closed(), true);
            default -> c;
        };
        if (c != null) {
            m.put(e.peer(), c);
        }
        return new ListenerView(name, accepts, backlog, closed, m, lastCompletion);
    }

    /** An AcceptEx completed: its client (if any) leaves. */
    ListenerView withAccepted(IoComplete done) {
        Map<String, Client> m = new LinkedHashMap<>(clients);
        if (done.peer() != null) {
            m.remove(done.peer());
        }
        return new ListenerView(name, accepts, backlog, closed, m, done);
    }
}
