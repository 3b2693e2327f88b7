package io.iocplab.timeline;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import java.util.List;

/**
 * A completion port as the stage draws it: the fields of its latest {@code port.state}.
 *
 * <p>Invariant: the lists are immutable; {@code queue} is head (next to leave) first and
 * {@code waiters} most recent (next to be released) first, exactly as the event gave them.
 * Nothing here is computed except {@link #overshoot()} and the limit test, which is the kernel's
 * own rule ({@link CompletionPort#belowLimit(int, int)}).
 *
 * @param sinceUs the virtual time of the {@code port.state} this view comes from
 */
public record PortView(String name, int concurrency, int running, List<PacketView> queue, List<String> waiters,
                       List<String> associated, boolean closed, long sinceUs) {

    public PortView {
        queue = PortState.frozen(queue);                // a port.state's queue is kept, not copied
        waiters = List.copyOf(waiters);
        associated = List.copyOf(associated);
    }

    /** The view of one {@code port.state} event. */
    public static PortView of(PortState e) {
        return new PortView(e.port(), e.concurrency(), e.running(), e.queue(), e.waiters(), e.associated(),
                e.closed(), e.tUs());
    }

    /** How far the running count is over the concurrency value: max(0, running - concurrency). */
    public int overshoot() {
        return Math.max(0, running - concurrency);
    }

    /** Whether the port would let one more thread take a packet now (the kernel's rule). */
    public boolean belowLimit() {
        return CompletionPort.belowLimit(running, concurrency);
    }

    /** The number of queued packets. */
    public int depth() {
        return queue.size();
    }

    /** The most recent waiter (the next to be released), or null when none waits. */
    public String nextWaiter() {
        return waiters.isEmpty() ? null : waiters.get(0);
    }
}
