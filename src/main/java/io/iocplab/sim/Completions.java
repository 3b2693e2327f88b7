package io.iocplab.sim;

import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.SocketObject;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.IoComplete;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the kernel finishes an overlapped operation on a socket or a listener: the {@code io.complete}
 * event, then the packet through the handle's port, or the status block written at once (§2.7). Whether
 * a packet is made is the kernel's rule ({@link SocketObject#queuesPacket}); this class only applies it
 * at the right virtual time, for every kind of operation alike.
 */
final class Completions {
    private final CallContext m;
    private final ApcCalls apcs;
    private final Hazards hazards;

    Completions(CallContext context, ApcCalls apcs, Hazards hazards) {
        this.m = context;
        this.apcs = apcs;
        this.hazards = hazards;
    }

    /**
     * The operation ends.
     *
     * @param handle   the handle it was issued on (its port and key carry the packet)
     * @param routine  the thread that issued it with a completion routine, or null: the routine is queued to it as
     *                 an APC, and no packet is ever made [ROS-irp {@code IopCompleteRequest}; DOC-WSARecv]
     * @param atOnce   true when the call itself returned success (no WSA_IO_PENDING)
     * @param buffers  what landed in (a receive) or left (a send) each WSABUF
     * @param accepted for an AcceptEx, the socket that got the connection, else null
     * @param peer     for an AcceptEx, the client it accepted, else null
     */
    void complete(SocketObject handle, Api api, Overlapped ov, SimThread routine, boolean atOnce, int status,
                  long bytes, byte[][] buffers, String accepted, String peer) {
        boolean completionRoutine = routine != null;
        boolean packet = handle.queuesPacket(ov, completionRoutine, atOnce) && !handle.port().isClosed();
        m.emit((tUs, seq, moment) -> new IoComplete(tUs, seq, moment, handle.name(), api, ov.label(), status, bytes,
                texts(buffers), packet, accepted, peer));
        handle.complete(ov, completionRoutine, atOnce, status, bytes);
        hazards.completed(ov);
        if (completionRoutine) {
            apcs.completionRoutine(routine, ov.label());
        }
    }

    static long total(byte[][] buffers) {
        long n = 0;
        for (byte[] b : buffers) {
            n += b.length;
        }
        return n;
    }

    static List<String> texts(byte[][] buffers) {
        List<String> out = new ArrayList<>(buffers.length);
        for (byte[] b : buffers) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return List.copyOf(out);
    }

    static byte[][] empty(int buffers) {
        return new byte[buffers][0];
    }
}
