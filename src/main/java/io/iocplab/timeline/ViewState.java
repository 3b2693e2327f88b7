package io.iocplab.timeline;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the stage draws at one step of a run, and nothing the engine would have to be asked
 * for: an immutable snapshot of the fold of the first {@code step} events.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@code step} is the number of events applied (0 = before the first); {@code tUs} is the
 *       virtual time of the last of them (0 before the first), {@code lastEvent} that event.</li>
 *   <li>The maps keep the order in which the run first named each port, thread, socket and listener
 *       (the file order, for ports, threads and listeners); they and every list are unmodifiable. A
 *       listener is never among the sockets.</li>
 *   <li>{@code processors} has one entry per processor, index order; a thread is on at most one,
 *       and on one exactly when it is RUNNING.</li>
 *   <li>{@code summary} is null until the run's {@code summary} event has been applied.</li>
 * </ul>
 * Two states are equal when they were folded from equal events, however they were reached
 * (keyframe + replay, or from the start).
 *
 * @param cpus the number of processors: given to the fold, or the highest index seen + 1
 */
public record ViewState(int step, long tUs, int cpus, Map<String, PortView> ports, Map<String, ThreadView> threads,
                        Map<String, SocketView> sockets, List<ProcessorView> processors, SimEvent lastEvent,
                        Summary summary, Map<String, ListenerView> listeners) {

    public ViewState {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative");
        }
        ports = ordered(ports);
        threads = ordered(threads);
        sockets = ordered(sockets);
        processors = List.copyOf(processors);
        listeners = ordered(listeners);
    }

    /** A state without listeners. */
    public ViewState(int step, long tUs, int cpus, Map<String, PortView> ports, Map<String, ThreadView> threads,
                     Map<String, SocketView> sockets, List<ProcessorView> processors, SimEvent lastEvent,
                     Summary summary) {
        this(step, tUs, cpus, ports, threads, sockets, processors, lastEvent, summary, Map.of());
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The state before the first event of a run on {@code cpus} processors (0: not known yet). */
    public static ViewState initial(int cpus) {
        return new ViewStateBuilder(cpus).snapshot();
    }

    public PortView port(String name) {
        return ports.get(name);
    }

    public ThreadView thread(String name) {
        return threads.get(name);
    }

    public SocketView socket(String name) {
        return sockets.get(name);
    }

    public ListenerView listener(String name) {
        return listeners.get(name);
    }

    /** The thread running on a processor, or null when it is idle. */
    public String onProcessor(int cpu) {
        return processors.get(cpu).thread();
    }

    /** The port a thread waits on (it is among the port's waiters), or null. */
    public PortView portWaitedOnBy(String thread) {
        for (PortView p : ports.values()) {
            if (p.waiters().contains(thread)) {
                return p;
            }
        }
        return null;
    }

    /** The port a thread is associated with, or null. */
    public PortView portOf(String thread) {
        for (PortView p : ports.values()) {
            if (p.associated().contains(thread)) {
                return p;
            }
        }
        return null;
    }

    /** The moment of the last event applied (at a stop: the moment this state ends), or -1 before the first. */
    public long moment() {
        return lastEvent == null ? -1 : lastEvent.moment();
    }

    /** Whether the run's last event (the summary) has been applied. */
    public boolean finished() {
        return summary != null;
    }
}
