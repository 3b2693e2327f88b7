package io.iocplab.app.stage;

import io.iocplab.sim.event.PacketView;
import java.util.Objects;

/**
 * One queued completion packet as its card shows it.
 *
 * <p>{@code index} is its place in the queue, 0 = the head (the next to leave, FIFO); {@code head}
 * is true exactly for index 0. {@code status} is null for a packet that carries success, otherwise
 * the Win32 name and number ({@code failed} is then true and the card is drawn red).
 */
public record PacketCardModel(String port, int index, boolean head, String bytes, String key, String overlapped,
                              String status, boolean failed, String headTag) {

    static PacketCardModel of(String port, int index, PacketView p, Words w) {
        boolean failed = p.status() != 0;
        return new PacketCardModel(port, index, index == 0,
                w.get("packet.bytes", Long.toString(p.bytes())),
                w.get("packet.key", Long.toString(p.key())),
                w.get("packet.ov", Words.ov(p.overlapped())),
                failed ? Words.error(p.status()) : null,
                failed,
                index == 0 ? w.get("queue.head") : null);
    }

    /** Whether both show the same packet (wherever it is in the queue). */
    boolean samePacket(PacketCardModel o) {
        return bytes.equals(o.bytes) && key.equals(o.key) && overlapped.equals(o.overlapped)
                && Objects.equals(status, o.status);
    }
}
