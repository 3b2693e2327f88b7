package io.iocplab.cli;

import io.iocplab.bench.Verdict;
import io.iocplab.kernel.CompletionPort;
import io.iocplab.scenario.TraceFile;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Step;
import io.iocplab.sim.Step.Source;
import io.iocplab.sim.event.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast packets go through the whole machine (threads, processors, the port), and whether the
 * memory a run needs stays flat in the number of packets.
 *
 * <p>The script: a port with concurrency 2 on 4 processors; 8 workers looping forever on
 * {@code GetQueuedCompletionStatus(P, INFINITE); Compute(2 µs)}; one poster looping N times on
 * {@code PostQueuedCompletionStatus(P, bytes, key, NULL); Compute(1 µs)}, then exiting. The workers
 * drain the port faster than the poster fills it, so the queue stays short; when the poster has
 * exited and every worker waits on the port for good, nothing is left to happen and the run ends.
 *
 * <p>It times, in one process: warm-up runs (a quarter of the packets each, trace off, until the rate
 * settles within 10% over three rounds, at most 40 rounds or a minute); three runs with the trace off;
 * one more with the trace off; three with the trace written to a file ({@link TraceWriter} into a
 * {@link TraceFile}), each followed by its file floor (as many bytes of trace text written to a file
 * beside it in 64 KiB writes: what the disk and the page cache cost alone); one more traced run; the
 * last trace-off run and the last traced run are paused at 25%, 50%, 75% (by virtual time) and 100% of
 * the run to take the heap used after a full GC (flat figures mean the run keeps nothing per packet);
 * and three times the same number of hand-offs through a bare {@link ArrayDeque} (the floor: what a
 * queue costs with no machine around it). Every machine run checks that the summary counts each posted
 * packet exactly once. The report ends with its verdicts: packets per second with the trace off
 * (target 5 million, on one core: {@code taskset -c 0}) and events per second
 * written to the file (target 2 million), best and median, with the system's load.
 */
public final class MachineBenchmark {
    static final int WORKERS = 8;
    static final int CONCURRENCY = 2;
    static final int CPUS = 4;
    static final long WORKER_COMPUTE_US = 2;
    static final long POSTER_COMPUTE_US = 1;
    static final String PORT = "P";
    static final long DEFAULT_PACKETS = 1_000_000;
    /** Issue 18's targets: the machine with the trace off on one core, and the trace written to a file. */
    static final double TARGET_PACKETS_PER_S = 5_000_000;
    static final double TARGET_EVENTS_PER_S = 2_000_000;

    private static final double[] MARKS = {0.25, 0.50, 0.75};
    private static final int WARMUP_MIN_ROUNDS = 4;
    private static final int WARMUP_SETTLED_ROUNDS = 3;
    private static final int WARMUP_MAX_ROUNDS = 40;
    private static final long WARMUP_MAX_NS = 60_000_000_000L;
    private static final int REPEATS = 3;

    private MachineBenchmark() {
    }

    /**
     * Usage: {@code MachineBenchmark [packets] [trace-file]}; packets defaults to 1,000,000, the trace
     * goes to a temporary file (deleted at the end) unless a path is given.
     */
    public static void main(String[] args) throws IOException {
        long packets = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : DEFAULT_PACKETS;
        Path trace;
        boolean temporary = args.length < 2;
        trace = temporary ? Files.createTempFile("iocplab-bench-", ".jsonl") : Path.of(args[1]);
        try {
            run(packets, trace, System.out);
        } finally {
            if (temporary) {
                Files.deleteIfExists(trace);
            }
        }
    }

