package io.iocplab.sim.event;

import io.iocplab.kernel.Packet;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A port's queue at one moment, as the {@code port.state} event shows it: an unmodifiable list of
 * {@link PacketView}s over a snapshot of the kernel's packets.
 *
 * <p>A port changes with almost every action, and most listeners (a sweep's measures, a trace off
 * screen) look at few of those states' packets, so a view is made when it is read, not when the
 * state is sent: building the event costs one array copy instead of one object per queued packet.
 * A packet never changes once made, so the list is the same whenever it is read; {@link PortState}
 * and the views made from it keep it as it is instead of copying it (a copy would make every view).
 */
public final class QueueView extends AbstractList<PacketView> implements RandomAccess {
    private final Packet[] packets;

    /** @param packets a snapshot the list now owns (nobody else may change it) */
    public QueueView(Packet[] packets) {
        this.packets = packets;
    }

    @Override
    public PacketView get(int index) {
        return PacketView.of(packets[index]);
    }

    @Override
    public int size() {
        return packets.length;
    }
}
