package io.iocplab.sim.event;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six rules that hold at every stop (the end of every moment), read from the last
 * {@code port.state} of each port and the last {@code thread.state} of each thread:
 * <ul>
 *   <li><b>W</b> every thread in a port's waiters is waiting on the port;</li>
 *   <li><b>P</b> every thread waiting on a port is in exactly one port's waiters;</li>
 *   <li><b>C</b> a running thread has a processor, no two share one, a thread that is not running has none;</li>
 *   <li><b>D</b> no thread is ready while a processor is idle;</li>
 *   <li><b>R</b> a port's running count equals its associated threads that are running or ready
 *       (the kernel's invariant, iocp-semantics.md §1);</li>
 *   <li><b>L</b> never a queued packet and a waiter while the running count is below the concurrency
 *       value in force (the kernel's rule {@link CompletionPort#belowLimit(int, int)}, §2.1).</li>
 * </ul>
 * Between the events of one moment they may not hold (a port has let a waiter go before the thread
 * is ready); that is why nothing lands there. Feed the events in order with {@link #accept}; ask
 * {@link #broken()} at a stop.
 */
public final class StopRules {
    private final int cpus;
    private final Map<String, PortState> ports = new LinkedHashMap<>();
    private final Map<String, ThreadState> threads = new LinkedHashMap<>();

    /** @param cpus the machine's processors (the trace does not say how many) */
    public StopRules(int cpus) {
        this.cpus = cpus;
    }

    /** Takes in the next event of the run. */
    public void accept(SimEvent e) {
        if (e instanceof PortState p) {
            ports.put(p.port(), p);
        } else if (e instanceof ThreadState t) {
            threads.put(t.thread(), t);
        }
    }

    /** The rules broken by the state now, one line each ("W: …"); empty when the state is whole. */
    public List<String> broken() {
        List<String> out = new ArrayList<>();
        Map<String, Integer> waitsIn = new HashMap<>();
        for (PortState p : ports.values()) {
            for (String w : p.waiters()) {
                waitsIn.merge(w, 1, Integer::sum);
                ThreadState t = threads.get(w);
                if (t == null || t.state() != State.WAITING || t.waitingOn() != Wait.PORT) {
                    out.add("W: " + w + " is among " + p.port() + "'s waiters but is " + describe(t));
                }
            }
        }
        Map<Integer, String> onCpu = new HashMap<>();
        boolean someReady = false;
        for (ThreadState t : threads.values()) {
            if (t.state() == State.WAITING && t.waitingOn() == Wait.PORT && waitsIn.getOrDefault(t.thread(), 0) != 1) {
                out.add("P: " + t.thread() + " waits on a port but is in " + waitsIn.getOrDefault(t.thread(), 0)
                        + " ports' waiters");
            }
            if (t.state() == State.RUNNING) {
                if (t.cpu() == null) {
                    out.add("C: " + t.thread() + " is running on no processor");
                } else if (onCpu.putIfAbsent(t.cpu(), t.thread()) != null) {
                    out.add("C: " + t.thread() + " and " + onCpu.get(t.cpu()) + " both run on CPU " + t.cpu());
                }
            } else if (t.cpu() != null) {
                out.add("C: " + t.thread() + " is " + describe(t) + " but holds CPU " + t.cpu());
            }
            someReady |= t.state() == State.READY;
        }
        if (someReady && onCpu.size() < cpus) {
            out.add("D: a thread is ready while " + (cpus - onCpu.size()) + " processor(s) are idle");
        }
        for (PortState p : ports.values()) {
            if (p.closed()) {
                continue;
            }
            long counted = p.associated().stream().map(threads::get)
                    .filter(t -> t != null && (t.state() == State.RUNNING || t.state() == State.READY)).count();
            if (counted != p.running()) {
                out.add("R: " + p.port() + " counts " + p.running() + " running but " + counted
                        + " associated threads are running or ready");
            }
            if (!p.queue().isEmpty() && !p.waiters().isEmpty() && CompletionPort.belowLimit(p.running(), p.concurrency())) {
                out.add("L: " + p.port() + " holds " + p.queue().size() + " packet(s) and " + p.waiters().size()
                        + " waiter(s) with " + p.running() + " running below " + p.concurrency());
            }
        }
        return out;
    }

    private static String describe(ThreadState t) {
        if (t == null) {
            return "unknown";
        }
        return t.state().json() + (t.waitingOn() == null ? "" : " (" + t.waitingOn().json() + ")");
    }

    /**
     * Checks a whole run: the rules at the end of every moment.
     *
     * @return one line per broken rule, each prefixed with its moment ("moment 12: W: …"); empty when every stop is whole
     */
    public static List<String> check(Iterable<? extends SimEvent> events, int cpus) {
        StopRules rules = new StopRules(cpus);
        List<String> out = new ArrayList<>();
        SimEvent previous = null;
        for (SimEvent e : events) {
            if (previous != null && e.moment() != previous.moment()) {
                report(rules, previous.moment(), out);
            }
            rules.accept(e);
            previous = e;
        }
        if (previous != null) {
            report(rules, previous.moment(), out);
        }
        return out;
    }

    private static void report(StopRules rules, long moment, List<String> out) {
        for (String b : rules.broken()) {
            out.add("moment " + moment + ": " + b);
        }
    }
}
