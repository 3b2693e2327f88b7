package io.iocplab.lesson.run;

import static io.iocplab.lesson.GqcsReturns.isGqcs;

import io.iocplab.lesson.GqcsReturns;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Looking back through a run's events: a thread's or a port's latest state, the threads that use a port. */
final class RunEvents {
    private RunEvents() {}

    /** The threads that use a port during the run, in the order they first appear. */
    static List<String> threadsOf(List<SimEvent> events, String port) {
        Set<String> order = new LinkedHashSet<>();
        for (SimEvent e : events) {
            if (e instanceof ThreadState t) {
                order.add(t.thread());
            }
        }
        Set<String> used = new LinkedHashSet<>();
        for (SimEvent e : events) {
            if (e instanceof PortState p && p.port().equals(port)) {
                used.addAll(p.associated());
                used.addAll(p.waiters());
            } else if (e instanceof ApiReturn r && isGqcs(r) && port.equals(GqcsReturns.portOf(r))) {
                used.add(r.thread());
            }
        }
        List<String> out = new ArrayList<>();
        for (String t : order) {
            if (used.contains(t)) {
                out.add(t);
            }
        }
        for (String t : used) {
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The latest state of a thread at or before event {@code index}, or null before its first. */
    static ThreadState lastState(List<SimEvent> events, String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            if (events.get(i) instanceof ThreadState t && t.thread().equals(thread)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The port whose waiters list {@code thread} in the latest port.state at or before event {@code index}
     * that lists it, or null.
     */
    static String portWaitedOnBy(List<SimEvent> events, String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            if (events.get(i) instanceof PortState p && p.waiters().contains(thread)) {
                return p.port();
            }
        }
        return null;
    }

    /** The latest state of a port at or before event {@code index}, or null before its first. */
    static PortState lastPort(List<SimEvent> events, String port, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            if (events.get(i) instanceof PortState p && p.port().equals(port)) {
                return p;
            }
        }
        return null;
    }
}
