package io.iocplab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.KernelThread;
import io.iocplab.kernel.Packet;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Out;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.StopRules;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random small programs (seeded, reproducible) run one action at a time; after every action and on
 * every event the port rules of iocp-semantics.md §1–§2 are checked:
 * <ol type="a">
 *   <li>running == associated threads that count as running (§1 invariant);</li>
 *   <li>never below the limit with both packets and waiters (§2.1 stable state);</li>
 *   <li>packets leave each port FIFO; an immediate return takes the head(s); a hand-off never queued;</li>
 *   <li>every released thread (hand-off or freed slot) was the most recent waiter (LIFO);</li>
 *   <li>no packet is delivered twice; at the end every post is delivered, queued, dropped by a close,
 *       or in the hands of a released thread that has not run since;</li>
 *   <li>no exception, seq 0,1,2,..., t_us never decreases;</li>
 *   <li>the same script run twice gives the same events;</li>
 *   <li>also: no more threads run than cpus, one per cpu; each thread's state event agrees with its kernel state.</li>
 * </ol>
 * A failure message carries the seed and the script.
 */
class MachinePropertyTest {

    static final int SCRIPTS = 1000;
    static final long BASE_SEED = 0x10C9_1AB5L;

    // ================================================================== scripts

    record Script(long seed, MachineConfig config, Map<String, Integer> ports, Map<String, List<Step>> threads) {

        Machine build(EventSink sink) {
            Machine m = new Machine(config, sink);
            ports.forEach(m::createPort);
            threads.forEach(m::createThread);
            return m;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append("seed=").append(seed).append(" cpus=").append(config.cpus()).append(" quantum=")
                    .append(config.quantumUs()).append(" until=").append(config.untilUs()).append('\n');
            ports.forEach((p, c) -> sb.append("  port ").append(p).append(" concurrency=").append(c).append('\n'));
            threads.forEach((t, prog) -> {
                sb.append("  thread ").append(t).append(":\n");
                print(sb, prog, "    ");
            });
            return sb.toString();
        }

        private static void print(StringBuilder sb, List<Step> steps, String indent) {
            for (Step s : steps) {
                sb.append(indent).append(describe(s)).append('\n');
                if (s instanceof Step.Loop l) {
                    print(sb, l.steps(), indent + "  ");
                }
            }
        }

        static String describe(Step s) {
            if (s instanceof Step.GetQueuedCompletionStatus g) {
                return "GQCS(" + g.port() + ", " + t(g.timeoutUs()) + ")";
            } else if (s instanceof Step.GetQueuedCompletionStatusEx g) {
                return "GQCSEx(" + g.port() + ", count=" + g.count() + ", " + t(g.timeoutUs()) + ")";
            } else if (s instanceof Step.PostQueuedCompletionStatus p) {
                return "PQCS(" + p.port() + ", " + p.bytes() + ", " + p.key() + ", " + p.overlapped() + ")";
            } else if (s instanceof Step.Compute c) {
                return "Compute(" + c.us() + ")";
            } else if (s instanceof Step.Sleep c) {
                return "Sleep(" + c.us() + ")";
            } else if (s instanceof Step.SuspendThread c) {
                return "SuspendThread(" + c.thread() + ")";
            } else if (s instanceof Step.ResumeThread c) {
                return "ResumeThread(" + c.thread() + ")";
            } else if (s instanceof Step.CloseHandle c) {
                return "CloseHandle(" + c.port() + ")";
            } else if (s instanceof Step.ExitThread) {
                return "ExitThread()";
            } else if (s instanceof Step.Loop l) {
                return "Loop(times=" + l.times() + ")";
            }
            return s.toString();
        }

        private static String t(long us) {
            return us == Step.INFINITE ? "INFINITE" : Long.toString(us);
        }
    }

