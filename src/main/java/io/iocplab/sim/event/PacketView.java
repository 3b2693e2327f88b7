package io.iocplab.sim.event;

import io.iocplab.kernel.Packet;

/** A completion packet as the trace and the stage show it: bytes, key, OVERLAPPED label, Win32 status. */
public record PacketView(long bytes, long key, String overlapped, int status) {

    /** The view of a kernel packet. */
    public static PacketView of(Packet p) {
        return new PacketView(p.bytes(), p.key(), p.overlappedLabel(), p.status());
    }
}
