package io.iocplab.timeline;

import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.QueueView;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each kind of event is stored in a {@link EventStore}: its fields, one after the other, as the
 * numbers of a {@link ByteWriter}; names as {@link Names} numbers; a port's queue as a range of its
 * {@link QueueLog}; its waiters and associated threads as {@link NameChains}. Reading gives back an event
 * equal to the one stored, field by field.
 *
 * <p>Enum values are stored as their ordinal (plus one where null is allowed: 0 is null). An event of a
 * kind this class does not know (the summary, once a run; any kind added later) is kept as it is: see
 * {@link #KEPT}.
 *
 * <p>Writing belongs to one thread (the timeline's writer): it remembers, per port, the last queue,
 * waiters and associated list it stored. Reading is for any thread, of what was published.
 */
final class EventCodec {
    /** The kinds of stored events: KEPT is an event kept as the object itself. */
    static final int KEPT = 0;
    static final int THREAD_STATE = 1;
    static final int PORT_STATE = 2;
    static final int PORT_DEQUEUE = 3;
    static final int API_RETURN = 4;
    static final int IO_COMPLETE = 5;
    static final int PEER = 6;

    private static final Api[] APIS = Api.values();
    private static final ThreadState.State[] STATES = ThreadState.State.values();
    private static final ThreadState.Wait[] WAITS = ThreadState.Wait.values();
    private static final Release.Cause[] CAUSES = Release.Cause.values();
    private static final PeerAction.Action[] ACTIONS = PeerAction.Action.values();

    /** The kinds of call results, in the order of their numbers (0 is none: the event is kept whole). */
    private static final List<Class<? extends CallResult>> RESULTS = List.of(CallResult.Dequeued.class,
            CallResult.DequeuedEx.class, CallResult.Posted.class, CallResult.Nothing.class,
            CallResult.SuspendCount.class, CallResult.OnHandle.class, CallResult.Associated.class,
            CallResult.SocketIo.class, CallResult.OverlappedResult.class, CallResult.Cancelled.class,
            CallResult.OnSocket.class);

    private final Names names = new Names();
    private final NameChains chains = new NameChains();
    private final Map<String, PortMemory> ports = new HashMap<>();   // the writer's
    private volatile QueueLog[] queueLogs = new QueueLog[4];
    private int portCount;                                            // the writer's

    /** What the writer stored last for one port. */
    private static final class PortMemory {
        final int index;
        final QueueLog queue = new QueueLog();
        int waiters;
        int associated;
        List<String> associatedList;

        PortMemory(int index) {
            this.index = index;
        }
    }

    /** The kind {@code e} is stored as: KEPT for a kind not known here, or with a null where a run never has one. */
    static int kind(SimEvent e) {
        if (e instanceof ThreadState t) {
            return t.state() == null ? KEPT : THREAD_STATE;
        } else if (e instanceof PortState p) {
            return p.waiters() == null || p.associated() == null ? KEPT : PORT_STATE;
        } else if (e instanceof PortDequeue) {
            return PORT_DEQUEUE;
        } else if (e instanceof ApiReturn r) {
            return r.api() == null || r.result() == null || !RESULTS.contains(r.result().getClass()) ? KEPT
                    : API_RETURN;
        } else if (e instanceof IoComplete c) {
            return c.api() == null || c.buffers() == null ? KEPT : IO_COMPLETE;
        } else if (e instanceof PeerAction a) {
            return a.action() == null ? KEPT : PEER;
        }
        return KEPT;
    }

    // ------------------------------------------------------------------ writing

    /** Writes the fields of {@code e}, of kind {@code kind} (not KEPT), after its time, seq and moment. */
    void write(int kind, SimEvent e, ByteWriter out) {
        switch (kind) {
            case THREAD_STATE -> {
                ThreadState t = (ThreadState) e;
                name(out, t.thread());
                out.writeUnsigned(t.state().ordinal());
                out.writeUnsigned(t.waitingOn() == null ? 0 : t.waitingOn().ordinal() + 1);
                out.writeNullableInt(t.cpu());
                out.writeUnsigned(t.call() == null ? 0 : t.call().ordinal() + 1);
                out.writeSigned(t.step());
                out.writeBoolean(t.alertable());
            }
            case PORT_STATE -> portState((PortState) e, out);
            case PORT_DEQUEUE -> {
                PortDequeue d = (PortDequeue) e;
                name(out, d.port());
                name(out, d.thread());
                packets(out, d.packets());
                cause(out, d.how());
                name(out, d.freedBy());
            }
            case API_RETURN -> {
                ApiReturn r = (ApiReturn) e;
                name(out, r.thread());
                out.writeUnsigned(r.api().ordinal());
                out.writeBoolean(r.ok());
                out.writeSigned(r.error());
                out.writeSigned(r.step());
                result(out, r.result());
            }
            case IO_COMPLETE -> {
                IoComplete c = (IoComplete) e;
                name(out, c.socket());
                out.writeUnsigned(c.api().ordinal());
                name(out, c.overlapped());
                out.writeSigned(c.status());
                out.writeSigned(c.bytes());
                out.writeUnsigned(c.buffers().size());
                for (String b : c.buffers()) {
                    out.writeString(b);
                }
                out.writeBoolean(c.packet());
                name(out, c.accepted());
                name(out, c.peer());
            }
            case PEER -> {
                PeerAction a = (PeerAction) e;
                name(out, a.socket());
                out.writeUnsigned(a.action().ordinal());
                out.writeSigned(a.bytes());
                out.writeString(a.data());
                out.writeSigned(a.localPort());
                out.writeSigned(a.remotePort());
                name(out, a.peer());
            }
            default -> throw new IllegalArgumentException("not a stored kind: " + kind);
        }
    }

    private void portState(PortState p, ByteWriter out) {
        PortMemory port = ports.get(p.port());
        if (port == null) {
            port = new PortMemory(portCount);
            ports.put(p.port(), port);
            QueueLog[] logs = queueLogs;
            if (portCount == logs.length) {
                logs = Arrays.copyOf(logs, logs.length * 2);
            }
            logs[portCount++] = port.queue;
            queueLogs = logs;
        }
        name(out, p.port());
        out.writeSigned(p.concurrency());
        out.writeSigned(p.running());
        out.writeUnsigned(port.index);
        out.writeUnsigned(port.queue.add(p.queue()));
        out.writeUnsigned(p.queue().size());
        out.writeSigned(p.queue() instanceof QueueView v ? v.first() : -1);
        port.waiters = chains.add(ids(p.waiters()), false, port.waiters);
        out.writeUnsigned(port.waiters);
        if (p.associated() != port.associatedList) {       // the machine hands the same list until it changes
            port.associated = chains.add(ids(p.associated()), true, port.associated);
            port.associatedList = p.associated();
        }
        out.writeUnsigned(port.associated);
        out.writeBoolean(p.closed());
    }

    private void result(ByteWriter out, CallResult result) {
        out.writeUnsigned(RESULTS.indexOf(result.getClass()) + 1);
        if (result instanceof CallResult.Dequeued d) {
            name(out, d.port());
            out.writeBoolean(d.packet() != null);
            if (d.packet() != null) {
                packet(out, d.packet());
            }
            cause(out, d.how());
            name(out, d.freedBy());
        } else if (result instanceof CallResult.DequeuedEx d) {
            name(out, d.port());
            packets(out, d.entries());
            cause(out, d.how());
            name(out, d.freedBy());
        } else if (result instanceof CallResult.Posted p) {
            name(out, p.port());
            name(out, p.deliveredTo());
        } else if (result instanceof CallResult.SuspendCount c) {
            name(out, c.thread());
            out.writeNullableInt(c.previousCount());
        } else if (result instanceof CallResult.OnHandle h) {
            name(out, h.handle());
        } else if (result instanceof CallResult.Associated a) {
            name(out, a.socket());
            name(out, a.port());
        } else if (result instanceof CallResult.SocketIo io) {
            name(out, io.socket());
            name(out, io.overlapped());
            out.writeSigned(io.result());
            out.writeNullableLong(io.bytes());
            out.writeUnsigned(io.wsabufs().size());
            for (int length : io.wsabufs()) {
                out.writeSigned(length);
            }
        } else if (result instanceof CallResult.OverlappedResult o) {
            name(out, o.socket());
            name(out, o.overlapped());
            out.writeNullableLong(o.bytes());
        } else if (result instanceof CallResult.Cancelled c) {
            name(out, c.socket());
            name(out, c.overlapped());
        } else if (result instanceof CallResult.OnSocket o) {
            name(out, o.socket());
        }
    }

    private void packets(ByteWriter out, List<PacketView> packets) {
        out.writeUnsigned(packets.size());
        for (PacketView p : packets) {
            packet(out, p);
        }
    }

    private void packet(ByteWriter out, PacketView p) {
        out.writeSigned(p.bytes());
        out.writeSigned(p.key());
        name(out, p.overlapped());
        out.writeSigned(p.status());
    }

    private static void cause(ByteWriter out, Release.Cause how) {
        out.writeUnsigned(how == null ? 0 : how.ordinal() + 1);
    }

    private void name(ByteWriter out, String name) {
        out.writeUnsigned(names.id(name));
    }

    private int[] ids(List<String> list) {
        int[] ids = new int[list.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = names.id(list.get(i));
        }
        return ids;
    }

    // ------------------------------------------------------------------ reading

    /** Reads the fields of an event of kind {@code kind} (not KEPT) whose time, seq and moment are given. */
    SimEvent read(int kind, ByteReader in, long tUs, long seq, long moment) {
        return switch (kind) {
            case THREAD_STATE -> {
                String thread = name(in);
                ThreadState.State state = STATES[in.readInt()];
                int wait = in.readInt();
                Integer cpu = in.readNullableInt();
                int call = in.readInt();
                int step = (int) in.readSigned();
                yield new ThreadState(tUs, seq, moment, thread, state, wait == 0 ? null : WAITS[wait - 1], cpu,
                        call == 0 ? null : APIS[call - 1], step, in.readBoolean());
            }
            case PORT_STATE -> {
                String port = name(in);
                int concurrency = (int) in.readSigned();
                int running = (int) in.readSigned();
                QueueLog log = queueLogs[in.readInt()];
                int start = in.readInt();
                QueueView queue = log.queue(start, in.readInt(), in.readSigned());
                List<String> waiters = chains.list(in.readInt(), false, names);
                List<String> associated = chains.list(in.readInt(), true, names);
                yield new PortState(tUs, seq, moment, port, concurrency, running, queue, waiters, associated,
                        in.readBoolean());
            }
            case PORT_DEQUEUE -> new PortDequeue(tUs, seq, moment, name(in), name(in), packets(in), cause(in),
                    name(in));
            case API_RETURN -> {
                String thread = name(in);
                Api api = APIS[in.readInt()];
                boolean ok = in.readBoolean();
                int error = (int) in.readSigned();
                int step = (int) in.readSigned();
                yield new ApiReturn(tUs, seq, moment, thread, api, ok, error, result(in), step);
            }
            case IO_COMPLETE -> {
                String socket = name(in);
                Api api = APIS[in.readInt()];
                String overlapped = name(in);
                int status = (int) in.readSigned();
                long bytes = in.readSigned();
                String[] buffers = new String[in.readInt()];
                for (int i = 0; i < buffers.length; i++) {
                    buffers[i] = in.readString();
                }
                boolean packet = in.readBoolean();
                String accepted = name(in);
                yield new IoComplete(tUs, seq, moment, socket, api, overlapped, status, bytes, listOf(buffers),
                        packet, accepted, name(in));
            }
            case PEER -> new PeerAction(tUs, seq, moment, name(in), ACTIONS[in.readInt()], in.readSigned(),
                    in.readString(), (int) in.readSigned(), (int) in.readSigned(), name(in));
            default -> throw new IllegalArgumentException("not a stored kind: " + kind);
        };
    }

    /** Reads what the history chart needs of an event of kind {@code kind} (not KEPT), if anything. */
    void readChart(int kind, ByteReader in, int index, long tUs, ChartEvents to) {
        if (kind == THREAD_STATE) {
            String thread = name(in);
            ThreadState.State state = STATES[in.readInt()];
            int wait = in.readInt();
            to.threadState(index, tUs, thread, state, wait == 0 ? null : WAITS[wait - 1]);
        } else if (kind == PORT_STATE) {
            String port = name(in);
            int concurrency = (int) in.readSigned();
            int running = (int) in.readSigned();
            in.skip();                                     // the queue's log
            in.skip();                                     // where it starts there
            to.portState(index, tUs, port, concurrency, running, in.readInt());
        }
    }

    private CallResult result(ByteReader in) {
        Class<? extends CallResult> kind = RESULTS.get(in.readInt() - 1);
        if (kind == CallResult.Dequeued.class) {
            String port = name(in);
            PacketView packet = in.readBoolean() ? packet(in) : null;
            return new CallResult.Dequeued(port, packet, cause(in), name(in));
        } else if (kind == CallResult.DequeuedEx.class) {
            return new CallResult.DequeuedEx(name(in), packets(in), cause(in), name(in));
        } else if (kind == CallResult.Posted.class) {
            return new CallResult.Posted(name(in), name(in));
        } else if (kind == CallResult.Nothing.class) {
            return CallResult.Nothing.INSTANCE;
        } else if (kind == CallResult.SuspendCount.class) {
            return new CallResult.SuspendCount(name(in), in.readNullableInt());
        } else if (kind == CallResult.OnHandle.class) {
            return new CallResult.OnHandle(name(in));
        } else if (kind == CallResult.Associated.class) {
            return new CallResult.Associated(name(in), name(in));
        } else if (kind == CallResult.SocketIo.class) {
            String socket = name(in);
            String overlapped = name(in);
            int result = (int) in.readSigned();
            Long bytes = in.readNullableLong();
            Integer[] wsabufs = new Integer[in.readInt()];
            for (int i = 0; i < wsabufs.length; i++) {
                wsabufs[i] = (int) in.readSigned();
            }
            return new CallResult.SocketIo(socket, overlapped, result, bytes, List.of(wsabufs));
        } else if (kind == CallResult.OverlappedResult.class) {
            return new CallResult.OverlappedResult(name(in), name(in), in.readNullableLong());
        } else if (kind == CallResult.Cancelled.class) {
            return new CallResult.Cancelled(name(in), name(in));
        }
        return new CallResult.OnSocket(name(in));
    }

    private List<PacketView> packets(ByteReader in) {
        PacketView[] packets = new PacketView[in.readInt()];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = packet(in);
        }
        return List.of(packets);
    }

    private PacketView packet(ByteReader in) {
        return new PacketView(in.readSigned(), in.readSigned(), name(in), (int) in.readSigned());
    }

    private static Release.Cause cause(ByteReader in) {
        int how = in.readInt();
        return how == 0 ? null : CAUSES[how - 1];
    }

    private String name(ByteReader in) {
        return names.name(in.readInt());
    }

    /** An unmodifiable list of {@code items}, which may hold nulls (a list the events gave may). */
    static List<String> listOf(String[] items) {
        for (String s : items) {
            if (s == null) {
                return Collections.unmodifiableList(Arrays.asList(items));
            }
        }
        return List.of(items);
    }
}
