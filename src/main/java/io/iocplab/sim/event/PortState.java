package io.iocplab.sim.event;

import java.util.List;

/**
 * The whole state of a completion port after a change ({@code port.state}). Its queue never changes:
 * the machine's is a {@link QueueView}, kept as it is; any other list is copied.
 *
 * @param queue    the queued packets, head (next to leave) first
 * @param waiters  the waiting threads, most recent (next to be released) first
 * @param closed   true once CloseHandle has closed the port (an extension of the contract)
 */
public record PortState(long tUs, long seq, long moment, String port, int concurrency, int running, List<PacketView> queue,
                        List<String> waiters, List<String> associated, boolean closed) implements SimEvent {
    public PortState {
        queue = frozen(queue);
    }

    /** {@code queue} itself when it is the machine's unchangeable {@link QueueView}, else an immutable copy. */
    public static List<PacketView> frozen(List<PacketView> queue) {
        return queue instanceof QueueView ? queue : List.copyOf(queue);
    }

    @Override
    public String type() {
        return "port.state";
    }
}
