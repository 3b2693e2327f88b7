package io.iocplab.sim.event;

import io.iocplab.kernel.Packet;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A port's queue at one moment, as the {@code port.state} event shows it: an unmodifiable list of
 * {@link PacketView}s over a snapshot that never changes.
 *
 * <p>A port changes with almost every action, and most listeners (a sweep's measures, a trace off
 * screen) look at few of those states' packets, so a view is made when it is read, not when the
 * state is sent: building the event costs one array copy instead of one object per queued packet.
 * A packet never changes once made, so the list is the same whenever it is read; {@link PortState}
 * and the views made from it keep it as it is instead of copying it (a copy would make every view).
 *
 * <p>Two snapshots: the machine's, an array of the kernel's packets ({@link #QueueView(Packet[], long)});
 * and a stored run's ({@link #of}), a range of a log of views that only grows: the queue is FIFO, so the
 * queues a port shows one after the other are overlapping windows on the packets that joined it, and a
 * timeline keeps each packet once however many states show it.
 *
 * <p>{@link #first()} is where the head stands among all the packets that ever joined the port's queue
 * (the kernel's {@link io.iocplab.kernel.CompletionPort#left()}), when known.
 */
public final class QueueView extends AbstractList<PacketView> implements RandomAccess {
    private final Packet[] packets;      // the kernel's packets, or null
    private final PacketView[] views;    // or a log of views
    private final int from;
    private final int size;
    private final long first;

    /**
     * @param packets a snapshot the list now owns (nobody else may change it)
     * @param first   the place of its head among all the packets that joined the port's queue, or -1
     */
    public QueueView(Packet[] packets, long first) {
        this(packets, null, 0, packets.length, first);
    }

    /** A snapshot whose place among the port's packets is not known. */
    public QueueView(Packet[] packets) {
        this(packets, -1);
    }

    private QueueView(Packet[] packets, PacketView[] views, int from, int size, long first) {
        this.packets = packets;
        this.views = views;
        this.from = from;
        this.size = size;
        this.first = first;
    }

    /**
     * The queue {@code log[from .. to)}; entries below {@code to} must never change again (the log may grow
     * after {@code to}).
     */
    public static QueueView of(PacketView[] log, int from, int to, long first) {
        Objects.checkFromToIndex(from, to, log.length);
        return new QueueView(null, log, from, to - from, first);
    }

    /** The place of the head among all the packets that ever joined the port's queue (0 for the first), or -1. */
    public long first() {
        return first;
    }

    @Override
    public PacketView get(int index) {
        Objects.checkIndex(index, size);
        return packets != null ? PacketView.of(packets[index]) : views[from + index];
    }

    @Override
    public int size() {
        return size;
    }
}
