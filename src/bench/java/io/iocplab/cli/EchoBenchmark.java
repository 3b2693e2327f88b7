package io.iocplab.cli;

import io.iocplab.bench.Verdict;
import io.iocplab.scenario.NetConnections;
import io.iocplab.sim.EchoServer;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.event.Summary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The echo benchmark of issue 3: how many messages per second the simulated IOCP echo server carries
 * end to end over real loopback TCP, against a plain Java NIO.2 echo server carrying the same
 * traffic, in the same process and the same run.
 *
 * <p>The workload: {@code peers} clients, each sending {@code messages} messages of {@code size} bytes
 * closed-loop (send one, wait for its whole echo, check every byte, send the next), then closing
 * gracefully. Message bytes are random letters from one seeded {@link SplittableRandom}, as the
 * simulator's echo peers draw them.
 * <ul>
 *   <li><b>Simulator</b>: the {@code echo:} workload ({@link Machine#createEchoServer}): {@value #WORKERS}
 *       worker threads running the canonical worker loop on a port of concurrency {@value #CONCURRENCY}
 *       (= the processors) on {@value #CPUS} virtual processors, {@value #COMPUTE_US} µs of Compute per
 *       packet, trace off ({@link EventSink#NONE}), real loopback connections ({@link NetConnections}).
 *       The machine runs on the calling thread (with the server side's real receives and sends); its
 *       peers' real sends, receives and echo checks run on one thread of their own
 *       ({@code iocplab-peers-N}).</li>
 *   <li><b>Baseline</b>: an {@link AsynchronousServerSocketChannel} bound to 127.0.0.1:0 in an
 *       {@link AsynchronousChannelGroup} with a fixed pool of {@value #WORKERS} threads; each accepted
 *       connection runs a {@link CompletionHandler} read, write (all of it), read loop, and closes on
 *       end of stream. Its clients: {@code peers} non-blocking {@link SocketChannel}s driven by one
 *       {@link Selector} on the calling thread (like the simulator's peers, one thread does all of
 *       them), with the same messages, the same byte-by-byte check and the same graceful close.</li>
 * </ul>
 * Both are timed end to end by the wall clock: from before the first connection is opened until the
 * last one is closed and, for the baseline, its thread pool has ended. Both first warm up (rounds of a
 * quarter of the messages until the rate settles within 10% over three rounds), then run
 * {@value #REPEATS} times each, alternately. Reported: every run's messages per second (a message is
 * one echoed round trip) and process CPU time, the best of each, and their ratio; the target (issue 18) is a
 * simulator at least 0.8 times as fast as the baseline, best against best and median against median.
 */
public final class EchoBenchmark {
    static final int WORKERS = 8;
    static final int CPUS = 2;
    static final int CONCURRENCY = 0;
    static final long COMPUTE_US = 2;
    static final String PORT = "P";
    static final long SEED = 1;
    static final int DEFAULT_PEERS = 64;
    static final int DEFAULT_MESSAGES = 1_000;
    static final int DEFAULT_SIZE = 64;
    static final double TARGET_RATIO = 0.8;

    private static final int REPEATS = 5;
    private static final int WARMUP_MIN_ROUNDS = 4;
    private static final int WARMUP_SETTLED_ROUNDS = 3;
    private static final int WARMUP_MAX_ROUNDS = 20;
    private static final long WARMUP_MAX_NS = 30_000_000_000L;
    /** How long the baseline's clients wait for any progress before the run is declared stuck. */
    private static final long STALL_MS = 10_000;
    private static final InetAddress LOOPBACK = loopback();

    private EchoBenchmark() {
    }

    /**
     * Usage: {@code EchoBenchmark [peers [messages [size]]]}: peers (default {@value #DEFAULT_PEERS}),
     * messages per peer (default {@value #DEFAULT_MESSAGES}), message size in bytes (default
     * {@value #DEFAULT_SIZE}).
     */
    public static void main(String[] args) {
        int peers;
        int messages;
        int size;
        try {
            if (args.length > 3) {
                throw new NumberFormatException("too many arguments");
            }
            peers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_PEERS;
            messages = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : DEFAULT_MESSAGES;
            size = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : DEFAULT_SIZE;
        } catch (NumberFormatException e) {
            System.err.println("usage: EchoBenchmark [peers [messages-per-peer [message-size]]]  (defaults "
                    + DEFAULT_PEERS + " " + DEFAULT_MESSAGES + " " + DEFAULT_SIZE + ")");
            System.exit(2);
            return;
        }
        run(peers, messages, size, System.out);
    }

    /**
     * Runs the whole benchmark and prints its report to {@code out}.
     *
     * @throws IllegalStateException if a run does not carry every message, every byte verified
     */
    public static void run(int peers, int messages, int size, PrintStream out) {
        if (peers < 1 || messages < 1 || size < 1) {
            throw new IllegalArgumentException("peers, messages and size must be at least 1");
        }
        long total = (long) peers * messages;
        out.printf(Locale.ROOT, "IOCP Lab echo benchmark: %d peers x %,d messages of %d bytes = %,d round trips "
                + "per run, closed loop, every echoed byte verified, real TCP on 127.0.0.1%n",
                peers, messages, size, total);
        out.printf(Locale.ROOT, "simulator: echo workload, %d workers, port concurrency %d on %d virtual processors, "
                + "Compute %d us per packet, trace off; machine on one thread, its peers' receives and checks on another%n",
                WORKERS, CONCURRENCY, CPUS, COMPUTE_US);
        out.printf(Locale.ROOT, "baseline:  NIO.2 AsynchronousChannelGroup (fixed pool of %d threads), "
                + "AsynchronousServerSocketChannel on 127.0.0.1:0, CompletionHandler read->write->read; "
                + "%d non-blocking SocketChannel clients on one Selector thread%n", WORKERS, peers);
        out.printf(Locale.ROOT, "java %s, %d available processor(s), max heap %.0f MB, system load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e6, loadAverage());

        int warmMessages = Math.max(1, messages / 4);
        long warmStarted = System.nanoTime();
        List<Result> simWarm = new ArrayList<>();
        List<Result> nioWarm = new ArrayList<>();
        do {
            simWarm.add(simulator("warm-up simulator " + (simWarm.size() + 1), peers, warmMessages, size));
            nioWarm.add(nio2("warm-up baseline " + (nioWarm.size() + 1), peers, warmMessages, size));
        } while ((!settled(simWarm) || !settled(nioWarm)) && simWarm.size() < WARMUP_MAX_ROUNDS
                && System.nanoTime() - warmStarted < WARMUP_MAX_NS);
        out.printf(Locale.ROOT, "warm-up: %d rounds of each, %,d messages per peer, in %.1f s, %s%n",
                simWarm.size(), warmMessages, (System.nanoTime() - warmStarted) / 1e9,
                settled(simWarm) && settled(nioWarm) ? "settled" : "NOT settled (stopped by the round or time limit)");
        out.printf(Locale.ROOT, "  simulator messages/s by round: %s%n", rates(simWarm));
        out.printf(Locale.ROOT, "  baseline  messages/s by round: %s%n", rates(nioWarm));

        List<Result> sims = new ArrayList<>();
        List<Result> nios = new ArrayList<>();
        for (int i = 1; i <= REPEATS; i++) {
            sims.add(simulator("simulator #" + i, peers, messages, size));
            nios.add(nio2("NIO.2 baseline #" + i, peers, messages, size));
        }

        out.println();
        out.printf(Locale.ROOT, "%-20s %12s %9s %13s %9s %16s %6s%n", "run", "messages", "wall s", "messages/s",
                "cpu s", "messages/cpu-s", "load");
        List<Result> timed = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            timed.add(sims.get(i));
            timed.add(nios.get(i));
        }
        for (Result r : timed) {
            out.printf(Locale.ROOT, "%-20s %,12d %9.3f %,13.0f %9s %16s %6s%n", r.name, r.messages, r.wallNs / 1e9,
                    r.rate(), r.cpuNs < 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.cpuNs / 1e9),
                    r.cpuNs <= 0 ? "-" : String.format(Locale.ROOT, "%,.0f", r.cpuRate()),
                    r.load < 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.load));
        }
        out.println("(cpu s: CPU time of the whole process during the run, every thread, JIT and GC included;"
                + " load: the system's 1-minute load average after the run)");

        Result bestSim = best(sims);
        Result bestNio = best(nios);
        double ratio = bestSim.rate() / bestNio.rate();
        double medianRatio = median(sims) / median(nios);
        out.println();
        out.printf(Locale.ROOT, "simulator, best:      %,.0f messages/s (median %,.0f)%n",
                bestSim.rate(), median(sims));
        out.printf(Locale.ROOT, "NIO.2 baseline, best: %,.0f messages/s (median %,.0f)%n",
                bestNio.rate(), median(nios));
        out.printf(Locale.ROOT, "ratio simulator / baseline: %.2f (best), %.2f (median); target >= %.2f: %s%n",
                ratio, medianRatio, TARGET_RATIO, Math.min(ratio, medianRatio) >= TARGET_RATIO ? "MET" : "NOT MET");
        out.println(Verdict.line("echo, simulator / NIO.2, best against best", ratio, TARGET_RATIO, "", true));
        out.println(Verdict.line("echo, simulator / NIO.2, median against median", medianRatio, TARGET_RATIO, "",
                true));
        double simCpu = bestCpuRate(sims);
        double nioCpu = bestCpuRate(nios);
        if (simCpu > 0 && nioCpu > 0) {
            out.printf(Locale.ROOT, "by CPU time: simulator %,.0f messages per CPU-second, baseline %,.0f; "
                    + "ratio %.2f%n",
                    simCpu, nioCpu, simCpu / nioCpu);
        }
        double maxLoad = timed.stream().mapToDouble(r -> r.load).max().orElse(-1);
        int processors = Runtime.getRuntime().availableProcessors();
        if (maxLoad > processors) {
            out.printf(Locale.ROOT, "WARNING: the system load average reached %.1f on %d processor(s): other processes"
                    + " competed for the processors, so the wall-clock figures are unreliable; they understate the"
                    + " simulator most, since it runs on two threads and the baseline on %d%n",
                    maxLoad, processors, WORKERS + 1);
        }

        List<Result> checked = new ArrayList<>();
        checked.add(simWarm.get(simWarm.size() - 1));
        checked.add(nioWarm.get(nioWarm.size() - 1));
        checked.addAll(timed);
        for (Result r : checked) {
            out.printf(Locale.ROOT, "check %-22s %s: OK%n", r.name, r.check);
        }
    }

    // ------------------------------------------------------------------ the simulator

    /** The expected summary of a simulated echo run: see the comment in {@link #simulator}. */
    static long expectedPackets(int peers, int messages) {
        return (long) peers * messages * 2 + peers + WORKERS;
    }

    private static Result simulator(String name, int peers, int messages, int size) {
        long cpu = processCpu();
        long started = System.nanoTime();
        MachineConfig config = new MachineConfig(CPUS, MachineConfig.DEFAULT_QUANTUM_US,
                MachineConfig.DEFAULT_CALL_COST_US, SEED, -1, MachineConfig.DEFAULT_LATENCY_US);
        Machine machine = new Machine(config, EventSink.NONE, new NetConnections());
        Summary summary;
        try {
            machine.createPort(PORT, CONCURRENCY);
            machine.createEchoServer(new EchoServer(PORT, WORKERS, peers, messages, size, 0, 0, COMPUTE_US, 0, 0));
            summary = machine.run();
        } finally {
            machine.close();
        }
        long wall = System.nanoTime() - started;
        long cpuUsed = cpu < 0 ? -1 : processCpu() - cpu;
        // Every echo peer verifies each byte and a difference fails the run, so a run that ends has all
        // of them verified. Packets: per message the receive's and the echo's send completion, per peer
        // the 0-byte completion of its FIN, per worker its shutdown packet.
        long expected = expectedPackets(peers, messages);
        if (summary == null || summary.packets() != expected) {
            throw new IllegalStateException(name + ": " + (summary == null ? "no summary" : summary.packets()
                    + " packets") + ", expected " + expected);
        }
        return new Result(name, (long) peers * messages, wall, cpuUsed,
                String.format(Locale.ROOT, "%,d packets = %d x %d x 2 + %d + %d, every byte verified by its peer",
                        summary.packets(), peers, messages, peers, WORKERS));
    }

    // ------------------------------------------------------------------ the NIO.2 baseline

    private static Result nio2(String name, int peers, int messages, int size) {
        long cpu = processCpu();
        long started = System.nanoTime();
        List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger numbers = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "iocplab-bench-nio2-" + numbers.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
        AtomicReference<Throwable> serverFailure = new AtomicReference<>();
        ConcurrentLinkedQueue<Session> sessions = new ConcurrentLinkedQueue<>();
        long verified;
        AsynchronousChannelGroup group = null;
        try {
            group = AsynchronousChannelGroup.withFixedThreadPool(WORKERS, factory);
            try (AsynchronousServerSocketChannel server = AsynchronousServerSocketChannel.open(group)) {
                server.bind(new InetSocketAddress(LOOPBACK, 0));
                server.accept(null, new CompletionHandler<AsynchronousSocketChannel, Void>() {
                    @Override
                    public void completed(AsynchronousSocketChannel channel, Void unused) {
                        server.accept(null, this);
                        Session s = new Session(channel, size, serverFailure);
                        sessions.add(s);
                        s.start();
                    }

                    @Override
                    public void failed(Throwable e, Void unused) {
                        if (!(e instanceof AsynchronousCloseException) && !(e instanceof ClosedChannelException)) {
                            serverFailure.compareAndSet(null, e);
                        }
                    }
                });
                verified = clients((InetSocketAddress) server.getLocalAddress(), peers, messages, size, serverFailure);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e, e);
        } finally {
            if (group != null) {
                try {
                    group.shutdownNow();
                    if (!group.awaitTermination(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(name + ": the NIO.2 thread pool did not end");
                    }
                    for (Thread t : new ArrayList<>(threads)) {
                        t.join(10_000);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(name + ": closing the NIO.2 group: " + e, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(name + ": interrupted", e);
                }
            }
        }
        long wall = System.nanoTime() - started;
        long cpuUsed = cpu < 0 ? -1 : processCpu() - cpu;
        if (serverFailure.get() != null) {
            throw new IllegalStateException(name + ": the server failed: " + serverFailure.get(), serverFailure.get());
        }
        long echoed = sessions.stream().mapToLong(s -> s.echoed).sum();
        long bytes = (long) peers * messages * size;
        if (sessions.size() != peers || echoed != bytes || verified != bytes) {
            throw new IllegalStateException(name + ": " + sessions.size() + " sessions echoed " + echoed
                    + " bytes and the clients verified " + verified + "; expected " + peers + " and " + bytes);
        }
        return new Result(name, (long) peers * messages, wall, cpuUsed, String.format(Locale.ROOT,
                "%d sessions echoed %,d bytes, the clients verified %,d = %d x %d x %d", peers, echoed, verified,
                peers, messages, size));
    }

    /**
     * One accepted connection of the baseline server: read what came, write all of it back, read again;
     * end of stream closes it. Its handler runs on the group's threads, one operation at a time.
     */
    private static final class Session implements CompletionHandler<Integer, Boolean> {
        private static final Boolean READ = Boolean.TRUE;
        private static final Boolean WRITE = Boolean.FALSE;
        private final AsynchronousSocketChannel channel;
        private final ByteBuffer buffer;
        private final AtomicReference<Throwable> failure;
        /** Bytes written back; read by the benchmark once the group has ended. */
        long echoed;

        Session(AsynchronousSocketChannel channel, int size, AtomicReference<Throwable> failure) {
            this.channel = channel;
            this.buffer = ByteBuffer.allocate(Math.max(size, 4096));
            this.failure = failure;
        }

        void start() {
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } catch (IOException e) {
                failed(e, READ);
                return;
            }
            channel.read(buffer, READ, this);
        }

        @Override
        public void completed(Integer n, Boolean op) {
            if (op == READ) {
                if (n < 0) {
                    close();
                    return;
                }
                buffer.flip();
                channel.write(buffer, WRITE, this);
                return;
            }
            echoed += n;
            if (buffer.hasRemaining()) {
                channel.write(buffer, WRITE, this);
            } else {
                buffer.clear();
                channel.read(buffer, READ, this);
            }
        }

        @Override
        public void failed(Throwable e, Boolean op) {
            if (!(e instanceof AsynchronousCloseException) && !(e instanceof ClosedChannelException)) {
                failure.compareAndSet(null, e);
            }
            close();
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
        }
    }

    /** One baseline client: its channel, the message in flight and what has come back of it. */
    private static final class Client {
        final SocketChannel channel;
        final byte[] message;
        final ByteBuffer out;
        final ByteBuffer in;
        int sent;
        long verified;
        boolean finished;
        SelectionKey key;

        Client(SocketChannel channel, int size) {
            this.channel = channel;
            this.message = new byte[size];
            this.out = ByteBuffer.wrap(message);
            this.in = ByteBuffer.allocate(size);
        }
    }

    /**
     * The baseline's clients, all on this thread and one selector: each sends its next message once the
     * whole echo of the previous one has come back and matched, then shuts its output down and waits for
     * the server to close. Returns the bytes verified.
     */
    private static long clients(InetSocketAddress server, int peers, int messages, int size,
                                AtomicReference<Throwable> serverFailure) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Client> clients = new ArrayList<>(peers);
        try (Selector selector = Selector.open()) {
            try {
                for (int i = 0; i < peers; i++) {
                    SocketChannel ch = SocketChannel.open();
                    Client c = new Client(ch, size);
                    clients.add(c);
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    ch.connect(server);
                    ch.configureBlocking(false);
                    c.key = ch.register(selector, SelectionKey.OP_READ, c);
                }
                for (Client c : clients) {
                    sendNext(c, random);
                }
                int left = peers;
                while (left > 0) {
                    if (selector.select(STALL_MS) == 0) {
                        throw new IllegalStateException("the baseline made no progress for " + STALL_MS + " ms, "
                                + left + " clients left" + (serverFailure.get() == null ? ""
                                : "; the server failed: " + serverFailure.get()));
                    }
                    for (SelectionKey k : selector.selectedKeys()) {
                        Client c = (Client) k.attachment();
                        if (k.isValid() && k.isWritable()) {
                            flush(c);
                        }
                        if (k.isValid() && k.isReadable() && receive(c, messages, random)) {
                            left--;
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (Client c : clients) {
                    c.channel.close();
                }
            }
        }
        long verified = 0;
        for (Client c : clients) {
            verified += c.verified;
        }
        return verified;
    }

    private static void sendNext(Client c, SplittableRandom random) throws IOException {
        for (int i = 0; i < c.message.length; i++) {
            c.message[i] = (byte) ('a' + random.nextInt(26));
        }
        c.sent++;
        c.out.clear();
        c.in.clear();
        flush(c);
    }

    /** Writes what is left of the message; waits for room (OP_WRITE) if the socket is full. */
    private static void flush(Client c) throws IOException {
        c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    /** Reads what came back and checks it; returns true when the client is done (the server closed). */
    private static boolean receive(Client c, int messages, SplittableRandom random) throws IOException {
        int n = c.channel.read(c.in);
        if (n < 0) {
            if (!c.finished) {
                throw new IllegalStateException("the server closed a connection after " + c.verified
                        + " verified bytes, before the client's last message was echoed");
            }
            c.channel.close();
            return true;
        }
        if (c.finished) {
            if (n > 0) {
                throw new IllegalStateException("the server sent " + n + " bytes after the last echo");
            }
            return false;
        }
        if (c.in.hasRemaining()) {
            return false;
        }
        int wrong = Arrays.mismatch(c.in.array(), c.message);
        if (wrong >= 0) {
            throw new IllegalStateException("echoed byte " + (c.verified + wrong) + " was '"
                    + (char) c.in.array()[wrong] + "', the client sent '" + (char) c.message[wrong] + "'");
        }
        c.verified += c.message.length;
        if (c.sent < messages) {
            sendNext(c, random);
        } else {
            c.finished = true;
            c.in.clear();
            c.channel.shutdownOutput();
        }
        return false;
    }

    // ------------------------------------------------------------------ reporting

    private static final class Result {
        final String name;
        final long messages;
        final long wallNs;
        final long cpuNs;
        final String check;
        final double load = loadAverage();

        Result(String name, long messages, long wallNs, long cpuNs, String check) {
            this.name = name;
            this.messages = messages;
            this.wallNs = wallNs;
            this.cpuNs = cpuNs;
            this.check = check;
        }

        double rate() {
            return messages / (wallNs / 1e9);
        }

        /** Messages per CPU-second of the process, or -1 when unknown. */
        double cpuRate() {
            return cpuNs <= 0 ? -1 : messages / (cpuNs / 1e9);
        }
    }

    private static double bestCpuRate(List<Result> runs) {
        return runs.stream().mapToDouble(Result::cpuRate).max().orElse(-1);
    }

    /** The system's 1-minute load average, or -1 where the OS does not tell. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Result best(List<Result> runs) {
        return runs.stream().max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
    }

    private static double median(List<Result> runs) {
        double[] rates = runs.stream().mapToDouble(Result::rate).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }

    private static String rates(List<Result> runs) {
        StringBuilder sb = new StringBuilder();
        for (Result r : runs) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", r.rate()));
        }
        return sb.toString();
    }

    /** True once the last rounds' rates are within 10% of each other. */
    private static boolean settled(List<Result> rounds) {
        if (rounds.size() < WARMUP_MIN_ROUNDS) {
            return false;
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Result r : rounds.subList(rounds.size() - WARMUP_SETTLED_ROUNDS, rounds.size())) {
            min = Math.min(min, r.rate());
            max = Math.max(max, r.rate());
        }
        return max <= min * 1.10;
    }

    /** CPU time of the whole process so far, or -1 where the JVM does not tell. */
    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t >= 0 ? t : -1;
        }
        return -1;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
