package io.iocplab.app.stage;

import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.timeline.PortView;
import io.iocplab.timeline.ThreadView;
import io.iocplab.timeline.ViewState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What moved in one moment, read from the moment's own events: nothing is guessed from what comes
 * after it.
 *
 * <p>Rules:
 * <ul>
 *   <li>Only a forward step of exactly one moment moves anything ({@code current.moment() ==
 *       previous.moment() + 1}); jumps and steps back are drawn without motion.</li>
 *   <li>A {@code port.state} that adds packets at the tail of the queue is a
 *       {@link Motion.Kind#PACKET_TO_QUEUE} for each, from the socket of the moment's latest
 *       {@code io.complete} that made a packet, else from the thread whose PostQueuedCompletionStatus
 *       returns in this moment; a new waiter on top is a {@link Motion.Kind#THREAD_WAITS}.</li>
 *   <li>A {@code port.dequeue} says who took which packets and how: taken at once, each leaves the
 *       head of the queue to the thread ({@link Motion.Kind#PACKET_LEAVES_QUEUE}); handed off, the
 *       waiter wakes ({@link Motion.Kind#THREAD_WAKES}) and the packet flies straight to it from its
 *       source ({@link Motion.Kind#PACKET_TO_THREAD}); released because another thread stopped, the
 *       waiter wakes and the head packet leaves the queue to it.</li>
 *   <li>A {@code thread.state} to RUNNING on a processor the thread was not on is a
 *       {@link Motion.Kind#THREAD_TO_CPU}.</li>
 * </ul>
 * Pure: the same arguments always give the same motions.
 */
public final class Motions {
    private Motions() {}

    /**
     * @param previous the stop shown before
     * @param current  the stop shown now
     * @param moment   the events of {@code current}'s moment (those between the two stops)
     */
    public static List<Motion> between(ViewState previous, ViewState current, List<SimEvent> moment) {
        if (previous == null || current == null || current.moment() != previous.moment() + 1) {
            return List.of();
        }
        return new Walk(previous, moment).motions();
    }

    /** One pass over a moment's events, keeping each port as it was before its latest change. */
    private static final class Walk {
        private final ViewState previous;
        private final List<SimEvent> events;
        private final Map<String, PortView> now = new HashMap<>();
        private final Map<String, PortView> before = new HashMap<>();
        private final Map<String, Integer> cpus = new HashMap<>();
        private final List<Motion> out = new ArrayList<>();
        private String completedSocket;

        Walk(ViewState previous, List<SimEvent> events) {
            this.previous = previous;
            this.events = events;
        }

        List<Motion> motions() {
            for (SimEvent e : events) {
                if (e instanceof IoComplete c && c.packet()) {
                    completedSocket = c.socket();
                } else if (e instanceof PortState p) {
                    port(p);
                } else if (e instanceof PortDequeue d) {
                    dequeue(d);
                } else if (e instanceof ThreadState t) {
                    thread(t);
                }
            }
            return out;
        }

        private void port(PortState p) {
            PortView was = now.containsKey(p.port()) ? now.get(p.port()) : previous.port(p.port());
            PortView is = PortView.of(p);
            before.put(p.port(), was);
            now.put(p.port(), is);
            if (was == null || is.closed()) {
                return;
            }
            for (String w : is.waiters()) {
                if (!was.waiters().contains(w)) {
                    out.add(new Motion(Motion.Kind.THREAD_WAITS, p.port(), null, null, null, w, -1,
                            is.waiters().indexOf(w)));
                }
            }
            List<PacketView> q0 = was.queue();
            List<PacketView> q1 = is.queue();
            int kept = q0.size() - leftAtHead(q0, q1);
            for (int i = kept; i < q1.size(); i++) {
                out.add(new Motion(Motion.Kind.PACKET_TO_QUEUE, p.port(), q1.get(i), source(), poster(p.port(), null),
                        null, -1, i));
            }
        }

        private void dequeue(PortDequeue d) {
            PortView was = before.getOrDefault(d.port(), previous.port(d.port()));
            if (d.how() == Release.Cause.IMMEDIATE) {
                for (int i = 0; i < d.packets().size(); i++) {
                    out.add(new Motion(Motion.Kind.PACKET_LEAVES_QUEUE, d.port(), d.packets().get(i), null, null,
                            d.thread(), -1, i));
                }
                return;
            }
            int place = was == null ? -1 : was.waiters().indexOf(d.thread());
            out.add(new Motion(Motion.Kind.THREAD_WAKES, d.port(), null, null, null, d.thread(), -1, place));
            PacketView p = d.packets().get(0);
            if (d.how() == Release.Cause.HANDED_OFF) {
                out.add(new Motion(Motion.Kind.PACKET_TO_THREAD, d.port(), p, source(),
                        poster(d.port(), d.thread()), d.thread(), -1, -1));
            } else {
                out.add(new Motion(Motion.Kind.PACKET_LEAVES_QUEUE, d.port(), p, null, null, d.thread(), -1, 0));
            }
        }

        private void thread(ThreadState t) {
            Integer was = cpus.containsKey(t.thread()) ? cpus.get(t.thread()) : cpuBefore(t.thread());
            Integer is = t.state() == State.RUNNING ? t.cpu() : null;
            cpus.put(t.thread(), is);
            if (is != null && !Objects.equals(was, is)) {
                out.add(new Motion(Motion.Kind.THREAD_TO_CPU, null, null, null, null, t.thread(), is, -1));
            }
        }

        private Integer cpuBefore(String thread) {
            ThreadView v = previous.thread(thread);
            return v == null || v.state() != State.RUNNING ? null : v.cpu();
        }

        /** The socket whose completion made the packet now moving; it makes one packet only. */
        private String source() {
            String s = completedSocket;
            completedSocket = null;
            return s;
        }

        /** The thread whose PostQueuedCompletionStatus on the port returns in this moment (and went to {@code to}). */
        private String poster(String port, String to) {
            for (SimEvent e : events) {
                if (e instanceof ApiReturn r && r.api() == Api.PostQueuedCompletionStatus
                        && r.result() instanceof CallResult.Posted p && p.port().equals(port)
                        && Objects.equals(p.deliveredTo(), to)) {
                    return r.thread();
                }
            }
            return null;
        }
    }

    /** How many packets left the head of {@code q0} to give {@code q1} (what stayed is q1's head). */
    private static int leftAtHead(List<PacketView> q0, List<PacketView> q1) {
        for (int gone = 0; gone <= q0.size(); gone++) {
            List<PacketView> kept = q0.subList(gone, q0.size());
            if (q1.size() >= kept.size() && q1.subList(0, kept.size()).equals(kept)) {
                return gone;
            }
        }
        return q0.size();
    }
}
