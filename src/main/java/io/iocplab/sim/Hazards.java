package io.iocplab.sim;

import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.Packet;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.Hazard.Rule;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The misuse detector: what a program does that real Windows code must never do, said where it happens (a
 * {@code hazard} event), while the call goes on as the model defines it.
 *
 * <p>Rules, each a bug the documentation forbids or that corrupts a real server:
 * <ul>
 *   <li><b>overlapped-in-use</b>: an overlapped call passes an OVERLAPPED whose last operation is still pending, or
 *       completed with its packet not yet dequeued: the kernel still owns it [DOC-WSARecv: "each outstanding
 *       operation needs its own OVERLAPPED"; DOC-IOCP: the status block is written at dequeue].</li>
 *   <li><b>buffer-in-use</b>: an overlapped call names ({@code buffer:}) memory a pending operation still fills or
 *       reads [DOC-WSARecv/WSASend: the buffers must stay valid, and untouched, until completion].</li>
 *   <li><b>socket-closed</b>, <b>port-closed</b>: a call names a handle already closed; in a real process the value
 *       may name another object by then [DOC-closesocket; DOC-CloseHandle].</li>
 *   <li><b>context-after-close</b>: a thread takes a packet whose completion key points to a per-socket context the
 *       program freed (HeapFree): the classic "closesocket, delete the context, and a completion was still
 *       queued" [DOC-CICP: the key accompanies every packet of the handle].</li>
 *   <li><b>freed-while-pending</b>: the program frees a buffer, or the context holding an OVERLAPPED, that a pending
 *       operation still uses: the kernel will write into freed memory [DOC-WSARecv].</li>
 * </ul>
 * A buffer is watched only when the program names it; an OVERLAPPED always.
 */
final class Hazards {
    private final CallContext m;
    /** Each OVERLAPPED's last operation: which call, on which handle, with which buffer, since when. */
    private final Map<String, Use> uses = new HashMap<>();
    /** Named buffers pending operations use: buffer name to those operations' OVERLAPPEDs, oldest first. */
    private final Map<String, List<String>> busy = new HashMap<>();
    /** When each handle (socket, listener, port) was closed. */
    private final Map<String, Long> closedAt = new HashMap<>();
    /** Completion keys whose per-socket context was freed, and when. */
    private final Map<Long, Long> freedKeys = new HashMap<>();

    private record Use(Api api, String handle, String buffer, long sinceUs) {}

    Hazards(CallContext context) {
        this.m = context;
    }

    /** An overlapped operation is being issued with this OVERLAPPED (and maybe a named buffer). */
    void issuing(SimThread t, Api api, Overlapped ov, String handle, String buffer) {
        Use last = uses.get(ov.label());
        if (ov.isPending() && last != null) {
            report(t, api, Rule.OVERLAPPED_IN_USE, "OVERLAPPED " + ov.label() + " is still in use by the " + last.api
                    + " on " + last.handle + " issued at " + ms(last.sinceUs) + " ms (not complete, or its packet not "
                    + "dequeued yet): two operations now share one OVERLAPPED");
        }
        String holder = buffer == null ? null : holderOf(buffer);
        if (holder != null) {
            Use use = uses.get(holder);
            report(t, api, Rule.BUFFER_IN_USE, "buffer " + buffer + " is still in use by the " + use.api + " on "
                    + use.handle + " (OVERLAPPED " + holder + "), which has not completed: two operations now share "
                    + "one buffer");
        }
        uses.put(ov.label(), new Use(api, handle, buffer, m.now()));
        if (buffer != null) {
            busy.computeIfAbsent(buffer, b -> new java.util.ArrayList<>()).add(ov.label());
        }
    }

    /** The operation issued with this OVERLAPPED completed: the kernel is done with its buffer. */
    void completed(Overlapped ov) {
        for (List<String> holders : busy.values()) {
            holders.remove(ov.label());
        }
    }

    /** The OVERLAPPED of the oldest pending operation that uses the named buffer, or null. */
    private String holderOf(String buffer) {
        List<String> holders = busy.get(buffer);
        return holders == null || holders.isEmpty() ? null : holders.get(0);
    }

    /** A handle was closed now. */
    void closed(String handle) {
        closedAt.put(handle, m.now());
    }

    /** A call names a handle that was closed. */
    void closedHandle(SimThread t, Api api, String handle, boolean port) {
        Long when = closedAt.get(handle);
        String since = when == null ? "" : " at " + ms(when) + " ms";
        if (port) {
            report(t, api, Rule.PORT_CLOSED, "port " + handle + " was closed" + since + ": a call on a closed handle "
                    + "(in a real process the value may name another object by then)");
        } else {
            report(t, api, Rule.SOCKET_CLOSED, handle + " was closed" + since + ": a call on a closed socket (in a "
                    + "real process the handle value may name another socket by then)");
        }
    }

    /** Packets left a port into t's hands: a key whose context was freed is a read of freed memory. */
    void taken(SimThread t, Api api, List<Packet> packets) {
        for (Packet p : packets) {
            Long when = freedKeys.get(p.key());
            if (when != null) {
                report(t, api, Rule.CONTEXT_AFTER_CLOSE, "the packet's completion key " + p.key() + " points to a "
                        + "per-socket context freed at " + ms(when) + " ms: the thread reads freed memory");
            }
        }
    }

    /** A handle was associated with this key: a context is there again. */
    void associated(long key) {
        freedKeys.remove(key);
    }

    /** HeapFree: marks what was freed, and says so when a pending operation still uses it. */
    void heapFree(SimThread t, Step.HeapFree s) {
        if (s.key() != null) {
            freedKeys.put(s.key(), m.now());
        } else if (s.buffer() != null && holderOf(s.buffer()) != null) {
            String holder = holderOf(s.buffer());
            Use use = uses.get(holder);
            report(t, s.api(), Rule.FREED_WHILE_PENDING, "buffer " + s.buffer() + " is freed while the " + use.api
                    + " on " + use.handle + " (OVERLAPPED " + holder + ") still uses it: the kernel will use freed "
                    + "memory");
        } else if (s.overlapped() != null) {
            Overlapped ov = m.overlapped(s.overlapped());
            Use holder = uses.get(s.overlapped());
            if (ov.isPending() && holder != null) {
                report(t, s.api(), Rule.FREED_WHILE_PENDING, "the context holding OVERLAPPED " + s.overlapped()
                        + " is freed while the " + holder.api + " on " + holder.handle + " is pending: the kernel "
                        + "will write its result into freed memory");
            }
        }
    }

    private void report(SimThread t, Api api, Rule rule, String message) {
        int step = t.currentIndex;
        m.emit((tUs, seq, moment) -> new Hazard(tUs, seq, moment, t.name, api, rule, message, step));
    }

    private static String ms(long us) {
        return BigDecimal.valueOf(us).movePointLeft(3).setScale(3).toPlainString();
    }
}
