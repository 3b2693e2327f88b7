package io.iocplab.sim.event;

/** A completion packet as the trace and the stage show it: bytes, key, OVERLAPPED label, Win32 status. */
public record PacketView(long bytes, long key, String overlapped, int status) {}
