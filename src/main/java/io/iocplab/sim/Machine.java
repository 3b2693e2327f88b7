package io.iocplab.sim;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.KernelThread;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.PortObserver;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.QueueView;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
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
 * thread, the end of a slice of Compute, a timer (Sleep, a GQCS timeout) firing, a peer acting. Every
 * change of state is one event to the sink, in order, numbered by {@code seq}; the events of one action
 * are one moment. Nothing depends on wall-clock time, on hash order or on threads of its own (the
 * machine has none), so the same scenario and seed always give the same events, whoever listens.
 *
 * <p>After every action the machine settles: threads that a wait released join the ready queue in
 * the order they were released, then idle processors take ready threads. The parts that make calls
 * ({@link Win32Calls} and the handlers behind it, {@link Peers}) see the machine only through a
 * {@link CallContext}.
 *
 * <p>Two kinds of action come from outside the file's script. What-ifs ({@link WhatIf}) are actions a student
 * injected at stops, each performed right after its moment. In live mode ({@link #goLive}) outside clients come,
 * send and go as they do for real, each happening added at the time its caller gives; the run then goes on while
 * nothing is due, until {@link #endLive} ends it.
 *
 * <p>Whatever ends a run, its end, a {@link RunFailure} or an internal error, closes every real
 * connection it opened before the exception leaves {@link #advance()}; {@link #close()} does the same
 * for a run that its owner stops midway (it is an {@link AutoCloseable}, for try-with-resources).
 */
public final class Machine implements AutoCloseable {
    private final MachineConfig config;
    private final EventSink sink;
    private final TimerQueue timers = new TimerQueue();
    private final Threads threadControl;
    private final Win32Calls calls;
    private final Peers peers;
    private final SplittableRandom random;
    private final Context context = new Context();
    private final Memory memory = new Memory();
    private final Map<String, CompletionPort> ports = new LinkedHashMap<>();
    private final Map<String, SimThread> threads = new LinkedHashMap<>();
    private final Map<KernelThread, SimThread> byKernel = new IdentityHashMap<>();
    private final Map<String, Overlapped> overlapped = new LinkedHashMap<>();
    private final Map<String, SimSocket> sockets = new LinkedHashMap<>();
    /** The connections of the file's sockets, opened at the start. */
    private final List<SimConnection> connected = new ArrayList<>();
    private final Map<String, SimListener> listeners = new LinkedHashMap<>();
    private final List<Client> clients = new ArrayList<>();
    private final Connection.Factory connections;
    private final PortObserver observer = new Observer();
    private final Map<CompletionPort, List<String>> associatedNames = new IdentityHashMap<>();
    /** The what-ifs not yet performed, in the order they are performed ({@link WhatIf}). */
    private final ArrayDeque<WhatIf> whatIfs = new ArrayDeque<>();
    /** The echo workload as it is now (a what-if may change its workers' work from a moment on), or null. */
    private EchoServer echo;
    /** Live mode's main thread, which takes each client the listener accepts; null unless the run is live. */
    private LiveMainProgram liveMain;
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
        this.random = new SplittableRandom(config.seed());
        this.threadControl = new Threads(context, timers, config, new Threads.Returned() {
            @Override
            public void returned(SimThread t, SimThread.PendingReturn r) {
                Machine.this.returned(t, r);
            }

            @Override
            public void apcRan(SimThread t, SimThread.Apc apc) {
                context.emit((tUs, s, m) -> new ApcRun(tUs, s, m, t.name, apc.kind(), apc.overlapped(), t.currentIndex));
            }
        });
        this.peers = new Peers(context);
        this.calls = new Win32Calls(context, threadControl, peers);
        threadControl.attach(calls);
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
        createSocket(name, port, key, peer, SimSocket.UNLIMITED);
    }

    /** A server-side socket whose send buffer (SO_SNDBUF) holds {@code sendBuffer} bytes, or -1 for no limit. */
    public void createSocket(String name, String port, long key, Peer peer, long sendBuffer) {
        requireNetwork("socket " + name);
        SimSocket sock = new SimSocket(name, sendBuffer, SimSocket.Phase.CONNECTED);
        if (port != null) {
            sock.kernel.associate(ports.get(port), key);
        }
        sockets.put(name, sock);
        connected.add(link(sock, peer));
    }

    /** The connection of a socket connected from the start (or, live, from its accept), to a peer named as it is. */
    private static SimConnection link(SimSocket sock, Peer peer) {
        SimConnection c = new SimConnection(sock.name, peer, null);
        c.socket = sock;
        sock.link = c;
        return c;
    }

    /**
     * A listening socket on 127.0.0.1, opened when the run starts and associated with {@code port} (with
     * {@code key}) unless port is null; the sockets it accepts have a send buffer of {@code sendBuffer}
     * bytes, or no limit when it is -1.
     */
    public void createListener(String name, String port, long key, long sendBuffer) {
        requireNetwork("listener " + name);
        SimListener l = new SimListener(name, sendBuffer);
        if (port != null) {
            l.kernel.associate(ports.get(port), key);
        }
        listeners.put(name, l);
    }

    /** A socket made for AcceptEx (WSASocket): not connected until an AcceptEx gives it a connection. */
    public void createAcceptSocket(String name) {
        requireNetwork("socket " + name);
        sockets.put(name, new SimSocket(name, SimSocket.UNLIMITED, SimSocket.Phase.UNCONNECTED));
    }

    /** A client that connects to {@code listener} at {@code atUs}, then does what {@code peer} says. */
    public void createClient(String name, String listener, long atUs, Peer peer) {
        requireNetwork("client " + name);
        clients.add(new Client(name, listener, atUs, peer));
    }

    /** A client as created: who, to which listener, when, and what it does then. */
    private record Client(String name, String listener, long atUs, Peer peer) {}

    private void requireNetwork(String what) {
        requireNotStarted();
        if (connections == null) {
            throw new IllegalStateException("this machine has no network for " + what);
        }
    }

    /** A thread that starts at t=0; threads start in the order they are created. */
    public void createThread(String name, List<Step> program) {
        requireNotStarted();
        addThread(name, new ProgramCursor(program));
    }

    private void addThread(String name, Program program) {
        SimThread t = new SimThread(name, threads.size(), program, this::threadChanged);
        t.runStep = () -> threadControl.runStep(t);
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
        if (echo.acceptEx()) {
            createListener(echo.listenerName(), null, 0, SimSocket.UNLIMITED);    // main associates it
        }
        for (int i = 1; i <= echo.clients(); i++) {
            String name = echo.socketName(i);
            Peer.Echo peer = new Peer.Echo(echo.messages(), echo.size(), echo.thinkUs(), echo.startUs());
            if (echo.acceptEx()) {
                createAcceptSocket(name);
                createClient(echo.clientName(i), echo.listenerName(), echo.startUs(), peer);
            } else {
                createSocket(name, null, 0, peer);
            }
            clients.add(name);
        }
        addThread("main", new EchoMainProgram(echo, clients));
        addEchoWorkers(echo);
    }

    private void addEchoWorkers(EchoServer workload) {
        for (int i = 1; i <= workload.workers(); i++) {
            addThread(workload.workerName(i), new EchoWorkerProgram(workload, () -> echo, memory));
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
        sorted.sort(Comparator.comparingLong(WhatIf::after));
        whatIfs.addAll(sorted);
    }

    /**
     * Live mode: the echo workload's workers with a main thread that takes each client the listener accepts
     * ({@link LiveMainProgram}) instead of a fixed set of scripted clients. The run does not end when nothing is
     * due; outside happenings are added as they come ({@link #outsideConnected} and the others), each at a time
     * the caller gives (the wall clock's), and {@link #endLive} ends it. Before the start.
     */
    public void goLive(EchoServer workload) {
        requireNotStarted();
        this.echo = workload;
        this.liveMain = new LiveMainProgram(workload);
        addThread("main", liveMain);
        addEchoWorkers(workload);
    }

    /** The virtual time of the next action due, or {@link Long#MAX_VALUE} when none is. */
    public long nextDueUs() {
        return timers.isEmpty() ? Long.MAX_VALUE : timers.nextTime();
    }

    /**
     * Live mode: an outside client was accepted by the real listener; at virtual time {@code atUs} (or now, if
     * later) it becomes socket {@code name}, connected, with {@code connection} under it, and hClientAccepted is
     * released for it.
     */
    public void outsideConnected(String name, Connection connection, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> {
            SimSocket sock = new SimSocket(name, SimSocket.UNLIMITED, SimSocket.Phase.CONNECTED);
            SimConnection c = link(sock, Peer.OUTSIDE);
            c.real = connection;
            sockets.put(name, sock);
            peers.start(c);
            liveMain.accepted(name);
            calls.clientAccepted();
        });
    }

    /** Live mode: an outside client's bytes (received for real) are its peer's send at {@code atUs} (or now). */
    public void outsideSent(String name, byte[] data, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> peers.outsideSent(sockets.get(name).link, data));
    }

    /** Live mode: an outside client closed (FIN) or reset (RST) at {@code atUs} (or now). */
    public void outsideClosed(String name, boolean reset, long atUs) {
        requireLive();
        timers.at(Math.max(now, atUs), () -> peers.outsideClosed(sockets.get(name).link, reset));
    }

    /**
     * Live mode: ends the run at virtual time {@code atUs} (the wall clock's; or now, if later): every socket is
     * closed and the summary, at that time, is the last event.
     */
    public void endLive(long atUs) {
        requireLive();
        if (!finished) {
            now = Math.max(now, atUs);
            started = true;
            finish();
        }
    }

    private void requireLive() {
        if (liveMain == null) {
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
            ConnectionException first = connections == null ? null : connections.failure();  // e.g. a wrong byte,
            close();                                                                           // then a receive left waiting
            throw first != null ? new RunFailure(first.getMessage(), first) : e;
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
            perform(() -> inject(next));
            return true;
        }
        boolean live = liveMain != null;
        if (live && timers.isEmpty()) {
            return true;                          // live: nothing is due until an outside client does something
        }
        if (timers.isEmpty() || !live && config.untilUs() >= 0 && timers.nextTime() > config.untilUs()) {
            if (config.untilUs() >= 0 && !timers.isEmpty()) {
                now = config.untilUs();
            }
            finish();
            return false;
        }
        now = timers.nextTime();
        perform(timers.poll());
        return true;
    }

    /** Performs one action of the machine, then settles (a failure is {@link #advance}'s to handle). */
    private void perform(Runnable action) {
        action.run();
        threadControl.settle();
        if (tracing) {
            noticeQuiet();
        }
    }

    /** A what-if: a client's action, a call made on behalf of a thread, or the echo workers' work from now on. */
    private void inject(WhatIf w) {
        if (w instanceof WhatIf.Client c) {
            peers.whatIf(c);
        } else if (w instanceof WhatIf.Call c) {
            calls.onBehalfOf(c.thread(), c.step());
        } else if (w instanceof WhatIf.EchoWork e) {
            echo = echo.withWork(e.computeUs(), e.blockEvery(), e.blockUs());
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
        try {
            for (SimListener l : listeners.values()) {
                l.real = connections.listen(l.name);
            }
            for (SimConnection c : connected) {
                c.real = connections.open(c.peerName);
            }
        } catch (ConnectionException e) {
            close();
            throw new RunFailure(e.getMessage(), e);
        }
        for (SimListener l : listeners.values()) {
            calls.listenerStarted(l);
        }
        for (SimConnection c : connected) {
            peers.start(c);
        }
        clients.forEach(c -> peers.startClient(c.name(), c.listener(), c.atUs(), c.peer()));
        for (SimThread t : threads.values()) {
            threadControl.ready(t);
        }
        threadControl.settle();
    }

    private void finish() {
        finished = true;
        timers.clear();
        try {
            if (connections != null) {
                connections.checkpoint();         // a byte a peer really received that differs fails the run here
            }
        } catch (ConnectionException e) {
            throw new RunFailure(e.getMessage(), e);
        } finally {
            close();
        }
        Map<String, Long> perThread = new LinkedHashMap<>();
        threads.values().forEach(t -> perThread.put(t.name, t.packets));
        summary = new Summary(now, seq, moment(), packets, threadControl.contextSwitches(),
                Collections.unmodifiableMap(perThread));
        emit(summary);
    }

    /** Closes every real connection of the run and the network under them; safe at any time, and twice. */
    @Override
    public void close() {
        for (SimSocket sock : sockets.values()) {
            if (sock.link != null && sock.link.real != null) {
                sock.link.real.close();
            }
        }
        for (SimListener l : listeners.values()) {
            if (l.real != null) {
                l.real.close();
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

    // ------------------------------------------------------------------ events

    private void emit(SimEvent event) {
        seq++;
        sink.accept(event);
    }

    /**
     * The moment the events being made now belong to: the action being performed opens one with its
     * first event, and every event it makes is part of it (an action that changes nothing has none).
     */
    private long moment() {
        if (!momentOpen) {
            momentOpen = true;
            moments++;
        }
        return moments - 1;
    }

    private void threadChanged(SimThread t) {
        if (tracing) {
            State state = t.state();
            Integer cpu = state == State.RUNNING ? t.cpu() : null;
            boolean none = state == State.EXITED || t.current == null;
            emit(new ThreadState(now, seq, moment(), t.name, state, t.waitingOn(), cpu,
                    none ? null : t.current.api(), none ? -1 : t.currentIndex, t.alertable()));
        }
    }

    /** A call returns to its thread: its program learns the result, and the trace says it. */
    private void returned(SimThread t, SimThread.PendingReturn r) {
        t.program.returned(r);
        if (tracing) {
            emit(t.returnEvent(r, now, seq, moment()));
        }
    }

    private void portChanged(CompletionPort port) {
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

    /** The machine as its call handlers see it. */
    private final class Context implements CallContext {
        @Override
        public long now() {
            return now;
        }

        @Override
        public MachineConfig config() {
            return config;
        }

        @Override
        public SplittableRandom random() {
            return random;
        }

        @Override
        public void at(long timeUs, Runnable action) {
            timers.at(timeUs, action);
        }

        @Override
        public void at(long timeUs, SimThread t, Runnable action) {
            timers.at(timeUs, t, action);
        }

        @Override
        public boolean tracing() {
            return tracing;
        }

        @Override
        public void emit(EventMaker maker) {
            if (tracing) {
                Machine.this.emit(maker.make(now, seq, moment()));
            }
        }

        @Override
        public void returnNow(SimThread t, Api api, boolean ok, int error, CallResult result, Step step) {
            threadControl.returnNow(t, api, ok, error, result, step);
        }

        @Override
        public void block(SimThread t, Wait wait, Release.Cause cause, boolean alertable) {
            threadControl.block(t, wait, cause, alertable);
        }

        @Override
        public void wake(SimThread t) {
            threadControl.wake(t);
        }

        @Override
        public void deliverApcs(SimThread t) {
            threadControl.deliverApcs(t);
        }

        @Override
        public void ready(SimThread t) {
            threadControl.ready(t);
        }

        @Override
        public void yield(SimThread t) {
            threadControl.yield(t);
        }

        @Override
        public void exit(SimThread t) {
            threadControl.exit(t);
        }

        @Override
        public void packetsTaken(SimThread t, int n) {
            t.packets += n;
            packets += n;
        }

        @Override
        public CompletionPort port(String name) {
            return ports.get(name);
        }

        @Override
        public SimThread thread(String name) {
            return threads.get(name);
        }

        @Override
        public SimSocket socket(String name) {
            return sockets.get(name);
        }

        @Override
        public Iterable<SimSocket> sockets() {
            return sockets.values();
        }

        @Override
        public SimListener listener(String name) {
            return listeners.get(name);
        }

        @Override
        public Iterable<SimListener> listeners() {
            return listeners.values();
        }

        @Override
        public Overlapped overlapped(String label) {
            return label == null ? null : overlapped.computeIfAbsent(label, Overlapped::new);
        }

        @Override
        public Memory memory() {
            return memory;
        }
    }
}