    /** Runs the whole benchmark for {@code packets} packets, writing the traced run to {@code traceFile}. */
    public static void run(long packets, Path traceFile, PrintStream out) {
        if (packets < 1 || packets > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("packets must be between 1 and " + Integer.MAX_VALUE);
        }
        int n = (int) packets;
        out.printf(Locale.ROOT, "IOCP Lab machine benchmark: %d workers (GetQueuedCompletionStatus INFINITE; "
                        + "Compute %d us), 1 poster (PostQueuedCompletionStatus; Compute %d us) x %,d packets, "
                        + "port concurrency %d, %d processors%n",
                WORKERS, WORKER_COMPUTE_US, POSTER_COMPUTE_US, packets, CONCURRENCY, CPUS);
        out.printf(Locale.ROOT, "java %s, %d available processor(s), max heap %.0f MB, GC %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, gcNames());
        out.printf(Locale.ROOT, "trace file %s%n", traceFile);

        // warm-up: the JIT needs millions of events (more on one core, where it competes with the run)
        // before the machine's paths are compiled for good; rounds go on until the rate settles
        int warmPackets = Math.max(1, Math.min(n, Math.max(n / 4, 1_000)));
        List<Result> warmups = new ArrayList<>();
        long warmStarted = System.nanoTime();
        Result warm;
        do {
            warm = machineRun("warm-up " + (warmups.size() + 1) + ", trace off", warmPackets, -1,
                    EventSink.NONE, null);
            warmups.add(warm);
        } while (!settled(warmups) && warmups.size() < WARMUP_MAX_ROUNDS
                && System.nanoTime() - warmStarted < WARMUP_MAX_NS);
        StringBuilder rates = new StringBuilder();
        for (Result w : warmups) {
            rates.append(rates.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,.0f", w.packets / (w.wallNs / 1e9)));
        }
        out.printf(Locale.ROOT, "warm-up: %d rounds of %,d packets in %.1f s, %s; packets/s by round: %s%n",
                warmups.size(), warmPackets, (System.nanoTime() - warmStarted) / 1e9,
                settled(warmups) ? "settled" : "NOT settled (stopped by the round or time limit)", rates);
        // the run's virtual length is linear in the packets: it places the 25/50/75% marks
        long expectedEndUs = Math.max(1, Math.round((double) warm.virtualEndUs * n / warmPackets));
        floorRun("floor warm-up", Math.max(n, 100_000));        // the floor's own warm-up

        // the timed runs with the trace off take no heap samples: a forced full GC slows what follows it
        List<Result> offs = new ArrayList<>();
        for (int i = 1; i <= REPEATS; i++) {
            offs.add(machineRun("machine, trace off #" + i, n, -1, EventSink.NONE, null));
        }
        Result sampledOff = machineRun("trace off, heap sampled", n, expectedEndUs, EventSink.NONE, null);
        // the traced runs and the file floor alternate, so that both see the same disk and page cache
        List<Result> traced = new ArrayList<>();
        List<Result> fileFloors = new ArrayList<>();
        tracedRun("trace warm-up", warmPackets, -1, traceFile);
        for (int i = 1; i <= REPEATS; i++) {
            traced.add(tracedRun("trace to file #" + i, n, -1, traceFile));
            fileFloors.add(fileFloorRun("file floor #" + i, traceFile, traced.get(i - 1)));
        }
        Result file = tracedRun("trace to file, heap sampled", n, expectedEndUs, traceFile);
        List<Result> floors = new ArrayList<>();
        for (int i = 1; i <= REPEATS; i++) {
            floors.add(floorRun("ArrayDeque floor #" + i, n));
        }

        List<Result> all = new ArrayList<>();
        all.add(warm);
        all.addAll(offs);
        all.add(sampledOff);
        all.addAll(traced);
        all.add(file);
        all.addAll(fileFloors);
        all.addAll(floors);
        out.println();
        out.printf(Locale.ROOT, "%-28s %13s %14s %9s %14s %14s %9s %16s %10s %5s%n",
                "run", "packets", "events", "wall s", "packets/s", "events/s", "cpu s", "packets/cpu-s",
                "B/packet", "load");
        for (Result r : all) {
            out.printf(Locale.ROOT, "%-28s %,13d %14s %9.3f %,14.0f %14s %9s %16s %10s %5.1f%n", r.name, r.packets,
                    r.events < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.events), r.wallNs / 1e9,
                    r.packets / (r.wallNs / 1e9),
                    r.events < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", r.events / (r.wallNs / 1e9)),
                    r.cpuNs < 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.cpuNs / 1e9),
                    r.cpuNs <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", r.packets / (r.cpuNs / 1e9)),
                    r.allocated < 0 ? "-" : String.format(Locale.ROOT, "%,.0f", (double) r.allocated / r.packets),
                    r.load);
        }
        out.println("(cpu s: CPU time of the benchmark thread, without the JIT and GC threads; it shows the"
                + " machine's own cost when other processes share the processors. B/packet: bytes that"
                + " thread allocated per packet. The two heap-sampled runs pause their clocks while sampling,"
                + " but the forced collections slow what follows them. A file floor writes as many bytes of"
                + " trace text to the same file in 64 KiB writes: what the disk and the page cache cost"
                + " without the machine and the encoding; its events/s is the traced run's events in that"
                + " time. load: the system's 1-minute load average after the run.)");

        out.println();
        out.printf(Locale.ROOT, "heap used after a full GC, MB, at that part of the run (by virtual time):%n");
        out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %8s %10s%n", "run", "start", "25%", "50%", "75%", "100%",
                "max queue");
        for (Result r : List.of(sampledOff, file)) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", r.name));
            for (long h : r.heap) {
                line.append(String.format(Locale.ROOT, " %8.1f", h / 1e6));
            }
            line.append(String.format(Locale.ROOT, " %10d", r.maxQueue));
            out.println(line);
        }

        Result bestOff = offs.stream().min((x, y) -> Long.compare(x.wallNs, y.wallNs)).orElseThrow();
        Result bestFloor = floors.stream().min((x, y) -> Long.compare(x.wallNs, y.wallNs)).orElseThrow();
        out.println();
        Result bestTraced = traced.stream().min((x, y) -> Long.compare(x.wallNs, y.wallNs)).orElseThrow();
        Result bestFileFloor = fileFloors.stream().min((x, y) -> Long.compare(x.wallNs, y.wallNs)).orElseThrow();
        out.printf(Locale.ROOT, "trace file: %,d bytes (%.1f bytes/event)%n", file.traceBytes,
                (double) file.traceBytes / Math.max(1, file.events));
        out.printf(Locale.ROOT, "best machine run, trace off: %,.0f packets/s (median %,.0f)%s%n",
                rate(bestOff), median(offs), bestOff.cpuNs <= 0 ? ""
                        : String.format(Locale.ROOT, ", %,.0f packets per CPU second of its thread",
                                bestOff.packets / (bestOff.cpuNs / 1e9)));
        out.printf(Locale.ROOT, "best trace off vs best floor: %.1fx the time of a bare ArrayDeque hand-off%n",
                (bestOff.wallNs / (double) bestOff.packets) / (bestFloor.wallNs / (double) bestFloor.packets));
        out.printf(Locale.ROOT, "best trace to file: %,.0f events/s (median %,.0f; %.0f MB/s)%s; the file floor"
                        + " writes the same bytes at %.0f MB/s: the trace takes %.1fx its time%n",
                bestTraced.events / (bestTraced.wallNs / 1e9), medianEvents(traced),
                bestTraced.traceBytes / (bestTraced.wallNs / 1e3), bestTraced.cpuNs <= 0 ? ""
                        : String.format(Locale.ROOT, ", %,.0f events per CPU second of its thread",
                                bestTraced.events / (bestTraced.cpuNs / 1e9)),
                bestFileFloor.traceBytes / (bestFileFloor.wallNs / 1e3),
                (double) bestTraced.wallNs / bestFileFloor.wallNs);
        out.println(Verdict.line("machine, trace off, best", rate(bestOff), TARGET_PACKETS_PER_S, "packets/s", true));
        out.println(Verdict.line("machine, trace off, median", median(offs), TARGET_PACKETS_PER_S, "packets/s", true));
        out.println(Verdict.line("trace to file, best", bestTraced.events / (bestTraced.wallNs / 1e9),
                TARGET_EVENTS_PER_S, "events/s", true));
        out.println(Verdict.line("trace to file, median", medianEvents(traced), TARGET_EVENTS_PER_S, "events/s",
                true));
        boolean ok = true;
        List<Result> checked = new ArrayList<>();
        checked.add(warm);
        checked.addAll(offs);
        checked.add(sampledOff);
        checked.addAll(traced);
        checked.add(file);
        for (Result r : checked) {
            long expected = r == warm ? warmPackets : n;
            boolean good = r.packets == expected && r.perThreadSum == expected;
            ok &= good;
            out.printf(Locale.ROOT, "check %-28s summary packets %,d, sum per thread %,d, posted %,d: %s%n",
                    r.name, r.packets, r.perThreadSum, expected, good ? "OK" : "MISMATCH");
        }
        if (!ok) {
            throw new IllegalStateException("the machine did not deliver every posted packet exactly once");
        }
    }

    private static double rate(Result r) {
        return r.packets / (r.wallNs / 1e9);
    }

    private static double median(List<Result> runs) {
        double[] rates = runs.stream().mapToDouble(MachineBenchmark::rate).sorted().toArray();
        return rates[rates.length / 2];
    }

    private static double medianEvents(List<Result> runs) {
        double[] rates = runs.stream().mapToDouble(r -> r.events / (r.wallNs / 1e9)).sorted().toArray();
        return rates[rates.length / 2];
    }

    /** True once the last rounds' rates are within 10% of each other. */
    private static boolean settled(List<Result> rounds) {
        if (rounds.size() < WARMUP_MIN_ROUNDS) {
            return false;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Result r : rounds.subList(rounds.size() - WARMUP_SETTLED_ROUNDS, rounds.size())) {
            double rate = r.packets / (double) r.wallNs;
            min = Math.min(min, rate);
            max = Math.max(max, rate);
        }
        return max <= min * 1.10;
    }

    private static String gcNames() {
        StringBuilder sb = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ the script

    /** The benchmark's script, built in code. */
    static Machine build(int packets, EventSink sink) {
        MachineConfig config = MachineConfig.defaults().withCpus(CPUS);
        Machine m = new Machine(config, sink);
        m.createPort(PORT, CONCURRENCY);
        for (int i = 1; i <= WORKERS; i++) {
            m.createThread("worker" + i, List.of(new Step.Loop(null, List.of(
                    new Step.GetQueuedCompletionStatus(PORT, Step.INFINITE, Source.NONE),
                    new Step.Compute(WORKER_COMPUTE_US, Source.NONE)), Source.NONE)));
        }
        m.createThread("poster", List.of(new Step.Loop(packets, List.of(
                new Step.PostQueuedCompletionStatus(PORT, 512, 1, null, Source.NONE),
                new Step.Compute(POSTER_COMPUTE_US, Source.NONE)), Source.NONE)));
        return m;
    }

    // ------------------------------------------------------------------ runs

    private static final class Result {
        final String name;
        long packets;
        long perThreadSum;
        long events = -1;
        long wallNs;
        long cpuNs = -1;
        long allocated = -1;
        long virtualEndUs;
        long traceBytes;
        int maxQueue;
        double load;
        final List<Long> heap = new ArrayList<>();

        Result(String name) {
            this.name = name;
        }
    }

    /** A run with every event written to the trace file (TraceWriter into a TraceFile, committed at the end). */
    private static Result tracedRun(String name, int packets, long expectedEndUs, Path traceFile) {
        try (TraceFile file = TraceFile.create(traceFile)) {
            TraceWriter writer = new TraceWriter(file.stream());
            Result r = machineRun(name, packets, expectedEndUs, writer::write, () -> {
                try {
                    writer.flush();
                    file.commit();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            r.traceBytes = Files.size(traceFile);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One machine run, timed; {@code end} (if any) is timed with it. When {@code expectedEndUs >= 0} the
     * clock is paused at 25%, 50%, 75% of that virtual time and at the end to take the heap after a full
     * GC (the machine is still reachable then).
     */
    private static Result machineRun(String name, int packets, long expectedEndUs, EventSink sink, Runnable end) {
        Result r = new Result(name);
        boolean sample = expectedEndUs >= 0;
        if (sample) {
            r.heap.add(heapAfterGc());
        }
        long allocatedBefore = allocatedBytes();
        long cpuBefore = cpuTime();
        long started = System.nanoTime();
        long paused = 0;
        long cpuWhilePaused = 0;
        long allocatedWhilePaused = 0;
        Machine m = build(packets, sink);
        CompletionPort port = m.ports().get(PORT);
        int mark = 0;
        long nextMarkUs = sample ? Math.round(expectedEndUs * MARKS[0]) : Long.MAX_VALUE;
        int maxQueue = 0;
        while (m.advance()) {
            maxQueue = Math.max(maxQueue, port.depth());
            if (m.now() >= nextMarkUs) {
                long p = System.nanoTime();
                long c = cpuTime();
                long a = allocatedBytes();
                r.heap.add(heapAfterGc());
                mark++;
                nextMarkUs = mark < MARKS.length ? Math.round(expectedEndUs * MARKS[mark]) : Long.MAX_VALUE;
                allocatedWhilePaused += allocatedBytes() - a;
                cpuWhilePaused += cpuTime() - c;
                paused += System.nanoTime() - p;
            }
        }
        if (end != null) {
            end.run();
        }
        r.wallNs = System.nanoTime() - started - paused;
        long cpuAfter = cpuTime();
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            r.cpuNs = cpuAfter - cpuBefore - cpuWhilePaused;
        }
        long allocatedAfter = allocatedBytes();
        if (allocatedBefore >= 0 && allocatedAfter >= 0) {
            r.allocated = allocatedAfter - allocatedBefore - allocatedWhilePaused;
        }
        if (sample) {
            while (r.heap.size() < MARKS.length + 1) {           // the run ended before a mark (a tiny run)
                r.heap.add(heapAfterGc());
            }
            r.heap.add(heapAfterGc());                           // 100%: m is still reachable below
        }
        r.maxQueue = maxQueue;
        Summary s = m.run();                                     // a finished machine returns its summary
        if (s == null) {
            throw new IllegalStateException("the run ended without a summary");
        }
        r.packets = s.packets();
        r.perThreadSum = s.perThread().values().stream().mapToLong(Long::longValue).sum();
        r.events = sink == EventSink.NONE ? -1 : s.seq() + 1;    // with the trace off no event is built
        r.virtualEndUs = s.tUs();
        r.load = Verdict.load();
        return r;
    }

    /** The CPU time this thread has used, or -1 where the JVM does not tell. */
    private static long cpuTime() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled() ? mx.getCurrentThreadCpuTime() : -1;
    }

    /** Bytes allocated so far by this thread, or -1 where the JVM does not tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()) {
            return mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /**
     * The file floor: as many bytes as the traced run wrote, of the trace's own text (its first 64 KiB, over
     * and over), written to a file beside the trace in 64 KiB writes, then closed; the file is deleted.
     */
    private static Result fileFloorRun(String name, Path traceFile, Result traced) {
        Result r = new Result(name);
        long bytes = traced.traceBytes;
        byte[] chunk = new byte[1 << 16];
        Path floorFile = traceFile.resolveSibling(traceFile.getFileName() + ".floor");
        try {
            try (InputStream in = Files.newInputStream(traceFile)) {
                int got = in.readNBytes(chunk, 0, chunk.length);
                Arrays.fill(chunk, Math.max(got, 0), chunk.length, (byte) '\n');
            }
            long cpuBefore = cpuTime();
            long started = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(floorFile)) {
                for (long left = bytes; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
            r.wallNs = System.nanoTime() - started;
            long cpuAfter = cpuTime();
            if (cpuBefore >= 0 && cpuAfter >= 0) {
                r.cpuNs = cpuAfter - cpuBefore;
            }
            Files.delete(floorFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        r.packets = traced.packets;
        r.events = traced.events;
        r.traceBytes = bytes;
        r.load = Verdict.load();
        return r;
    }

    /** A packet as the floor hands it over. */
    private record Hand(long bytes, long key) {}

    /** The floor: the same number of offer/poll hand-offs through a bare ArrayDeque. */
    private static Result floorRun(String name, long packets) {
        Result r = new Result(name);
        ArrayDeque<Hand> queue = new ArrayDeque<>();
        long check = 0;
        long allocatedBefore = allocatedBytes();
        long cpuBefore = cpuTime();
        long started = System.nanoTime();
        for (long i = 0; i < packets; i++) {
            queue.offer(new Hand(i, 1));
            check += queue.poll().bytes();
        }
        r.wallNs = System.nanoTime() - started;
        long cpuAfter = cpuTime();
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            r.cpuNs = cpuAfter - cpuBefore;
        }
        long allocatedAfter = allocatedBytes();
        if (allocatedBefore >= 0 && allocatedAfter >= 0) {
            r.allocated = allocatedAfter - allocatedBefore;
        }
        if (check != packets * (packets - 1) / 2) {
            throw new IllegalStateException("the floor lost a hand-off");
        }
        r.packets = packets;
        r.load = Verdict.load();
        return r;
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
