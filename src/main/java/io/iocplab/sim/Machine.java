package io.iocplab.sim;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.KernelThread;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.PortObserver;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.QueueView;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The deterministic machine: a virtual clock, a timer queue, processors, simulated threads running
 * programs of Win32 calls, and the completion ports of {@code kernel}.
 *
 * <p>It only goes forward, one action at a time ({@link #advance()}); each action is a step of a
 * thread, the end of a slice of Compute, a timer (Sleep, a GQCS timeout) firing. Every change of
 * state is one event to the sink, in order, numbered by {@code seq}. Nothing depends on wall-clock
 * time or on hash order, so the same scenario and seed always give the same events.
 *
 * <p>After every action the machine settles: threads that a wait released join the ready queue in
 * the order they were released, then idle processors take ready threads.
 *
 * <p>Whatever ends a run, its end, a {@link RunFailure} or an internal error, closes every real
 * connection it opened before the exception leaves {@link #advance()}; {@link #close()} does the same
 * for a run that its owner stops midway (it is an {@link AutoCloseable}, for try-with-resources).
 */
public final class Machine implements AutoCloseable {
    private final MachineConfig config;
    private final EventSink sink;
    private final TimerQueue timers = new TimerQueue();
    private final Scheduler scheduler;
    private final Win32Calls calls;
    private final SplittableRandom random;
    private final Map<String, CompletionPort> ports = new LinkedHashMap<>();
    private final Map<String, SimThread> threads = new LinkedHashMap<>();
    private final Map<KernelThread, SimThread> byKernel = new IdentityHashMap<>();
    private final Map<String, Overlapped> overlapped = new LinkedHashMap<>();
    private final Map<String, SimSocket> sockets = new LinkedHashMap<>();
    private final Map<String, byte[][]> landed = new java.util.HashMap<>();
    private final Connection.Factory connections;
    private final Peers peers;
    private final List<SimThread> toReady = new ArrayList<>();
    private final PortObserver observer = new Observer();
    private final Map<CompletionPort, List<String>> associatedNames = new IdentityHashMap<>();
    /** The what-ifs not yet performed, in the order they are performed ({@link WhatIf}). */
    private final java.util.ArrayDeque<WhatIf> whatIfs = new java.util.ArrayDeque<>();
    /** The echo workload as it is now (a what-if may change its workers' work from a moment on). */
    private EchoServer echo;
    /** Live mode: the run goes on while nothing is due, and outside clients come and go ({@link #goLive}). */
    private boolean live;
    /** Live mode: clients accepted whose names the main thread has not taken yet, in accept order. */
    private final java.util.ArrayDeque<String> accepted = new java.util.ArrayDeque<>();
    /** Events are built only when someone listens: with the trace off the machine does the same work, silently. */
    private final boolean tracing;
    /** See {@link #noticeQuiet()}: about a second of the machine's work with nothing to show for it. */
    static final long MAX_QUIET_ACTIONS = 10_000_000;
    private long now;
    private long seq;
    /** Moments opened so far; the current one is {@code moments - 1} while {@code momentOpen}. */
    private long moments;
    private boolean momentOpen;
    private long seqSeen;
    private long quietActions;
    private long packets;
    private boolean started;
    private boolean finished;
    private Summary summary;

    /** A machine without sockets. */
    public Machine(MachineConfig config, EventSink sink) {
        this(config, sink, null);
    }

    /**
     * @param connections opens the real connection under each socket; the machine owns it and closes
     *                    it, with every connection it opened, when the run ends or is closed
     */
    public Machine(MachineConfig config, EventSink sink, Connection.Factory connections) {
        this.config = config;
        this.sink = sink;
        this.connections = connections;
        this.tracing = sink != EventSink.NONE;
        this.scheduler = new Scheduler(this, config.cpus(), config.quantumUs());
        this.peers = new Peers(this);
        this.calls = new Win32Calls(this, peers);
        this.random = new SplittableRandom(config.seed());
    }

    // ------------------------------------------------------------------ building

    /** CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, numberOfConcurrentThreads) at t=0. */
    public void createPort(String name, int numberOfConcurrentThreads) {
        requireNotStarted();
        CompletionPort port = new CompletionPort(name, numberOfConcurrentThreads, config.cpus(), observer);
        ports.put(name, port);
    }

    /**
     * A server-side socket: a real loopback connection opened when the run starts, associated with
     * {@code port} (CreateIoCompletionPort(socket, port, key, 0)) at t=0 unless port is null.
     */
    public void createSocket(String name, String port, long key, Peer peer) {
        requireNotStarted();
        if (connections == null) {
            throw new IllegalStateException("this machine has no network for socket " + name);
        }
        SimSocket sock = new SimSocket(name, peer);
        if (port != null) {
            sock.kernel.associate(ports.get(port), key);
        }
        sockets.put(name, sock);
    }

    /** A thread that starts at t=0; threads start in the order they are created. */
    public void createThread(String name, List<Step> program) {
        requireNotStarted();
        addThread(name, new ProgramCursor(program));
    }

    private void addThread(String name, Program program) {
        SimThread t = new SimThread(name, threads.size(), program);
        t.runStep = () -> calls.runStep(t);
        threads.put(name, t);
        byKernel.put(t.kernel, t);
    }

    /**
     * The echo-server workload: the clients' sockets with closed-loop echo peers, a {@code main}
     * thread that associates each socket and posts its first WSARecv, and the worker threads running
     * the canonical worker loop. Main shuts the workers down with one posted packet each once every
     * client has gone.
     */
    public void createEchoServer(EchoServer echo) {
        requireNotStarted();
        this.echo = echo;
        List<String> clients = new ArrayList<>();
        for (int i = 1; i <= echo.clients(); i++) {
            String name = echo.socketName(i);
            createSocket(name, null, 0, new Peer.Echo(echo.messages(), echo.size(), echo.thinkUs(), echo.startUs()));
            clients.add(name);
        }
        addThread("main", new EchoMainProgram(echo, clients));
        for (int i = 1; i <= echo.workers(); i++) {
            addThread(echo.workerName(i), new EchoWorkerProgram(echo, this));
        }
    }

    /**
     * Actions to inject into the run, each right after its moment (the ordering rule of {@link WhatIf}); kept in
     * the order of their moments, and in the order given among those after the same moment. Only before the
     * start, and only on a machine whose events are listened to (moments are counted as events are made).
     */
    public void whatIf(List<WhatIf> actions) {
        requireNotStarted();
        if (!tracing && !actions.isEmpty()) {
            throw new IllegalStateException("what-ifs follow moments, which only a machine with a sink counts");
        }
        List<WhatIf> sorted = new ArrayList<>(actions);
        sorted.sort(java.util.Comparator.comparingLong(WhatIf::after));
        whatIfs.addAll(sorted);
    }

    /**
     * Live mode: the echo workload's workers with a main thread that takes each client the listener accepts
     * ({@code LiveMainProgram}) instead of a fixed set of scripted clients. The run does not end when nothing is
     * due; outside happenings are added as they come ({@link #outsideConnected} and the others), each at a time
     * the caller gives (the wall clock's), and {@link #endLive()} ends it. Before the start.
     */
    public void goLive(EchoServer echo) {
        requireNotStarted();
        this.echo = echo;
        this.live = true;
        addThread("main", new LiveMainProgram(echo, this));
        for (int i = 1; i <= echo.workers(); i++) {
            addThread(echo.workerName(i), new EchoWorkerProgram(echo, this));
        }
    }

    /** The virtual time of the next action due, or {@link Long#MAX_VALUE} when none is. */
    public long nextDueUs() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.nextTime();
    }

    /**
     * Live mode: an outside client was accepted by the real listener; at virtual time {@code atUs} (or now, if
     * later) it becomes socket {@code name}, with {@code connection} under it, and hClientAccepted is released.
     */
    public void outsideConnected(String name, Connection connection, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> {
            SimSocket sock = new SimSocket(name, Peer.OUTSIDE);
            sock.connection = connection;
            sockets.put(name, sock);
            peers.start(sock);
            accepted.addLast(name);
            calls.clientAccepted();
        });
    }

    /** Live mode: an outside client's bytes (received for real) are its peer's send at {@code atUs} (or now). */
    public void outsideSent(String name, byte[] data, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> peers.outsideSent(sockets.get(name), data));
    }

    /** Live mode: an outside client closed (FIN) or reset (RST) at {@code atUs} (or now). */
    public void outsideClosed(String name, boolean reset, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> peers.outsideClosed(sockets.get(name), reset));
    }

    /**
     * Live mode: ends the run at virtual time {@code atUs} (the wall clock's; or now, if later): every socket is
     * closed and the summary, at that time, is the last event.
     */
    public void endLive(long atUs) {
        requireLive();
        if (!finished) {
            now = Math.max(now, atUs);
            if (!started) {
                started = true;
            }
            finish();
        }
    }

    /** The next client the listener accepted that the main thread has not taken (live mode). */
    String nextAccepted() {
        return accepted.pollFirst();
    }

    private void requireLive() {
        if (!live) {
            throw new IllegalStateException("not a live run");
        }
    }

    // ------------------------------------------------------------------ running

    /**
     * Performs the next action. Returns false when the run is over: nothing is left to happen
     * (every thread exited or waits for good) or the {@code until} time is reached; the summary
     * is then the last event.
     */
    public boolean advance() {
        if (finished) {
            return false;
        }
        momentOpen = false;                       // each action is a moment of its own, if it changes anything
        try {
            return step();
        } catch (RunFailure e) {
            finished = true;
            RuntimeException peersFirst = peers.failure();    // e.g. a wrong echo, then a receive left waiting
            close();
            throw peersFirst != null ? peersFirst : e;
        } catch (RuntimeException | Error e) {
            finished = true;                                  // an internal error closes the run's sockets too
            close();
            throw e;
        }
    }

    private boolean step() {
        if (!started) {
            start();
            return true;
        }
        WhatIf next = whatIfs.peek();
        if (next != null && moments > next.after()) {
            whatIfs.poll();
            perform(() -> calls.whatIf(next));
            return true;
        }
        if (live && timers.isEmpty()) {
            return true;                          // live: nothing is due until an outside client does something
        }
        if (timers.isEmpty() || !live && (config.untilUs() >= 0 && timers.nextTime() > config.untilUs())) {
            if (config.untilUs() >= 0 && !timers.isEmpty()) {
                now = config.untilUs();
            }
            finish();
            return false;
        }
        now = timers.nextTime();
        Runnable action = timers.poll();
        if (action == null) {
            return true;                          // a stale timer: nothing happens
        }
        perform(action);
        return true;
    }

    /** Performs one action of the machine, then settles (a failure is {@link #advance}'s to handle). */
    private void perform(Runnable action) {
        action.run();
        settle();
        if (tracing) {
            noticeQuiet();
        }
    }

    /**
     * A run whose actions show nothing for {@link #MAX_QUIET_ACTIONS} actions in a row (a thread that only computes,
     * forever, alone) would keep the machine busy with no end and no output: it ends with a message instead.
     * Counted where events are built (a trace, the window, a lesson, a sweep); a run without a sink is not watched.
     */
    private void noticeQuiet() {
        if (seq != seqSeen) {
            seqSeen = seq;
            quietActions = 0;
        } else if (++quietActions >= MAX_QUIET_ACTIONS) {
            throw new RunFailure("nothing happened in " + MAX_QUIET_ACTIONS + " actions of the machine up to "
                    + now / 1000 + " ms of virtual time (a thread that only computes, forever?); give the scenario "
                    + "an until: or a call in the loop");
        }
    }

    /** Runs to the end and returns the summary (also the last event sent to the sink). */
    public Summary run() {
        while (advance()) {
            // each action emits its own events
        }
        return summary;
    }

    private void start() {
        started = true;
        for (CompletionPort port : ports.values()) {
            portChanged(port);
        }
        for (SimSocket sock : sockets.values()) {
            try {
                sock.connection = connections.open(sock.name);
            } catch (ConnectionException e) {
                close();
                throw new RunFailure(e.getMessage(), e);
            }
            peers.start(sock);
        }
        for (SimThread t : threads.values()) {
            toReady.add(t);
        }
        settle();
    }

    private void settle() {
        for (SimThread t : toReady) {
            scheduler.makeReady(t);
        }
        toReady.clear();
        scheduler.dispatchIdle();
    }

    private void finish() {
        finished = true;
        timers.clear();
        try {
            peers.drain();                        // a failed echo check fails the run here
        } finally {
            close();
        }
        Map<String, Long> perThread = new LinkedHashMap<>();
        threads.values().forEach(t -> perThread.put(t.name, t.packets));
        summary = new Summary(now, seq, moment(), packets, scheduler.contextSwitches(), Collections.unmodifiableMap(perThread));
        emit(summary);
    }

    /** Closes every real connection of the run and the network under them; safe at any time, and twice. */
    @Override
    public void close() {
        peers.close();
        for (SimSocket sock : sockets.values()) {
            if (sock.connection != null) {
                sock.connection.close();
            }
        }
        if (connections != null) {
            connections.close();
        }
    }

    public boolean isFinished() {
        return finished;
    }

    // ------------------------------------------------------------------ what tests and views may read

    public long now() {
        return now;
    }

    public MachineConfig config() {
        return config;
    }

    /** The ports, in file order (the kernel objects, read-only use). */
    public Map<String, CompletionPort> ports() {
        return Collections.unmodifiableMap(ports);
    }

    /** The kernel part of each thread, in file order. */
    public List<KernelThread> kernelThreads() {
        return threads.values().stream().map(t -> t.kernel).toList();
    }

    // ------------------------------------------------------------------ used by Scheduler and Win32Calls

    SimThread thread(String name) {
        return threads.get(name);
    }

    CompletionPort port(String name) {
        return ports.get(name);
    }

    SimSocket socket(String name) {
        return sockets.get(name);
    }

    /** Whether every socket of the run has been closed by its program. */
    boolean allSocketsClosed() {
        return sockets.values().stream().allMatch(s -> s.closed);
    }

    /** Called when a program closes a socket: a thread waiting for all clients to go may wake. */
    void socketClosed(SimSocket sock) {
        calls.socketClosed();
    }

    /** The memory a receive's WSABUFs point to: what landed there last, by OVERLAPPED (the per-I/O data). */
    byte[][] landedIn(String overlappedLabel) {
        return landed.get(overlappedLabel);
    }

    void land(String overlappedLabel, byte[][] bytes) {
        landed.put(overlappedLabel, bytes);
    }

    /** Schedules an action that belongs to no thread (a peer's action, bytes arriving). */
    void atTime(long timeUs, Runnable action) {
        timers.at(timeUs, action);
    }

    /** The OVERLAPPED a label names; one structure per label for the whole run. */
    Overlapped overlapped(String label) {
        return label == null ? null : overlapped.computeIfAbsent(label, Overlapped::new);
    }

    /** The echo workload as it is now, or null. */
    EchoServer echo() {
        return echo;
    }

    /** The echo workers' work from now on. */
    void echoWork(WhatIf.EchoWork w) {
        echo = new EchoServer(echo.port(), echo.workers(), echo.clients(), echo.messages(), echo.size(),
                echo.thinkUs(), echo.startUs(), w.computeUs(), w.blockEvery(), w.blockUs());
    }

    SplittableRandom random() {
        return random;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    long callCost() {
        return config.callCostUs();
    }

    /** Schedules an action of thread t; it is dropped if t changes state before then. */
    void at(long timeUs, SimThread t, Runnable action) {
        timers.at(timeUs, t, action);
    }

    /** The thread becomes ready at the end of this action (released threads keep their release order). */
    void ready(SimThread t) {
        t.generation++;
        toReady.add(t);
    }

    void packetsTaken(SimThread t, int n) {
        t.packets += n;
        packets += n;
    }

    void setState(SimThread t, State state, Wait wait) {
        if (t.state != state) {
            t.generation++;
        }
        t.state = state;
        t.waitingOn = wait;
        if (tracing) {
            Integer cpu = state == State.RUNNING ? t.cpu : null;
            boolean exited = state == State.EXITED || t.current == null;
            emit(new ThreadState(now, seq, moment(), t.name, state, wait, cpu, exited ? null : t.current.api(),
                    exited ? -1 : t.currentIndex));
        }
    }

    /** A thread got a processor: its finished call returns, or its Compute goes on, or its next step runs. */
    void resume(SimThread t) {
        if (t.pendingReturn != null) {
            SimThread.PendingReturn r = t.pendingReturn;
            t.pendingReturn = null;
            returned(t, r);
            at(now + config.callCostUs(), t, t.runStep);
        } else if (t.computeLeftUs > 0) {
            calls.computeSlice(t);
        } else {
            at(now, t, t.runStep);
        }
    }

    /** A call returns to its thread: its program learns the result, and the trace says it. */
    void returned(SimThread t, SimThread.PendingReturn r) {
        t.program.returned(r);
        if (tracing) {
            emit(t.returnEvent(r, now, seq, moment()));
        }
    }

    /** Whether anyone listens to the events (an event that nobody reads need not be built). */
    boolean tracing() {
        return tracing;
    }

    void emit(SimEvent event) {
        seq++;
        sink.accept(event);
    }

    long seq() {
        return seq;
    }

    /**
     * The moment the events being made now belong to: the action being performed opens one with its
     * first event, and every event it makes is part of it (an action that changes nothing has none).
     */
    long moment() {
        if (!momentOpen) {
            momentOpen = true;
            moments++;
        }
        return moments - 1;
    }

    void portChanged(CompletionPort port) {
        if (!started || !tracing) {
            return;
        }
        emit(new PortState(now, seq, moment(), port.name(), port.concurrency(), port.running(),
                new QueueView(port.queueArray(), port.left()), names(port.waiters()), associatedNames(port),
                port.isClosed()));
    }

    private static List<String> names(java.util.Collection<KernelThread> threads) {
        String[] names = new String[threads.size()];
        int i = 0;
        for (KernelThread t : threads) {
            names[i++] = t.name();
        }
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** The names of a port's associated threads; the list of the last state again while they have not changed. */
    private List<String> associatedNames(CompletionPort port) {
        List<String> last = associatedNames.get(port);
        if (last != null && last.size() == port.associated().size()) {
            int i = 0;
            boolean same = true;
            for (KernelThread t : port.associated()) {
                if (!last.get(i++).equals(t.name())) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return last;
            }
        }
        List<String> fresh = names(port.associated());
        associatedNames.put(port, fresh);
        return fresh;
    }

    private void requireNotStarted() {
        if (started) {
            throw new IllegalStateException("the machine has started");
        }
    }

    /** What the kernel reports about its ports becomes events and wake-ups. */
    private final class Observer implements PortObserver {
        @Override
        public void portChanged(CompletionPort port) {
            Machine.this.portChanged(port);
        }

        @Override
        public void released(Release release) {
            calls.released(byKernel.get(release.thread()), release);
        }

        @Override
        public void abandoned(KernelThread thread, CompletionPort port) {
            calls.abandoned(byKernel.get(thread), port);
        }
    }
}
