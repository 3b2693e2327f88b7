package io.iocplab.app.stage;

import io.iocplab.sim.event.PacketView;

/**
 * One thing that moved between two consecutive states, to be animated (see {@link Motions}).
 *
 * @param kind       what moved
 * @param port       the port it moved in or out of, or null
 * @param packet     the packet that moved, or null when it is not known yet
 * @param fromSocket the socket a packet came from (its completion), or null
 * @param fromThread the thread a packet or a thread chip came from (the poster of a packet), or null
 * @param toThread   the thread a packet went to, or the thread that moved
 * @param cpu        the processor a thread went to, or -1
 * @param index      a position: the packet's place in the queue, or the waiter's place in the stack
 */
public record Motion(Kind kind, String port, PacketView packet, String fromSocket, String fromThread, String toThread,
                     int cpu, int index) {

    /** The moves the stage animates. */
    public enum Kind {
        /** A packet joins the tail of the queue (from a socket's completion, or a poster). */
        PACKET_TO_QUEUE,
        /** A packet is handed straight to a released waiter: it never enters the queue. */
        PACKET_TO_THREAD,
        /** The head packet leaves the queue (to the thread that took it, if known). */
        PACKET_LEAVES_QUEUE,
        /** A waiter leaves the stack: the port released it. */
        THREAD_WAKES,
        /** A thread starts waiting on the port: it goes on top of the stack. */
        THREAD_WAITS,
        /** A thread starts running on a processor. */
        THREAD_TO_CPU
    }

    /** A short label for the flying card: the packet's OVERLAPPED label, or the thread's name. */
    public String label() {
        return switch (kind) {
            case THREAD_WAKES, THREAD_WAITS, THREAD_TO_CPU -> toThread;
            default -> packet == null ? "●" : Words.packetName(packet);
        };
    }
}
