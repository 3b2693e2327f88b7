package io.iocplab.timeline;

import io.iocplab.bench.Verdict;
import io.iocplab.bench.Workloads;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.Machine;
import io.iocplab.sim.event.SimEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How much memory a long run takes in the window's {@link Timeline}, and how fast it can be browsed.
 *
 * <p>The run: the echo server with 64 threads and 1,000 clients on 1,000 real loopback sockets
 * ({@link Workloads#echo}), produced into a timeline on this thread as the window's engine produces it,
 * and cut at {@code events} events (10 million unless given) as the window cuts a run at its cap. Then:
 * <ul>
 *   <li><b>Bytes per stored event</b>: the heap used after a full GC with the timeline, less the heap
 *       before it, over the events; everything the timeline keeps counts (the events, its keyframes,
 *       the names, the queues' log). Its peer, measured first in the same process: the first
 *       {@value #PEER_EVENTS} events of the same run kept as the objects the engine makes, in a list
 *       (how the timeline kept them before issue 18).</li>
 *   <li><b>Browsing</b>: scrubbing end to end ({@value #SCRUB_POSITIONS} positions evenly spaced,
 *       from the start to the end and back, each the state at the stop a playhead lands on), then
 *       stepping back {@value #STEPS} stops from the end, then forward {@value #STEPS} from the middle:
 *       the time of each (the state the window would draw), median, 99th percentile and worst, in CPU
 *       time of this thread and wall time.</li>
 * </ul>
 * Run it with the heap it must fit in: {@code BENCH_JAVA_OPTS=-Xmx1g scripts/bench timeline}. The
 * verdicts: the timeline's heap under 1 GB, and a seek and a step back within a frame (16 ms) at the
 * 99th percentile.
 */
public final class TimelineBenchmark {
    static final int DEFAULT_EVENTS = 10_000_000;
    static final int CLIENTS = 1_000;
    static final int PEER_EVENTS = 100_000;
    static final int SCRUB_POSITIONS = 200;
    static final int STEPS = 200;
    static final double TARGET_HEAP_BYTES = 1e9;
    static final double TARGET_SEEK_MS = 16;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineBenchmark() {
    }

    /** Usage: {@code TimelineBenchmark [events]}. */
    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_EVENTS;
        if (events < 1000) {
            System.err.println("usage: TimelineBenchmark [events]  (at least 1,000; default 10,000,000)");
            System.exit(2);
        }
        // enough messages for the events asked for: about 15,000 events per message round of 1,000 clients
        Scenario scenario = Workloads.echo(CLIENTS, Math.max(1, events / 14_000 + 1));
        System.out.printf(Locale.ROOT, "IOCP Lab timeline benchmark: %s, %,d messages per client, cut at %,d"
                + " events%n", scenario.title(), scenario.echo().messages(), events);
        System.out.printf(Locale.ROOT, "java %s, %d processor(s), max heap %,.0f MB, system load %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, Verdict.load());

        long before = heapAfterGc();
        List<SimEvent> objects = new ArrayList<>();
        produce(scenario, Math.min(PEER_EVENTS, events), objects::add);
        double objectBytes = (heapAfterGc() - before) / (double) objects.size();
        objects = null;                                              // the peer goes before the timeline comes

        before = heapAfterGc();
        Timeline timeline = new Timeline(scenario.cpus());
        long cpu = cpu();
        long wall = System.nanoTime();
        produce(scenario, events, timeline::append);
        timeline.close();
        double produceSeconds = (System.nanoTime() - wall) / 1e9;
        double produceCpu = (cpu() - cpu) / 1e9;
        long heap = heapAfterGc() - before;
        int n = timeline.size();
        System.out.printf(Locale.ROOT, "produced %,d events (%,d stops) in %.1f s (%.1f s CPU of this thread)%n",
                n, timeline.stopCount(), produceSeconds, produceCpu);
        System.out.printf(Locale.ROOT, "heap for the timeline: %,.0f MB = %.1f bytes per stored event"
                        + " (peer: the same run's first %,d events as objects in a list, %.1f bytes per event: %.1fx)%n",
                heap / 1e6, heap / (double) n, PEER_EVENTS, objectBytes, objectBytes / (heap / (double) n));

        ViewState end = timeline.latest();
        System.out.printf(Locale.ROOT, "at the end: %d threads, %d sockets, %d packets queued%n",
                end.threads().size(), end.sockets().size(), end.port("P").depth());

        List<long[]> scrub = new ArrayList<>();
        for (int i = 0; i <= SCRUB_POSITIONS; i++) {
            scrub.add(seek(timeline, (int) ((long) n * i / SCRUB_POSITIONS)));
        }
        for (int i = SCRUB_POSITIONS; i >= 0; i--) {
            scrub.add(seek(timeline, (int) ((long) n * i / SCRUB_POSITIONS)));
        }
        List<long[]> back = new ArrayList<>();
        int last = timeline.stopCount() - 1;
        seek(timeline, timeline.stopStep(last));
        for (int m = last - 1; m >= Math.max(0, last - STEPS); m--) {
            back.add(seek(timeline, timeline.stopStep(m)));
        }
        List<long[]> forward = new ArrayList<>();
        int middle = last / 2;
        seek(timeline, timeline.stopStep(middle));
        for (int m = middle + 1; m <= Math.min(last, middle + STEPS); m++) {
            forward.add(seek(timeline, timeline.stopStep(m)));
        }
        String scrubLine = report("scrub end to end and back (" + scrub.size() + " seeks)", scrub);
        String backLine = report("step back from the end (" + back.size() + " stops)", back);
        report("step forward from the middle (" + forward.size() + " stops)", forward);

        System.out.println(Verdict.line("heap for a " + String.format(Locale.ROOT, "%,d", n) + "-event run, MB",
                heap / 1e6, TARGET_HEAP_BYTES / 1e6, "MB", false));
        System.out.println(Verdict.line(scrubLine, percentile(scrub, 1, 99) / 1e6, TARGET_SEEK_MS, "ms", false));
        System.out.println(Verdict.line(backLine, percentile(back, 1, 99) / 1e6, TARGET_SEEK_MS, "ms", false));
    }

    /** Runs the scenario on this thread into {@code sink} until it ends or {@code cap} events were produced. */
    private static void produce(Scenario scenario, int cap, Consumer<SimEvent> sink) {
        int[] count = {0};
        Machine machine = ScenarioRunner.build(scenario, e -> {
            count[0]++;
            sink.accept(e);
        });
        try {
            while (count[0] < cap && machine.advance()) {
                // one action of the machine at a time, as the window's engine runs it
            }
        } finally {
            machine.close();
        }
    }

    /** The state at the stop for {@code step}: {wall ns, CPU ns}. */
    private static long[] seek(Timeline timeline, int step) {
        long wall = System.nanoTime();
        long cpu = cpu();
        ViewState s = timeline.stateAt(timeline.stopFor(step));
        if (s.step() > timeline.size()) {
            throw new IllegalStateException("a state past the end");
        }
        return new long[] {System.nanoTime() - wall, cpu() - cpu};
    }

    private static String report(String what, List<long[]> times) {
        String line = String.format(Locale.ROOT, "%s: CPU median %.2f ms, p99 %.2f ms, max %.2f ms; wall median"
                        + " %.2f ms, p99 %.2f ms, max %.2f ms", what,
                percentile(times, 1, 50) / 1e6, percentile(times, 1, 99) / 1e6, percentile(times, 1, 100) / 1e6,
                percentile(times, 0, 50) / 1e6, percentile(times, 0, 99) / 1e6, percentile(times, 0, 100) / 1e6);
        System.out.println(line);
        return what.substring(0, what.indexOf(" (")) + ", CPU p99";
    }

    /** The nearest-rank percentile of column {@code column}. */
    private static long percentile(List<long[]> rows, int column, double p) {
        long[] sorted = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
