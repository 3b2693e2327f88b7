package io.iocplab.sim.event;

import io.iocplab.kernel.Release;
import java.util.List;

/**
 * Packets left a completion port into a thread's hands ({@code port.dequeue}, an extension of the
 * contract): the thread took them at once in its GetQueuedCompletionStatus(Ex) call, or it was a
 * waiter and the kernel released it with one (iocp-semantics.md §2.1-§2.3). It comes in the same
 * moment as the port's {@code port.state}; the thread's {@code api.return} follows when the thread
 * runs, which may be a later moment when no processor is free.
 *
 * @param packets the packets, head of the queue first (one, except for GetQueuedCompletionStatusEx)
 * @param how     how they reached the thread: taken at once, handed off at post time, or a slot freed
 * @param freedBy the thread whose stop freed the slot, or null
 */
public record PortDequeue(long tUs, long seq, long moment, String port, String thread, List<PacketView> packets,
                          Release.Cause how, String freedBy) implements SimEvent {
    public PortDequeue {
        packets = List.copyOf(packets);
    }

    @Override
    public String type() {
        return "port.dequeue";
    }
}
