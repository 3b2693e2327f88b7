package io.iocplab.sim.event;

import java.util.List;

/**
 * The whole state of a completion port after a change ({@code port.state}).
 *
 * @param queue    the queued packets, head (next to leave) first
 * @param waiters  the waiting threads, most recent (next to be released) first
 * @param closed   true once CloseHandle has closed the port (an extension of the contract)
 */
public record PortState(long tUs, long seq, String port, int concurrency, int running, List<PacketView> queue,
                        List<String> waiters, List<String> associated, boolean closed) implements SimEvent {
    @Override
    public String type() {
        return "port.state";
    }
}
