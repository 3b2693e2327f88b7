package io.iocplab.app.stage;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What moved between two consecutive states, read from the states and the event between them.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only a forward step of exactly one event moves anything: {@code current.step() ==
 *       previous.step() + 1}. Jumps and steps back are drawn without motion.</li>
 *   <li>A {@code port.state} that adds a packet at the tail is a {@link Motion.Kind#PACKET_TO_QUEUE};
 *       one that drops a waiter and the head packet is a {@link Motion.Kind#THREAD_WAKES} plus a
 *       {@link Motion.Kind#PACKET_LEAVES_QUEUE} to it; one that drops a waiter, keeps the queue and
 *       raises the running count is a hand-off ({@link Motion.Kind#PACKET_TO_THREAD}); a new waiter
 *       on top is a {@link Motion.Kind#THREAD_WAITS}; a head that leaves with no waiter released went
 *       to a thread that took it at once.</li>
 *   <li>A {@code thread.state} to RUNNING on a processor it was not on is a
 *       {@link Motion.Kind#THREAD_TO_CPU}.</li>
 *   <li>Where a packet came from: the socket whose {@code io.complete} (with a packet) was the event
 *       just before, else the poster named by the next {@code api.return} of PostQueuedCompletionStatus
 *       in {@code ahead} (the events after the current step that the timeline already has). A
 *       handed-off packet is the one the released thread's next GetQueuedCompletionStatus return
 *       names in {@code ahead}.</li>
 * </ul>
 * Pure: the same arguments always give the same motions.
 */
public final class Motions {
    private static final String GQCS = "GetQueuedCompletionStatus";
    private static final String GQCS_EX = "GetQueuedCompletionStatusEx";
    private static final String PQCS = "PostQueuedCompletionStatus";

    private Motions() {}

    public static List<Motion> between(ViewState previous, ViewState current, List<SimEvent> ahead) {
        if (previous == null || current == null || current.step() != previous.step() + 1) {
            return List.of();
        }
        SimEvent e = current.lastEvent();
        List<Motion> out = new ArrayList<>();
        if (e instanceof PortState p) {
            port(previous, current, p.port(), ahead == null ? List.of() : ahead, out);
        } else if (e instanceof ThreadState t) {
            thread(previous, current, t.thread(), out);
        }
        return out;
    }

    private static void port(ViewState prev, ViewState cur, String name, List<SimEvent> ahead, List<Motion> out) {
        PortView before = prev.port(name);
        PortView after = cur.port(name);
        if (before == null || after == null || after.closed()) {
            return;
        }
        List<PacketView> q0 = before.queue();
        List<PacketView> q1 = after.queue();
        boolean tailAdded = q1.size() == q0.size() + 1 && q1.subList(0, q0.size()).equals(q0);
        boolean headLeft = q1.size() == q0.size() - 1 && q0.subList(1, q0.size()).equals(q1);

        for (String w : after.waiters()) {
            if (!before.waiters().contains(w)) {
                out.add(new Motion(Motion.Kind.THREAD_WAITS, name, null, null, null, w, -1,
                        after.waiters().indexOf(w)));
            }
        }
        String fromSocket = null;
        if (prev.lastEvent() instanceof IoComplete c && c.packet()) {
            fromSocket = c.socket();
        }
        String poster = fromSocket == null ? poster(ahead, name) : null;

        if (tailAdded) {
            out.add(new Motion(Motion.Kind.PACKET_TO_QUEUE, name, q1.get(q1.size() - 1), fromSocket, poster, null, -1,
                    q1.size() - 1));
        }
        String released = null;
        for (String w : before.waiters()) {
            if (!after.waiters().contains(w)) {
                released = w;
                break;
            }
        }
        if (released != null) {
            out.add(new Motion(Motion.Kind.THREAD_WAKES, name, null, null, null, released, -1,
                    before.waiters().indexOf(released)));
            if (headLeft) {
                out.add(new Motion(Motion.Kind.PACKET_LEAVES_QUEUE, name, q0.get(0), null, null, released, -1, 0));
            } else if (!tailAdded && after.running() > before.running()) {
                PacketView handed = packetTakenBy(ahead, released);
                if (handed == null && prev.lastEvent() instanceof IoComplete c && c.packet()) {
                    handed = new PacketView(c.bytes(), 0, c.overlapped(), c.status());
                }
                out.add(new Motion(Motion.Kind.PACKET_TO_THREAD, name, handed, fromSocket,
                        poster(ahead, name, released), released, -1, -1));
            }
        } else if (headLeft) {
            out.add(new Motion(Motion.Kind.PACKET_LEAVES_QUEUE, name, q0.get(0), null, null,
                    takerOf(ahead, q0.get(0)), -1, 0));
        }
    }

    private static void thread(ViewState prev, ViewState cur, String name, List<Motion> out) {
        ThreadView before = prev.thread(name);
        ThreadView after = cur.thread(name);
        if (after == null || after.state() != State.RUNNING || after.cpu() == null) {
            return;
        }
        if (before == null || before.state() != State.RUNNING || !Objects.equals(before.cpu(), after.cpu())) {
            out.add(new Motion(Motion.Kind.THREAD_TO_CPU, null, null, null, null, name, after.cpu(), -1));
        }
    }

    /** The thread whose PostQueuedCompletionStatus on the port returns next. */
    private static String poster(List<SimEvent> ahead, String port) {
        return poster(ahead, port, null);
    }

    private static String poster(List<SimEvent> ahead, String port, String deliveredTo) {
        for (SimEvent e : ahead) {
            if (e instanceof ApiReturn r && PQCS.equals(r.api()) && port.equals(out(r).get("port"))
                    && (deliveredTo == null || deliveredTo.equals(out(r).get("delivered_to")))) {
                return r.thread();
            }
        }
        return null;
    }

    /** The packet the thread's next GetQueuedCompletionStatus returns, if the timeline has it already. */
    private static PacketView packetTakenBy(List<SimEvent> ahead, String thread) {
        for (SimEvent e : ahead) {
            if (e instanceof ApiReturn r && thread.equals(r.thread()) && GQCS.equals(r.api())) {
                Map<String, Object> o = out(r);
                if (o.get("key") == null && o.get("overlapped") == null) {
                    return null;
                }
                return new PacketView(number(o.get("bytes")), number(o.get("key")), (String) o.get("overlapped"),
                        r.ok() ? 0 : r.error());
            }
        }
        return null;
    }

    /** The thread whose next GetQueuedCompletionStatus(Ex) return carries this packet. */
    private static String takerOf(List<SimEvent> ahead, PacketView p) {
        for (SimEvent e : ahead) {
            if (e instanceof ApiReturn r && (GQCS.equals(r.api()) || GQCS_EX.equals(r.api()))) {
                Map<String, Object> o = out(r);
                if (GQCS_EX.equals(r.api()) || (Objects.equals(o.get("overlapped"), p.overlapped())
                        && number(o.get("key")) == p.key())) {
                    return r.thread();
                }
            }
        }
        return null;
    }

    private static Map<String, Object> out(ApiReturn r) {
        return r.out() == null ? Map.of() : r.out();
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
