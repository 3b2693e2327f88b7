package io.iocplab.scenario;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run in the Chrome trace-event format (the JSON object form that chrome://tracing and ui.perfetto.dev open),
 * for the tools performance engineers use every day. Feed it the run's events in order ({@link #accept}), then
 * {@link #write} it.
 *
 * <p>What it holds, all times in virtual microseconds (the format's own unit):
 * <ul>
 *   <li>process "threads": one track per simulated thread, in the order they first appear, with its states as
 *       complete slices ({@code ph: X}): {@code running} (its processor and call in {@code args}), {@code ready},
 *       {@code waiting on the port}, {@code waiting: sleep} / {@code waiting: io} / {@code waiting: event}
 *       (waiting on something else), {@code suspended}. A state that lasts no time is left out; an exited thread
 *       has no slice after its exit; a state still open when the run ends is closed at the run's last time.</li>
 *   <li>process "sockets": one track per socket, a 1 µs slice where the kernel completes an operation
 *       ({@code WSARecv completed}, {@code WSASend completed}) and an instant for each thing the peer did.</li>
 *   <li>process "completion ports": three counters per port, {@code P running}, {@code P queue} and
 *       {@code P concurrency}, written when their value changes.</li>
 *   <li>flows ({@code ph: s} then {@code ph: f}, one id each) from where a completion packet came from, the
 *       socket whose operation completed or the thread that posted it, to the thread that took it from the port
 *       ({@code port.dequeue} says who took which packet). A packet is matched to the oldest packet in flight
 *       with the same OVERLAPPED, bytes and status (and key, for a posted one): the queue is FIFO, and a hand-off
 *       happens only when the queue is empty. A flow is written only when both its ends are known.</li>
 * </ul>
 * The events are written sorted by time (at equal times slices first, the longer first, then counters,
 * instants, flow starts, flow ends), one per line, so the file reads top to bottom as the run went. The same
 * events always give the same bytes.
 *
 * <p>The whole file is held until {@link #write}: a trace of N events holds about N entries.
 */
public final class PerfettoTrace {
    private static final int THREADS = 1;
    private static final int SOCKETS = 2;
    private static final int PORTS = 3;

    /** One trace event, with what it is sorted by. */
    private record Entry(long ts, int rank, long dur, long order, String json) {}

    /** A thread's state slice that has begun and not ended. */
    private record Open(long ts, String name, String args) {}

    /** A packet that entered a port and has not been taken yet: where its flow starts. */
    private record Source(String overlapped, long bytes, int status, Long key, int pid, int tid, long ts) {
        boolean matches(PacketView p) {
            return Objects.equals(overlapped, p.overlapped()) && bytes == p.bytes() && status == p.status()
                    && (key == null || key == p.key());
        }
    }

    /** A packet taken in this moment before its source was seen (a posted packet handed straight to a waiter). */
    private record Taken(String thread, long ts) {}

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> metadata = new ArrayList<>();
    private final Map<String, Integer> threadIds = new LinkedHashMap<>();
    private final Map<String, Integer> socketIds = new LinkedHashMap<>();
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final Map<String, PortState> ports = new HashMap<>();
    private final Map<String, Long> counters = new HashMap<>();
    private final List<Source> inFlight = new ArrayList<>();
    private final List<Taken> takenEarly = new ArrayList<>();
    private long order;
    private long flows;
    private long moment = -1;
    private long lastTs;
    private boolean ended;

    public PerfettoTrace() {
        metadata.add(process(THREADS, "threads"));
        metadata.add(process(SOCKETS, "sockets"));
        metadata.add(process(PORTS, "completion ports"));
    }

    /** Takes in the next event of the run (an {@code EventSink}: {@code trace::accept}). */
    public void accept(SimEvent e) {
        if (ended) {
            throw new IllegalStateException("the run has ended");
        }
        if (e.moment() != moment) {
            moment = e.moment();
            takenEarly.clear();
        }
        lastTs = Math.max(lastTs, e.tUs());
        if (e instanceof ThreadState s) {
            threadState(s);
        } else if (e instanceof PortState p) {
            portState(p);
        } else if (e instanceof PortDequeue d) {
            dequeued(d);
        } else if (e instanceof IoComplete c) {
            completed(c);
        } else if (e instanceof PeerAction p) {
            peer(p);
        } else if (e instanceof ApiReturn r && r.api() == Api.PostQueuedCompletionStatus && r.ok()) {
            posted(r, (CallResult.Posted) r.result());
        } else if (e instanceof Summary s) {
            end(s.tUs());
        }
    }

    /** Writes the trace: {@code {"displayTimeUnit":"ms","traceEvents":[ ... ]}}, UTF-8. Open states end at the last time seen. */
    public void write(OutputStream stream) throws IOException {
        end(lastTs);
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"source\":\"IOCP Lab\",\"clock\":\"virtual microseconds\"},"
                + "\"traceEvents\":[\n");
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::ts).thenComparingInt(Entry::rank)
                .thenComparing(Comparator.comparingLong(Entry::dur).reversed()).thenComparingLong(Entry::order));
        boolean first = true;
        for (String m : metadata) {
            out.write(first ? "" : ",\n");
            out.write(m);
            first = false;
        }
        for (Entry en : sorted) {
            out.write(",\n");
            out.write(en.json());
        }
        out.write("\n]}\n");
        out.flush();
    }

    // ------------------------------------------------------------------ threads

    private void threadState(ThreadState s) {
        int tid = threadId(s.thread());
        Open was = open.remove(s.thread());
        if (was != null && s.tUs() > was.ts()) {
            slice(THREADS, tid, was.ts(), s.tUs() - was.ts(), was.name(), was.args());
        }
        if (s.state() == State.EXITED) {
            return;
        }
        Json args = new Json().begin();
        if (s.cpu() != null) {
            args.field("cpu", s.cpu());
        }
        if (s.call() != null) {
            args.field("call", s.call().name());
        }
        open.put(s.thread(), new Open(s.tUs(), stateName(s), args.end()));
    }

    /** The slice's name: the state, and for a wait what it waits on. */
    static String stateName(ThreadState s) {
        return switch (s.state()) {
            case RUNNING -> "running";
            case READY -> "ready";
            case EXITED -> "exited";
            case WAITING -> s.waitingOn() == Wait.PORT ? "waiting on the port"
                    : s.waitingOn() == Wait.SUSPENDED ? "suspended"
                    : "waiting: " + (s.waitingOn() == null ? "?" : s.waitingOn().json());
        };
    }

    private int threadId(String thread) {
        return threadIds.computeIfAbsent(thread, t -> {
            int tid = threadIds.size() + 1;
            metadata.add(threadName(THREADS, tid, t));
            return tid;
        });
    }

    private int socketId(String socket) {
        return socketIds.computeIfAbsent(socket, s -> {
            int tid = socketIds.size() + 1;
            metadata.add(threadName(SOCKETS, tid, s));
            return tid;
        });
    }

    private void end(long ts) {
        if (ended) {
            return;
        }
        ended = true;
        for (Map.Entry<String, Open> o : open.entrySet()) {
            Open was = o.getValue();
            if (ts > was.ts()) {
                slice(THREADS, threadIds.get(o.getKey()), was.ts(), ts - was.ts(), was.name(), was.args());
            }
        }
        open.clear();
    }

    // ------------------------------------------------------------------ ports

    private void portState(PortState p) {
        ports.put(p.port(), p);
        counter(p.port(), "running", p.running(), p.tUs());
        counter(p.port(), "queue", p.queue().size(), p.tUs());
        counter(p.port(), "concurrency", p.concurrency(), p.tUs());
    }

    private void counter(String port, String what, long value, long ts) {
        String name = port + " " + what;
        Long was = counters.put(name, value);
        if (was == null || was != value) {
            add(ts, 2, 0, new Json().begin().field("name", name).field("ph", "C").field("pid", PORTS).field("ts", ts)
                    .field("args", Map.of("value", value)).end());
        }
    }

    // ------------------------------------------------------------------ packets: where they come from, who takes them

    private void completed(IoComplete c) {
        int tid = socketId(c.socket());
        String args = new Json().begin().field("overlapped", c.overlapped()).field("status", c.status())
                .field("bytes", c.bytes()).field("packet", c.packet()).end();
        slice(SOCKETS, tid, c.tUs(), 1, c.api().name() + " completed", args);
        if (c.packet()) {
            inFlight.add(new Source(c.overlapped(), c.bytes(), c.status(), null, SOCKETS, tid, c.tUs()));
        }
    }

    private void posted(ApiReturn r, CallResult.Posted posted) {
        int tid = threadId(r.thread());
        if (posted.deliveredTo() != null) {
            for (Iterator<Taken> it = takenEarly.iterator(); it.hasNext(); ) {
                Taken t = it.next();
                if (t.thread().equals(posted.deliveredTo())) {
                    it.remove();
                    flow(THREADS, tid, r.tUs(), t.thread(), t.ts());
                    return;
                }
            }
            return;
        }
        PortState p = ports.get(posted.port());
        if (p != null && !p.queue().isEmpty()) {
            PacketView last = p.queue().get(p.queue().size() - 1);       // the post appended it at the tail
            inFlight.add(new Source(last.overlapped(), last.bytes(), last.status(), last.key(), THREADS, tid, r.tUs()));
        }
    }

    private void dequeued(PortDequeue d) {
        for (PacketView p : d.packets()) {
            Source from = null;
            for (Iterator<Source> it = inFlight.iterator(); it.hasNext(); ) {
                Source s = it.next();
                if (s.matches(p)) {
                    it.remove();
                    from = s;
                    break;
                }
            }
            if (from == null) {
                takenEarly.add(new Taken(d.thread(), d.tUs()));
            } else {
                flow(from.pid(), from.tid(), from.ts(), d.thread(), d.tUs());
            }
        }
    }

    private void flow(int fromPid, int fromTid, long fromTs, String toThread, long toTs) {
        long id = ++flows;
        add(fromTs, 4, 0, new Json().begin().field("name", "packet").field("cat", "packet").field("ph", "s").field("id", id)
                .field("pid", fromPid).field("tid", fromTid).field("ts", fromTs).end());
        add(toTs, 5, 0, new Json().begin().field("name", "packet").field("cat", "packet").field("ph", "f").field("bp", "e")
                .field("id", id).field("pid", THREADS).field("tid", threadId(toThread)).field("ts", toTs).end());
    }

    private void peer(PeerAction p) {
        int tid = socketId(p.socket());
        String args = new Json().begin().field("bytes", p.bytes()).field("data", p.data()).end();
        add(p.tUs(), 3, 0, new Json().begin().field("name", "peer " + p.action().json()).field("ph", "i").field("s", "t")
                .field("pid", SOCKETS).field("tid", tid).field("ts", p.tUs()).object("args", args).end());
    }

    // ------------------------------------------------------------------ writing

    /** A slice of a track; {@code args} is an object finished by {@link Json#end()}. */
    private void slice(int pid, int tid, long ts, long dur, String name, String args) {
        add(ts, 1, dur, new Json().begin().field("name", name).field("ph", "X").field("pid", pid).field("tid", tid)
                .field("ts", ts).field("dur", dur).object("args", args).end());
    }

    private void add(long ts, int rank, long dur, String json) {
        entries.add(new Entry(ts, rank, dur, order++, json));
    }

    private static String process(int pid, String name) {
        return new Json().begin().field("name", "process_name").field("ph", "M").field("pid", pid)
                .field("args", Map.of("name", name)).end() + ",\n"
                + new Json().begin().field("name", "process_sort_index").field("ph", "M").field("pid", pid)
                .field("args", Map.of("sort_index", pid)).end();
    }

    private static String threadName(int pid, int tid, String name) {
        return new Json().begin().field("name", "thread_name").field("ph", "M").field("pid", pid).field("tid", tid)
                .field("args", Map.of("name", name)).end() + ",\n"
                + new Json().begin().field("name", "thread_sort_index").field("ph", "M").field("pid", pid).field("tid", tid)
                .field("args", Map.of("sort_index", tid)).end();
    }
}
