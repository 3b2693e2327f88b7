package io.iocplab.timeline;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApcQueued;
import io.iocplab.sim.event.ApcRun;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.Hazard;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.SocketState;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fold that turns events into a {@link ViewState}: {@code apply} one event at a time, then
 * {@code snapshot}.
 *
 * <p>Rules:
 * <ul>
 *   <li>The fold is pure: the state after n events depends only on the state after n-1 and event n.
 *       So a builder resumed from a snapshot ({@link #ViewStateBuilder(ViewState)}) and fed the
 *       following events gives exactly the snapshots a builder fed from the start gives.</li>
 *   <li>{@code apply} is O(1) in the size of the run: it replaces the one immutable view
 *       ({@link PortView}, {@link ThreadView}, {@link SocketView}) the event changes, in mutable
 *       maps. Only {@link #snapshot()} copies the maps.</li>
 *   <li>What each event changes is written in the class comments of the views. The number of
 *       processors is the one given, or higher if a {@code thread.state} names a higher index.</li>
 * </ul>
 * Not thread-safe: one builder belongs to one thread at a time.
 */
public final class ViewStateBuilder {
    private int step;
    private long tUs;
    private final Map<String, PortView> ports = new LinkedHashMap<>();
    private final Map<String, ThreadView> threads = new LinkedHashMap<>();
    private final Map<String, SocketView> sockets = new LinkedHashMap<>();
    private final Map<String, ListenerView> listeners = new LinkedHashMap<>();
    private final List<String> onCpu = new ArrayList<>();
    private SimEvent last;
    private Summary summary;

    /**
     * A fold from the start of a run.
     *
     * @param cpus the machine's processors (the trace does not say); 0 to infer them from the
     *             processor indices the thread states name
     */
    public ViewStateBuilder(int cpus) {
        if (cpus < 0) {
            throw new IllegalArgumentException("cpus must not be negative");
        }
        growTo(cpus);
    }

    /** A fold that goes on from a snapshot (a keyframe). */
    public ViewStateBuilder(ViewState from) {
        step = from.step();
        tUs = from.tUs();
        ports.putAll(from.ports());
        threads.putAll(from.threads());
        sockets.putAll(from.sockets());
        listeners.putAll(from.listeners());
        for (ProcessorView p : from.processors()) {
            onCpu.add(p.thread());
        }
        growTo(from.cpus());
        last = from.lastEvent();
        summary = from.summary();
    }

    /** The number of events applied so far. */
    public int step() {
        return step;
    }

    /** The number of ports, threads and sockets the state holds (what a snapshot copies). */
    public int views() {
        return ports.size() + threads.size() + sockets.size();
    }

    /** Applies the next event of the run. */
    public ViewStateBuilder apply(SimEvent e) {
        Objects.requireNonNull(e, "event");
        if (e instanceof PortState p) {
            ports.put(p.port(), PortView.of(p));
        } else if (e instanceof ThreadState t) {
            threadState(t);
        } else if (e instanceof PortDequeue d) {
            dequeue(d);
        } else if (e instanceof ApiReturn r) {
            apiReturn(r);
        } else if (e instanceof IoComplete c) {
            ioComplete(c);
        } else if (e instanceof PeerAction a) {
            peer(a);
        } else if (e instanceof ListenerState l) {
            listeners.put(l.listener(), listener(l.listener()).withState(l));
        } else if (e instanceof SocketState st) {
            sockets.put(st.socket(), socket(st.socket()).withSendState(st));
        } else if (e instanceof ApcQueued q) {
            threads.put(q.thread(), thread(q.thread()).withApcQueued(q));
        } else if (e instanceof ApcRun a) {
            threads.put(a.thread(), thread(a.thread()).withApcRun(a));
        } else if (e instanceof Hazard h) {
            threads.put(h.thread(), thread(h.thread()).withHazard(h));
        } else if (e instanceof Summary s) {
            summary = s;
        }
        step++;
        tUs = e.tUs();
        last = e;
        return this;
    }

    /** Applies events in order. */
    public ViewStateBuilder applyAll(Iterable<? extends SimEvent> events) {
        for (SimEvent e : events) {
            apply(e);
        }
        return this;
    }

    /** An immutable copy of the state now. */
    public ViewState snapshot() {
        List<ProcessorView> cpus = new ArrayList<>(onCpu.size());
        for (int i = 0; i < onCpu.size(); i++) {
            cpus.add(new ProcessorView(i, onCpu.get(i)));
        }
        return new ViewState(step, tUs, onCpu.size(), ports, threads, sockets, cpus, last, summary, listeners);
    }

    private ThreadView thread(String name) {
        return threads.getOrDefault(name, ThreadView.unseen(name));
    }

    private ListenerView listener(String name) {
        return listeners.getOrDefault(name, ListenerView.unseen(name));
    }

    // ------------------------------------------------------------------ threads

    private void threadState(ThreadState e) {
        String name = e.thread();
        ThreadView prev = threads.getOrDefault(name, ThreadView.unseen(name));
        State state = e.state();
        Wait wait = e.waitingOn();
        long since = prev.state() != state || prev.waitingOn() != wait ? e.tUs() : prev.sinceUs();
        boolean waitsOrEnds = state == State.WAITING || state == State.EXITED;
        List<PacketView> held = state == State.EXITED || (state == State.WAITING && wait == Wait.PORT)
                ? List.of() : prev.held();
        Comeback comeback = prev.comeback();
        if (waitsOrEnds) {
            comeback = null;
        } else if (prev.state() == State.WAITING) {
            comeback = comebackOf(name, prev.waitingOn(), e.tUs());
        }
        Integer was = prev.cpu();
        if (was != null && was < onCpu.size() && name.equals(onCpu.get(was))) {
            onCpu.set(was, null);
        }
        Integer cpu = e.cpu();
        if (state == State.RUNNING && cpu != null) {
            growTo(cpu + 1);
            onCpu.set(cpu, name);
        }
        threads.put(name, prev.withState(e, since, held, comeback));
    }

    /**
     * A thread leaves a wait: the kernel has just counted it again on its port (the port.state came
     * first). If the count was already at the concurrency value without it, it overshoots.
     */
    private Comeback comebackOf(String thread, Wait from, long t) {
        for (PortView p : ports.values()) {
            if (!p.closed() && p.associated().contains(thread)) {
                int before = p.running() - 1;
                if (before >= 0 && !CompletionPort.belowLimit(before, p.concurrency())) {
                    return new Comeback(p.name(), from, before, p.concurrency(), t);
                }
                return null;
            }
        }
        return null;
    }

    /** Packets left a port into a thread's hands: it holds them from now (it may still wait for a processor). */
    private void dequeue(PortDequeue d) {
        ThreadView prev = threads.getOrDefault(d.thread(), ThreadView.unseen(d.thread()));
        threads.put(d.thread(), prev.withDequeue(d));
    }

    private void apiReturn(ApiReturn e) {
        ThreadView prev = threads.getOrDefault(e.thread(), ThreadView.unseen(e.thread()));
        threads.put(e.thread(), prev.withReturn(e));
        CallResult result = e.result();
        boolean pending = e.error() == Win32Error.ERROR_IO_PENDING;
        if (result instanceof CallResult.SocketIo io && pending && io.overlapped() != null) {
            addPending(io.socket(), new PendingIo(e.api(), io.overlapped(), io.wsabufs(), e.thread(), e.tUs()));
        } else if (result instanceof CallResult.Accept a && pending) {
            addPending(a.socket(), new PendingIo(e.api(), a.overlapped(), List.of(), e.thread(), e.tUs()));
        } else if (result instanceof CallResult.Disconnect d && pending) {
            addPending(d.socket(), new PendingIo(e.api(), d.overlapped(), List.of(), e.thread(), e.tUs(), d.reuse()));
        } else if (result instanceof CallResult.OnSocket o && e.api() == Api.closesocket && e.ok()
                && !listeners.containsKey(o.socket())) {
            sockets.put(o.socket(), socket(o.socket()).withClosed());
        }
    }

    private void addPending(String socket, PendingIo op) {
        SocketView v = socket(socket);
        List<PendingIo> ops = new ArrayList<>(v.pending());
        ops.add(op);
        sockets.put(socket, v.withPending(ops));
    }

    // ------------------------------------------------------------------ sockets and peers

    private SocketView socket(String name) {
        return sockets.getOrDefault(name, SocketView.unseen(name));
    }

    private void ioComplete(IoComplete e) {
        if (e.api() == Api.AcceptEx && listeners.containsKey(e.socket())) {
            accepted(e);
            return;
        }
        SocketView v = socket(e.socket());
        List<PendingIo> ops = without(v.pending(), e.api(), e.overlapped());
        sockets.put(e.socket(), handsBack(v, e) ? v.handedBack(ops, e) : v.withCompletion(ops, e));
    }

    /** A DisconnectEx with TF_REUSE_SOCKET that completed: its socket is handed back, connected to no one. */
    private static boolean handsBack(SocketView v, IoComplete e) {
        return e.api() == Api.DisconnectEx && e.status() == 0 && v.pending().stream().anyMatch(op ->
                op.api() == Api.DisconnectEx && op.reuse() && Objects.equals(op.overlapped(), e.overlapped()));
    }

    /** An AcceptEx completed on a listener: the accepted socket starts anew with its client, if it got one. */
    private void accepted(IoComplete e) {
        ListenerView l = listeners.get(e.socket());
        ListenerView.Client client = e.peer() == null ? null : l.clients().get(e.peer());
        listeners.put(e.socket(), l.withAccepted(e));
        if (e.accepted() == null) {
            return;
        }
        SocketView v = socket(e.accepted());
        List<PendingIo> ops = without(v.pending(), e.api(), e.overlapped());
        sockets.put(e.accepted(), e.status() == 0 ? v.accepted(client, ops, e) : v.withCompletion(ops, e));
    }

    private static List<PendingIo> without(List<PendingIo> pending, Api api, String overlapped) {
        List<PendingIo> ops = new ArrayList<>(pending);
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).api() == api && Objects.equals(ops.get(i).overlapped(), overlapped)) {
                ops.remove(i);
                return ops;
            }
        }
        for (int i = 0; i < ops.size(); i++) {
            if (Objects.equals(ops.get(i).overlapped(), overlapped)) {
                ops.remove(i);
                break;
            }
        }
        return ops;
    }

    private void peer(PeerAction e) {
        if (listeners.containsKey(e.socket())) {           // a client not accepted yet
            listeners.put(e.socket(), listeners.get(e.socket()).withClient(e));
            return;
        }
        SocketView v = socket(e.socket());
        v = switch (e.action()) {
            case CONNECT -> v.withPorts(e.remotePort(), e.localPort());
            case SEND -> v.withPeer(v.peerSent() + e.bytes(), v.peerReceived(), v.peerClosed(), v.peerReset());
            case RECV -> v.withPeer(v.peerSent(), v.peerReceived() + e.bytes(), v.peerClosed(), v.peerReset());
            case CLOSE -> v.withPeer(v.peerSent(), v.peerReceived(), true, v.peerReset());
            case RESET -> v.withPeer(v.peerSent(), v.peerReceived(), v.peerClosed(), true);
            case STOP_READING, RESUME_READING -> v;            // the socket's socket.state says it
        };
        sockets.put(e.socket(), v);
    }

    private void growTo(int n) {
        while (onCpu.size() < n) {
            onCpu.add(null);
        }
    }
}