    static Script generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int nPorts = 1 + r.nextInt(3);
        int cpus = 1 + r.nextInt(4);
        int nThreads = 1 + r.nextInt(6);
        long[] quanta = {300, 2_000, 20_000};
        MachineConfig config = new MachineConfig(cpus, quanta[r.nextInt(quanta.length)], 1, seed, 30_000);
        Map<String, Integer> ports = new LinkedHashMap<>();
        int[] concurrencies = {0, 1, 1, 2, 3};
        for (int i = 0; i < nPorts; i++) {
            ports.put("P" + i, concurrencies[r.nextInt(concurrencies.length)]);
        }
        List<String> portNames = List.copyOf(ports.keySet());
        List<String> threadNames = new ArrayList<>();
        for (int i = 0; i < nThreads; i++) {
            threadNames.add("T" + i);
        }
        int[] labels = {0};
        Map<String, List<Step>> threads = new LinkedHashMap<>();
        for (String t : threadNames) {
            List<Step> prog = new ArrayList<>();
            int kind = r.nextInt(12);
            if (kind < 3) {
                // a producer: a burst of posts (one label per post step; a loop repeats it: label#1, #2, ...)
                Step.Source n = Step.Source.NONE;
                String port = portNames.get(r.nextInt(portNames.size()));
                List<Step> burst = new ArrayList<>();
                burst.add(new Step.Compute(r.nextInt(500), n));
                for (int i = 0, m = 1 + r.nextInt(3); i < m; i++) {
                    burst.add(new Step.PostQueuedCompletionStatus(port, i, 1, "p" + labels[0]++, n));
                }
                prog.add(new Step.Loop(1 + r.nextInt(4), burst, n));
                prog.add(step(r, portNames, threadNames, labels, false));
            } else if (kind < 7) {
                // a worker: wait for a packet, work on it (computing or blocked), again
                Step.Source n = Step.Source.NONE;
                String port = portNames.get(r.nextInt(portNames.size()));
                Step get = r.nextBoolean() ? new Step.GetQueuedCompletionStatus(port, r.nextInt(4) == 0 ? 2_000 : Step.INFINITE, n)
                        : new Step.GetQueuedCompletionStatusEx(port, 1 + r.nextInt(3), Step.INFINITE, false, n);
                Step work = r.nextBoolean() ? new Step.Compute(1 + r.nextInt(2_000), n) : new Step.Sleep(1 + r.nextInt(2_000), n);
                prog.add(new Step.Loop(2 + r.nextInt(3), List.of(get, work), n));
                if (r.nextBoolean()) {
                    prog.add(step(r, portNames, threadNames, labels, false));
                }
            } else {
                int n = 1 + r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    prog.add(step(r, portNames, threadNames, labels, true));
                }
            }
            threads.put(t, prog);
        }
        return new Script(seed, config, ports, threads);
    }

    private static long timeout(SplittableRandom r) {
        int k = r.nextInt(3);
        return k == 0 ? Step.INFINITE : k == 1 ? 0 : 1 + r.nextInt(3_000);
    }

    private static Step step(SplittableRandom r, List<String> ports, List<String> threads, int[] labels,
                             boolean loops) {
        Step.Source n = Step.Source.NONE;
        String port = ports.get(r.nextInt(ports.size()));
        int k = r.nextInt(100);
        if (k < 24) {
            return new Step.GetQueuedCompletionStatus(port, timeout(r), n);
        } else if (k < 34) {
            return new Step.GetQueuedCompletionStatusEx(port, 1 + r.nextInt(4), timeout(r), false, n);
        } else if (k < 58) {
            return new Step.PostQueuedCompletionStatus(port, r.nextInt(100), r.nextInt(5), "p" + labels[0]++, n);
        } else if (k < 67) {
            return new Step.Compute(r.nextInt(4) == 0 ? 0 : r.nextInt(5_000), n);
        } else if (k < 76) {
            return new Step.Sleep(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(3_000), n);
        } else if (k < 82) {
            return new Step.SuspendThread(threads.get(r.nextInt(threads.size())), n);
        } else if (k < 90) {
            return new Step.ResumeThread(threads.get(r.nextInt(threads.size())), n);
        } else if (k < 92) {
            return new Step.CloseHandle(port, n);
        } else if (k < 94) {
            return new Step.ExitThread(n);
        } else if (loops) {
            int m = 1 + r.nextInt(3);
            List<Step> inner = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                inner.add(step(r, ports, threads, labels, false));
            }
            return new Step.Loop(1 + r.nextInt(3), inner, n);
        } else {
            return new Step.Compute(r.nextInt(1_000), n);
        }
    }

    // ================================================================== the test

    /** How often each path was exercised, over all scripts (printed, so a weak generator shows). */
    static final Map<String, Integer> STATS = new java.util.TreeMap<>();

    static void count(String what) {
        STATS.merge(what, 1, Integer::sum);
    }

    @Test
    @DisplayName("Random programs: §1 invariant, §2.1 stable state, FIFO packets, LIFO waiters, conservation, ordering, determinism")
    void randomPrograms() {
        long started = System.nanoTime();
        String only = System.getProperty("iocplab.seed");      // -Diocplab.seed=N reruns one script
        for (int i = 0; i < (only == null ? SCRIPTS : 1); i++) {
            long seed = only != null ? Long.parseLong(only) : BASE_SEED + i * 0x9E37_79B9L;
            Script script = generate(seed);
            List<SimEvent> first = runChecked(script);
            List<SimEvent> second = new ArrayList<>();
            Machine again = script.build(second::add);
            while (again.advance()) {
                // nothing
            }
            if (!first.equals(second)) {
                count("nondeterministic");
                int at = 0;
                while (at < Math.min(first.size(), second.size()) && first.get(at).equals(second.get(at))) {
                    at++;
                }
                fail("(g) not deterministic at event " + at + ": " + (at < first.size() ? first.get(at) : "end")
                        + " vs " + (at < second.size() ? second.get(at) : "end") + "\n" + script);
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("MachinePropertyTest: " + SCRIPTS + " scripts in " + ms + " ms; paths: " + STATS);
        if (only != null) {
            return;
        }
        for (String path : List.of("release:immediate", "release:handed_off", "release:slept", "release:suspended",
                "release:exited", "release:switched_port", "abandoned", "closed", "waiter:suspended",
                "waiter:timed_out", "overshoot", "batch>1", "invalid_handle")) {
            org.junit.jupiter.api.Assertions.assertTrue(STATS.getOrDefault(path, 0) > 0,
                    "the generator never exercised " + path + ": " + STATS);
        }
    }

    /** Runs one script, checking everything; returns its events. */
    static List<SimEvent> runChecked(Script script) {
        Checker checker = new Checker(script);
        Machine m = script.build(checker::accept);
        checker.machine = m;
        int actions = 0;
        try {
            while (m.advance()) {
                checker.afterAction();
                if (++actions > 200_000) {
                    checker.fail("the run does not end");
                }
            }
            checker.atEnd();
            List<String> broken = StopRules.check(checker.events, script.config().cpus());
            if (!broken.isEmpty()) {
                checker.fail("(g) a stop that is not a whole machine: " + broken.get(0));
            }
        } catch (CheckFailure e) {
            throw e;
        } catch (RuntimeException | AssertionError e) {
            AssertionError err = new AssertionError("(f) the run threw " + e + " after " + checker.events.size()
                    + " events\n" + script + "(rerun: -Diocplab.seed=" + script.seed() + ")\nlast events:\n"
                    + checker.tail(), e);
            throw err;
        }
        return checker.events;
    }

    static final class CheckFailure extends AssertionError {
        CheckFailure(String msg) {
            super(msg);
        }
    }

    // ================================================================== the checker

    /** Folds the events and checks the rules as they arrive. */
    static final class Checker {
        final Script script;
        final List<SimEvent> events = new ArrayList<>();
        Machine machine;

        /** The program listing of each thread: steps in document order, as ProgramCursor numbers them. */
        final Map<String, List<Step>> listing = new HashMap<>();

        final Map<String, PortState> lastState = new HashMap<>();
        /** Packets in each port's queue, as tokens "label#n", head first. */
        final Map<String, List<String>> tracked = new HashMap<>();
        final Map<String, Integer> postCount = new HashMap<>();
        final Set<String> posted = new HashSet<>();
        final Map<String, Integer> delivered = new HashMap<>();
        final Set<String> dropped = new HashSet<>();

        /** Packets just dequeued from a port by a thread that did not wait (the next immediate return). */
        final Map<String, List<String>> immediate = new HashMap<>();
        final Map<String, Long> immediateSeq = new HashMap<>();
        final Map<String, PortState[]> immediateStates = new HashMap<>();
        /** A token appended to a port's queue by the post whose api.return comes next. */
        final Map<String, String> appended = new HashMap<>();
        final Map<String, Long> appendedSeq = new HashMap<>();

        /** How each thread last left a waiter stack. */
        record Exit(String port, boolean wasHead, List<String> packets, long seq, PortState before, PortState after) {}
        final Map<String, Exit> waiterExit = new HashMap<>();
        /** Packets a released thread holds until its call returns. */
        final Map<String, List<String>> inHands = new HashMap<>();
        final Map<String, String> handOffOrSlot = new HashMap<>();
        final Set<String> mustBeAbandoned = new HashSet<>();
        final Map<String, ThreadState> threadState = new HashMap<>();

        Checker(Script script) {
            this.script = script;
            script.threads().forEach((t, prog) -> {
                List<Step> flat = new ArrayList<>();
                flatten(prog, flat);
                listing.put(t, flat);
            });
        }

        private static void flatten(List<Step> steps, List<Step> out) {
            for (Step s : steps) {
                out.add(s);
                if (s instanceof Step.Loop l) {
                    flatten(l.steps(), out);
                }
            }
        }

        void fail(String what) {
            throw new CheckFailure(what + "\n" + script + "(rerun: -Diocplab.seed=" + script.seed() + ")\nlast events:\n"
                    + tail());
        }

        void check(boolean ok, java.util.function.Supplier<String> what) {
            if (!ok) {
                fail(what.get());
            }
        }

        String tail() {
            StringBuilder sb = new StringBuilder();
            for (int i = Math.max(0, events.size() - 25); i < events.size(); i++) {
                sb.append("  ").append(events.get(i)).append('\n');
            }
            return sb.toString();
        }

        // ------------------------------------------------------------------ events

        void accept(SimEvent e) {
            // (f) order
            check(e.seq() == events.size(), () -> "(f) seq " + e.seq() + " where " + events.size() + " was expected: " + e);
            if (!events.isEmpty()) {
                check(e.tUs() >= events.get(events.size() - 1).tUs(), () -> "(f) time went back: " + e);
            }
            check(!(events.size() > 0 && events.get(events.size() - 1) instanceof Summary), () -> "(f) an event after the summary");
            events.add(e);
            if (e instanceof PortState p) {
                portState(p);
            } else if (e instanceof ApiReturn r) {
                apiReturn(r);
            } else if (e instanceof ThreadState s) {
                threadState.put(s.thread(), s);
                long running = threadState.values().stream().filter(x -> x.state() == ThreadState.State.RUNNING).count();
                check(running <= script.config().cpus(), () -> "more threads running than cpus: " + e);
                if (s.state() == ThreadState.State.RUNNING) {
                    check(s.cpu() != null && s.cpu() >= 0 && s.cpu() < script.config().cpus(), () -> "bad cpu: " + e);
                    for (ThreadState o : threadState.values()) {
                        check(o == s || o.state() != ThreadState.State.RUNNING || !Objects.equals(o.cpu(), s.cpu()), () ->
                                "two threads on cpu " + s.cpu() + ": " + e);
                    }
                }
            }
        }

        private String token(String label) {
            int n = postCount.merge(label, 1, Integer::sum);
            String tok = label + "#" + n;
            posted.add(tok);
            return tok;
        }

        private static String labelOf(String token) {
            return token.substring(0, token.indexOf('#'));
        }

        private static List<String> labels(List<String> tokens) {
            return tokens.stream().map(Checker::labelOf).toList();
        }

        private void portState(PortState p) {
            String port = p.port();
            PortState prev = lastState.put(port, p);
            List<String> newQ = p.queue().stream().map(PacketView::overlapped).toList();
            check(p.running() >= 0, () -> "negative running: " + p);
            if (p.running() > p.concurrency()) {
                count("overshoot");
            }
            check(!(p.running() < p.concurrency() && !p.queue().isEmpty() && !p.waiters().isEmpty()), () ->
                    "(b) below the limit with packets and waiters: " + p);
            check(new HashSet<>(p.waiters()).size() == p.waiters().size(), () -> "a thread waits twice: " + p);
            check(p.associated().containsAll(p.waiters()), () -> "a waiter is not associated: " + p);
            if (prev == null) {
                check(newQ.isEmpty() && p.waiters().isEmpty() && p.running() == 0, () -> "a port starts empty: " + p);
                tracked.put(port, new ArrayList<>());
                return;
            }
            check(!prev.closed() || p.closed(), () -> "a closed port reopened: " + p);
            List<String> oldT = tracked.get(port);
            List<String> oldQ = labels(oldT);
            if (p.closed() && !prev.closed()) {
                check(newQ.isEmpty() && p.waiters().isEmpty() && p.associated().isEmpty() && p.running() == 0, () ->
                        "a close leaves the port empty: " + p);
                count("closed");
                dropped.addAll(oldT);
                oldT.clear();
                for (String w : prev.waiters()) {
                    mustBeAbandoned.add(w);
                    waiterExit.remove(w);
                }
                // a thread suspended inside its GQCS on this port: the call is outstanding, so it is abandoned too
                for (String a : prev.associated()) {
                    ThreadState ts = threadState.get(a);
                    if (ts != null && ts.state() == ThreadState.State.WAITING
                            && ts.waitingOn() == ThreadState.Wait.SUSPENDED
                            && (ts.call() == Api.GetQueuedCompletionStatus || ts.call() == Api.GetQueuedCompletionStatusEx)) {
                        mustBeAbandoned.add(a);
                    }
                }
                return;
            }
            if (p.closed()) {
                check(newQ.isEmpty(), () -> "a closed port has packets: " + p);
                return;
            }
            // (c) the queue changes only by taking from the head or adding one at the tail
            int k = -1;
            String added = null;
            if (newQ.size() <= oldQ.size()) {
                int cut = oldQ.size() - newQ.size();
                if (oldQ.subList(cut, oldQ.size()).equals(newQ)) {
                    k = cut;
                }
            } else if (newQ.size() == oldQ.size() + 1 && newQ.subList(0, oldQ.size()).equals(oldQ)) {
                k = 0;
                added = newQ.get(newQ.size() - 1);
            }
            check(k >= 0, () -> "(c) the queue changed other than FIFO: " + oldQ + " -> " + newQ);
            List<String> removed = new ArrayList<>(oldT.subList(0, k));
            oldT.subList(0, k).clear();
            if (added != null) {
                String tok = token(added);
                oldT.add(tok);
                appended.put(port, tok);
                appendedSeq.put(port, p.seq());
            }
            // waiters: a push on top, or one leaves
            List<String> gone = prev.waiters().stream().filter(w -> !p.waiters().contains(w)).toList();
            List<String> fresh = p.waiters().stream().filter(w -> !prev.waiters().contains(w)).toList();
            check(gone.size() + fresh.size() <= 1, () -> "more than one waiter changed at once: " + prev.waiters() + " -> "
                    + p.waiters());
            if (!fresh.isEmpty()) {
                check(p.waiters().get(0).equals(fresh.get(0)), () -> "(d) a new waiter is not on top: " + p);
                check(p.waiters().subList(1, p.waiters().size()).equals(prev.waiters()), () -> "(d) the stack was reordered: "
                        + prev.waiters() + " -> " + p.waiters());
            }
            if (!gone.isEmpty()) {
                String w = gone.get(0);
                List<String> rest = new ArrayList<>(prev.waiters());
                rest.remove(w);
                check(rest.equals(p.waiters()), () -> "(d) the stack was reordered: " + prev.waiters() + " -> " + p.waiters());
                boolean head = prev.waiters().get(0).equals(w);
                if (!removed.isEmpty()) {
                    // a waiter released with the head packet because a slot was freed
                    check(removed.size() == 1, () -> "(c) a released waiter took more than one packet: " + removed);
                    check(head, () -> "(d) " + w + " released with " + removed + " but the most recent waiter was "
                            + prev.waiters().get(0));
                    // §2.3: the stopping thread's slot (-1) goes to the waiter (+1), which needs run < max
                    check(p.running() == prev.running() && prev.running() - 1 < p.concurrency(),
                            () -> "(b) slot-freed release: running " + prev.running() + " -> " + p.running() + ", max "
                                    + p.concurrency());
                    inHands.put(w, removed);
                    handOffOrSlot.put(w, "slot");
                }
                waiterExit.put(w, new Exit(port, head, removed, p.seq(), prev, p));
                if (removed.isEmpty()) {
                    // a hand-off (confirmed by the post's return), a timeout (running + 1) or a suspension (same running)
                    count(p.running() == prev.running() ? "waiter:suspended" : "waiter:left");
                }
            } else if (!removed.isEmpty()) {
                immediate.put(port, removed);
                immediateSeq.put(port, p.seq());
                immediateStates.put(port, new PortState[] {prev, p});
            }
        }

        private void apiReturn(ApiReturn r) {
            List<Step> prog = listing.get(r.thread());
            check(r.step() >= 0 && r.step() < prog.size(), () -> "api.return with no step: " + r);
            Step step = prog.get(r.step());
            check(step.api().equals(r.api()), () -> "api.return names " + r.api() + " but the step is " + step.api());
            if (step instanceof Step.PostQueuedCompletionStatus s) {
                post(r, s);
            } else if (step instanceof Step.GetQueuedCompletionStatus || step instanceof Step.GetQueuedCompletionStatusEx) {
                get(r, step instanceof Step.GetQueuedCompletionStatusEx);
            }
        }

        private void post(ApiReturn r, Step.PostQueuedCompletionStatus s) {
            String port = s.port();
            if (!r.ok()) {
                check(r.error() == io.iocplab.kernel.Win32Error.ERROR_INVALID_HANDLE
                        && lastState.get(port).closed(), () -> "a post failed on an open port: " + r);
                return;
            }
            Object to = Out.deliveredTo(r);
            if (to == null) {
                String tok = appended.remove(port);
                check(tok != null && labelOf(tok).equals(s.overlapped())
                        && appendedSeq.get(port) == r.seq() - 1, () ->
                        "(c) the post of " + s.overlapped() + " says queued, but the port's tail is " + tok);
            } else {
                String t = (String) to;
                Exit ex = waiterExit.get(t);
                // the port's state, then the port.dequeue that hands the packet over, then the post returns
                check(ex != null && ex.port().equals(port) && ex.seq() == r.seq() - 2 && ex.packets().isEmpty(), () ->
                        "(c) hand-off to " + t + " without it leaving the waiters of " + port + " just before: " + ex);
                check(ex.wasHead(), () -> "(d) hand-off to " + t + " that was not the most recent waiter");
                // §2.1: a hand-off needs run < max and counts the thread at post time
                check(ex.before().running() < ex.before().concurrency()
                                && ex.after().running() == ex.before().running() + 1,
                        () -> "(b) hand-off with running " + ex.before().running() + " -> " + ex.after().running()
                                + ", max " + ex.before().concurrency());
                String tok = token(s.overlapped());
                inHands.put(t, List.of(tok));
                handOffOrSlot.put(t, "handoff");
                waiterExit.remove(t);
            }
        }

        private void get(ApiReturn r, boolean ex) {
            String port = Out.port(r);
            String thread = r.thread();
            List<String> got;
            if (ex) {
                got = Out.entries(r).stream().map(PacketView::overlapped).toList();
            } else {
                got = Out.ov(r) == null ? List.of() : List.of(Out.ov(r));
            }
            boolean abandonedExpected = mustBeAbandoned.remove(thread);
            if (got.isEmpty()) {
                check(!r.ok(), () -> "TRUE with no packet: " + r);
                check(Out.release(r) == null, () -> "a release without a packet: " + r);
                count(abandonedExpected ? "abandoned" : r.error() == 258 ? "timeout" : "invalid_handle");
                if (r.error() == 258 && waiterExit.remove(thread) != null) {
                    count("waiter:timed_out");
                }
                if (abandonedExpected) {
                    check(r.error() == io.iocplab.kernel.Win32Error.ERROR_ABANDONED_WAIT_0, () ->
                            "a waiter of a closed port must get 735: " + r);
                } else {
                    check(r.error() == io.iocplab.kernel.Win32Error.WAIT_TIMEOUT
                                    || r.error() == io.iocplab.kernel.Win32Error.ERROR_INVALID_HANDLE, () ->
                            "no packet: timeout or invalid handle expected: " + r);
                }
                return;
            }
            check(!abandonedExpected, () -> thread + " waited on a port that was closed, yet got " + got);
            check(r.ok(), () -> "a posted packet always succeeds: " + r);
            String how = (String) Out.release(r);
            count("release:" + how);
            if (got.size() > 1) {
                count("batch>1");
            }
            List<String> tokens;
            if ("immediate".equals(how)) {
                tokens = immediate.remove(port);
                // the port's state, then the port.dequeue of the packets taken, then the call returns
                check(tokens != null && immediateSeq.get(port) == r.seq() - 2, () ->
                        "(c) an immediate return on " + port + " with no head taken just before: " + r);
                check(Out.freedBy(r) == null, () -> "freed_by on an immediate return: " + r);
                // §2.2: "same queue" gives up the slot first (-1 +1), a newcomer is only added (+1); either needs run < max
                PortState[] ba = immediateStates.remove(port);
                boolean same = ba[0].associated().contains(thread);
                int before = ba[0].running() - (same ? 1 : 0);
                check(before < ba[0].concurrency() && ba[1].running() == before + 1,
                        () -> "(b) immediate dequeue by " + thread + (same ? " (same queue)" : " (newcomer)")
                                + ": running " + ba[0].running() + " -> " + ba[1].running() + ", max "
                                + ba[0].concurrency());
            } else {
                tokens = inHands.remove(thread);
                String kind = handOffOrSlot.remove(thread);
                check(tokens != null, () -> "(d) " + thread + " returns " + got + " (" + how
                        + ") but was never released as the most recent waiter");
                if ("handed_off".equals(how)) {
                    check("handoff".equals(kind), () -> "(c) " + how + " but the packet came from the queue: " + r);
                    check(Out.freedBy(r) == null, () -> "freed_by on a hand-off: " + r);
                } else {
                    check("slot".equals(kind), () -> "(c) release " + how + " but the packet was handed off: " + r);
                    check(Out.freedBy(r) != null, () -> "a freed slot names who freed it: " + r);
                    check(List.of("slept", "suspended", "blocked_in_io", "exited", "switched_port").contains(how)
                            || "slot_freed".equals(how), () -> "unknown release: " + how);
                }
            }
            check(labels(tokens).equals(got), () -> "(c) " + thread + " got " + got + " but the port gave " + tokens);
            for (String tok : tokens) {
                int n = delivered.merge(tok, 1, Integer::sum);
                check(n == 1, () -> "(e) " + tok + " delivered twice");
            }
        }

        // ------------------------------------------------------------------ after every action

        void afterAction() {
            List<KernelThread> kts = machine.kernelThreads();
            // the scheduler's view (thread.state events) and the kernel's view of each thread agree
            for (KernelThread k : kts) {
                ThreadState st = threadState.get(k.name());
                if (st == null) {
                    continue;
                }
                boolean ok = switch (st.state()) {
                    case RUNNING, READY -> !k.isBlocked() && !k.isWaitingOnPort() && !k.hasExited();
                    case WAITING -> st.waitingOn() == ThreadState.Wait.PORT
                            ? k.isWaitingOnPort() && !k.isBlocked() && k.port() != null && k.port().waiters().contains(k)
                            : k.isBlocked() && !k.isWaitingOnPort();
                    case EXITED -> k.hasExited() && k.port() == null;
                };
                check(ok, () -> "(a) " + k.name() + " is " + st.state() + "/" + st.waitingOn() + " but the kernel says blocked="
                        + k.isBlocked() + " waitingOnPort=" + k.isWaitingOnPort() + " exited=" + k.hasExited()
                        + " port=" + k.port());
            }
            for (CompletionPort p : machine.ports().values()) {
                long counted = kts.stream().filter(t -> t.port() == p && t.countsAsRunning()).count();
                check(p.running() == counted, () -> "(a) " + p.name() + " running " + p.running() + " but " + counted
                        + " associated threads count as running");
                Set<KernelThread> assoc = new HashSet<>();
                kts.stream().filter(t -> t.port() == p).forEach(assoc::add);
                check(assoc.equals(new HashSet<>(p.associated())), () -> "(a) associated set of " + p.name()
                        + " differs from the threads' ports");
                check(!(p.belowLimit() && p.depth() > 0 && !p.waiters().isEmpty()), () ->
                        "(b) " + p + " is below the limit with packets and waiters");
                for (KernelThread w : p.waiters()) {
                    check(w.isWaitingOnPort() && !w.isBlocked() && !w.hasExited(), () -> "(a) bad waiter " + w + " on " + p);
                }
                List<String> q = p.queue().stream().map(Packet::overlappedLabel).toList();
                check(q.equals(labels(tracked.get(p.name()))), () -> "(c) the kernel queue " + q + " != the traced queue "
                        + tracked.get(p.name()));
            }
        }

        void atEnd() {
            check(!events.isEmpty() && events.get(events.size() - 1) instanceof Summary, () -> "(f) no summary at the end");
            Summary s = (Summary) events.get(events.size() - 1);
            long total = s.perThread().values().stream().mapToLong(Long::longValue).sum();
            check(total == s.packets(), () -> "summary per_thread does not add up: " + s);
            Set<String> queued = new HashSet<>();
            tracked.values().forEach(queued::addAll);
            Set<String> held = new HashSet<>();
            inHands.values().forEach(held::addAll);
            for (String tok : posted) {
                int n = (delivered.getOrDefault(tok, 0) > 0 ? 1 : 0) + (queued.contains(tok) ? 1 : 0)
                        + (dropped.contains(tok) ? 1 : 0) + (held.contains(tok) ? 1 : 0);
                check(n == 1, () -> "(e) " + tok + " is in " + n + " places (delivered " + delivered.get(tok) + ", queued "
                        + queued.contains(tok) + ", dropped " + dropped.contains(tok) + ", held " + held.contains(tok) + ")");
            }
            // the summary counts a packet when it leaves the port: delivered plus held
            check(s.packets() == delivered.size() + held.size(), () -> "summary packets " + s.packets() + " != delivered "
                    + delivered.size() + " + held " + held.size());
            long posts = events.stream().filter(e -> e instanceof ApiReturn r && r.api().name().equals("PostQueuedCompletionStatus")
                    && r.ok()).count();
            check(posts == posted.size(), () -> "(e) " + posts + " successful posts but " + posted.size() + " packets seen");
        }
    }

    // ================================================================== a few fixed scripts that must stay clean

    @Test
    @DisplayName("The checker itself: a hand-written run (S5 + S7 + close) passes every check")
    void checkerOnAKnownRun() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("P", 1);
        Map<String, List<Step>> threads = new LinkedHashMap<>();
        threads.put("T1", List.of(S.gqcs("P"), S.compute(500)));
        threads.put("T2", List.of(S.gqcs("P"), S.sleep(100), S.gqcs("P")));
        threads.put("M", List.of(S.compute(10), S.post("P", "A"), S.post("P", "B"), S.post("P", "C"),
                S.compute(1_000), S.close("P")));
        Script sc = new Script(1, new MachineConfig(4, 20_000, 1, 1, -1), ports, threads);
        List<SimEvent> ev = runChecked(sc);
        assertEquals(ev, runChecked(sc));
    }
}
