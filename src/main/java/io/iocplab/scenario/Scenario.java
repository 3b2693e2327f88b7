package io.iocplab.scenario;

import io.iocplab.sim.EchoServer;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid scenario, as read from a file (scenario-and-trace.md, "The file"), plus the extensions
 * in {@code EXTENSIONS.md} ({@code seed}, {@code quantum}, {@code callCost}, {@code latency},
 * {@code echo}).
 *
 * <p>Guarantees, once built by {@link ScenarioLoader}: every name a step, a socket or a peer refers to
 * is declared; every time is in virtual microseconds and not negative; every map keeps file order
 * (threads start in that order) and, like every list, cannot be modified.
 *
 * @param title      the title, or null
 * @param untilUs    stop at this virtual time, or -1 for no limit
 * @param latencyUs  how long bytes, a FIN or a RST take across a loopback connection
 * @param ports      port name to NumberOfConcurrentThreads (0 means {@code cpus}), in file order
 * @param sockets    socket name to its set-up, in file order
 * @param listeners  listener name to its set-up, in file order
 * @param peers      socket name to what the peer at its other end does, in time order; or a client's name to
 *                   what it does, its first action connecting it to a listener
 * @param threads    thread name to its program, in file order
 * @param echo       the echo-server workload, or null
 * @param whatIf     actions injected after moments (a fork made at a stop), in the order they are performed
 * @param live       whether it runs live: its echo workers answer outside clients in real time ({@code iocplab live})
 */
public record Scenario(String title, int cpus, long untilUs, long quantumUs, long callCostUs, long seed,
                       long latencyUs, Map<String, Integer> ports, Map<String, SocketSpec> sockets,
                       Map<String, ListenerSpec> listeners, Map<String, List<Peer.Action>> peers,
                       Map<String, List<Step>> threads, EchoServer echo, List<WhatIf> whatIf, boolean live) {

    public static final int DEFAULT_CPUS = MachineConfig.DEFAULT_CPUS;
    public static final long DEFAULT_QUANTUM_US = MachineConfig.DEFAULT_QUANTUM_US;
    public static final long DEFAULT_CALL_COST_US = MachineConfig.DEFAULT_CALL_COST_US;
    public static final long DEFAULT_SEED = MachineConfig.DEFAULT_SEED;
    public static final long DEFAULT_LATENCY_US = MachineConfig.DEFAULT_LATENCY_US;
    public static final long NO_LIMIT = -1;

    /**
     * A server-side socket: a real loopback TCP connection.
     *
     * @param port       the port it is associated with at t=0, or null
     * @param key        the completion key of that association (0 when not associated)
     * @param sendBuffer its send buffer (SO_SNDBUF) in bytes, or {@link #NO_LIMIT}: sends then never wait
     */
    public record SocketSpec(String port, long key, Step.Source source, long sendBuffer) {
        /** A socket with no send buffer limit. */
        public SocketSpec(String port, long key, Step.Source source) {
            this(port, key, source, NO_LIMIT);
        }
    }

    /**
     * A listening socket on 127.0.0.1: clients connect to it, AcceptEx accepts them.
     *
     * @param port       the port it is associated with at t=0, or null
     * @param key        the completion key of that association (0 when not associated)
     * @param sendBuffer the send buffer (SO_SNDBUF) of the sockets it accepts, or {@link #NO_LIMIT}
     */
    public record ListenerSpec(String port, long key, Step.Source source, long sendBuffer) {
        /** A listener whose accepted sockets have no send buffer limit. */
        public ListenerSpec(String port, long key, Step.Source source) {
            this(port, key, source, NO_LIMIT);
        }
    }

    /** The sockets the AcceptEx steps of the threads accept into that are not among {@code sockets}, in program order. */
    public List<String> acceptSockets() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        threads.values().forEach(p -> acceptSockets(p, names));
        names.removeAll(sockets.keySet());
        return List.copyOf(names);
    }

    private static void acceptSockets(List<Step> steps, java.util.Set<String> names) {
        for (Step s : steps) {
            if (s instanceof Step.AcceptEx a) {
                names.add(a.socket());
            } else if (s instanceof Step.Loop l) {
                acceptSockets(l.steps(), names);
            }
        }
    }

    public Scenario {
        ports = frozen(ports);
        sockets = frozen(sockets);
        listeners = frozen(listeners);
        Map<String, List<Peer.Action>> p = new LinkedHashMap<>();
        peers.forEach((k, v) -> p.put(k, List.copyOf(v)));
        peers = Collections.unmodifiableMap(p);
        Map<String, List<Step>> t = new LinkedHashMap<>();
        threads.forEach((k, v) -> t.put(k, List.copyOf(v)));
        threads = Collections.unmodifiableMap(t);
        whatIf = List.copyOf(whatIf);
    }

    /** Whether running it opens real sockets. */
    public boolean usesSockets() {
        return !sockets.isEmpty() || !listeners.isEmpty() || echo != null;
    }

    /** The same scenario with another seed (the command line's {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(title, cpus, untilUs, quantumUs, callCostUs, newSeed, latencyUs, ports, sockets,
                listeners, peers, threads, echo, whatIf, live);
    }

    /** The same scenario on another number of processors (a concurrency value of 0 follows it). */
    public Scenario withCpus(int n) {
        return new Scenario(title, n, untilUs, quantumUs, callCostUs, seed, latencyUs, ports, sockets,
                listeners, peers, threads, echo, whatIf, live);
    }

    /** The same scenario with another concurrency value for one port. */
    public Scenario withConcurrency(String port, int numberOfConcurrentThreads) {
        Map<String, Integer> p = new LinkedHashMap<>(ports);
        p.replace(port, numberOfConcurrentThreads);
        return new Scenario(title, cpus, untilUs, quantumUs, callCostUs, seed, latencyUs, p, sockets,
                listeners, peers, threads, echo, whatIf, live);
    }

    /** The same scenario with another echo workload. */
    public Scenario withEcho(EchoServer newEcho) {
        return new Scenario(title, cpus, untilUs, quantumUs, callCostUs, seed, latencyUs, ports, sockets,
                listeners, peers, threads, newEcho, whatIf, live);
    }

    /** The same scenario with one more what-if, performed after those already given for the same moment. */
    public Scenario withWhatIf(WhatIf action) {
        List<WhatIf> more = new ArrayList<>(whatIf);
        more.add(action);
        more.sort(Comparator.comparingLong(WhatIf::after));
        return withWhatIfs(more);
    }

    /** The same scenario with these what-ifs instead of its own (none: the scenario as its file was before any fork). */
    public Scenario withWhatIfs(List<WhatIf> actions) {
        return new Scenario(title, cpus, untilUs, quantumUs, callCostUs, seed, latencyUs, ports, sockets,
                listeners, peers, threads, echo, actions, live);
    }

    /**
     * The same scenario run live: its echo workers answer outside clients as they come, in real time (the echo
     * block's clients, messages and what-ifs do not apply then; nor does its AcceptEx, since the live listener
     * accepts outside clients itself).
     *
     * @throws IllegalArgumentException when it has no echo workload (live mode runs its echo server)
     */
    public Scenario asLive() {
        if (echo == null) {
            throw new IllegalArgumentException("live mode runs the file's echo server, and this file has no echo: block");
        }
        return new Scenario(title, cpus, untilUs, quantumUs, callCostUs, seed, latencyUs, ports, Map.of(), Map.of(),
                Map.of(), Map.of(), echo.withAcceptEx(false), List.of(), true);
    }

    private static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
