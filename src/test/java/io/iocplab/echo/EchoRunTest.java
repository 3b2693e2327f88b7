package io.iocplab.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.EchoServer;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 3, "an echo run with 64 peers x 1,000 messages each verifies every echoed byte, twice, with
 * identical traces", on real loopback TCP connections (src/test/resources/echo/echo-64x1000.yaml:
 * 64 clients x 1,000 messages of 32 bytes, 4 workers, port concurrency 0 on 2 processors, 5 µs of
 * Compute per packet, 0.5 ms of think time).
 *
 * <p>Every echo peer checks each byte that comes back against what it sent and stops the run with a
 * RunFailure on the first difference, so a run that ends has had every byte verified; this test also
 * checks it again from the trace's {@code peer} events. Both traces go through {@link TraceWriter}
 * into a running SHA-256 ({@link MaskedTraceHash}), with only the {@code local_port} and
 * {@code remote_port} of {@code peer} lines masked: the OS picks the real port numbers, nothing else may
 * differ.
 */
class EchoRunTest {
    private static final String FILE = "echo/echo-64x1000.yaml";
    private static final String ACCEPT_FILE = "echo/echo-accept-64x1000.yaml";

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sixty_four_peers_times_a_thousand_messages_verify_every_byte_twice_with_identical_traces()
            throws Exception {
        Scenario scenario = load(FILE);
        EchoServer echo = scenario.echo();
        assertNotNull(echo, "the file has an echo: block");
        assertEquals(64, echo.clients());
        assertEquals(1_000, echo.messages());

        // first, what the JDK opens once for good on first use (NIO's pre-close socket, the SHA-256
        // provider's /dev/random and /dev/urandom), so that the snapshot below counts only the runs'
        run(scenario.withEcho(new EchoServer(echo.port(), 1, 1, 1, 1, 0, 0, 0, 0, 0)));
        OpenResources before = OpenResources.now();
        Run first = run(scenario);
        Run second = run(scenario);
        OpenResources after = OpenResources.now();

        for (Run r : new Run[] {first, second}) {
            checkRun(echo, r);
        }
        assertEquals(first.summary, second.summary, "the same summary");
        assertEquals(first.trace.lines(), second.trace.lines(), "as many trace lines");
        assertEquals(first.trace.bytes(), second.trace.bytes(), "as many trace bytes, ports masked");
        assertEquals(first.trace.masked(), second.trace.masked());
        assertEquals(first.hash, second.hash, "the two traces are identical, byte for byte, but for the real ports");

        assertEquals(before.registry(), after.registry(), "every channel and selector of both runs is closed: "
                + after.newSince(before));
        if (before.fds() != null) {
            assertTrue(after.descriptors() <= before.descriptors() && after.sockets() <= before.sockets(),
                    "no descriptor of either run is left open: " + after.newSince(before));
        }
        assertTrue(after.iocplabThreads().isEmpty(), "no iocplab thread survives: " + after.iocplabThreads());

        System.out.printf(Locale.ROOT, "echo 64x1000: run 1 %.1f s (CPU %.1f s), run 2 %.1f s (CPU %.1f s); %,d"
                        + " trace lines, %,d bytes (ports masked), %,d packets, masked SHA-256 %s%n",
                first.wallNs / 1e9, first.cpuNs / 1e9, second.wallNs / 1e9, second.cpuNs / 1e9,
                first.trace.lines(), first.trace.bytes(), first.summary.packets(), first.hash);
    }

    /**
     * Issue 15: "the echo workload with AcceptEx and 64 clients x 1,000 messages verified byte for byte". Its
     * peers verify every echoed byte as above, the real bytes are checked against the model's, and the trace's
     * peer events are checked again; a run with the trace off, once, ends with the same summary (traces identical
     * run to run are the other test's and the conformance files').
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void sixty_four_peers_accepted_with_accept_ex_times_a_thousand_messages_verify_every_byte() throws Exception {
        Scenario scenario = load(ACCEPT_FILE);
        EchoServer echo = scenario.echo();
        assertTrue(echo.acceptEx(), "the clients are accepted with AcceptEx");
        run(scenario.withEcho(new EchoServer(echo.port(), 1, 1, 1, 1, 0, 0, 0, 0, 0, true)));
        OpenResources before = OpenResources.now();
        Run traced = run(scenario);
        Summary untraced = ScenarioRunner.run(scenario, io.iocplab.sim.EventSink.NONE);
        OpenResources after = OpenResources.now();
        checkRun(echo, traced);
        assertEquals(traced.summary.packets(), untraced.packets(), "trace on or off, the same run");
        assertEquals(traced.summary.perThread(), untraced.perThread());
        assertEquals(traced.summary.tUs(), untraced.tUs());
        assertEquals(before.registry(), after.registry(), "every socket and listener of both runs is closed: "
                + after.newSince(before));
        assertTrue(after.iocplabThreads().isEmpty(), "no iocplab thread survives: " + after.iocplabThreads());
        System.out.printf(Locale.ROOT, "echo with AcceptEx 64x1000: %.1f s (CPU %.1f s); %,d packets%n",
                traced.wallNs / 1e9, traced.cpuNs / 1e9, traced.summary.packets());
    }

    private static void checkRun(EchoServer echo, Run r) {
        /*
         * The packets the workers dequeue (the summary counts GetQueuedCompletionStatus removals), from
         * what EchoWorkerProgram and EchoMainProgram do:
         *  - each message: its WSARecv completes with the message's bytes (a packet; main's first WSARecv
         *    per client included), and the echo's WSASend completes at once and still queues a packet,
         *    since the sockets do not skip the port on success (Model decision 10): 2 packets;
         *  - each client, after its last echo, closes gracefully: the FIN completes the pending WSARecv
         *    with 0 bytes, 1 packet (the worker then closes the socket);
         *  - once every socket is closed, main posts one shutdown packet (key 0) per worker, each taken by
         *    the worker it makes exit: 1 packet per worker;
         *  - with AcceptEx, each client's accept completes through the port with the listener's key: 1 more
         *    packet per client.
         * Main itself dequeues nothing.
         */
        long clients = echo.clients();
        long expected = clients * echo.messages() * 2 + clients + echo.workers() + (echo.acceptEx() ? clients : 0);
        assertEquals(64L * 1_000 * 2 + 64 + 4 + (echo.acceptEx() ? 64 : 0), expected);
        Summary s = r.summary;
        assertEquals(expected, s.packets(), "packets = 64 x 1000 x 2 + 64 FINs + 4 shutdown packets (+ 64 accepts)");
        assertEquals(expected, s.perThread().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0L, s.perThread().get("main"), "main takes no packet");
        assertEquals(echo.workers() + 1, s.perThread().size(), "main and the workers, nothing else");
        String summaryStart = "{\"t_us\":" + s.tUs() + ",\"seq\":" + s.seq() + ",\"moment\":" + s.moment()
                + ",\"type\":\"summary\"";
        assertTrue(r.trace.lastLine().startsWith(summaryStart),
                "the trace ends with the summary: " + r.trace.lastLine());
        assertEquals(s.seq() + 1, r.trace.lines(), "one line per event");

        long bytesEach = (long) echo.messages() * echo.size();
        assertEquals(echo.clients(), r.peers.size(), "every client's peer acted");
        Set<Integer> peerPorts = new HashSet<>();
        long peerEvents = 0;
        for (int i = 1; i <= echo.clients(); i++) {
            String name = echo.acceptEx() ? echo.clientName(i) : echo.socketName(i);
            PeerTally p = r.peers.get(name);
            assertNotNull(p, name);
            assertEquals(bytesEach, p.sentBytes, name + " sent messages x size bytes");
            assertEquals(bytesEach, p.receivedBytes, name + " received messages x size bytes back");
            assertEquals(echo.messages(), p.sends, name + ": one send per message");
            assertEquals(1, p.connects, name + ": connected once");
            assertEquals(1, p.closes, name + ": closed gracefully once, at the end");
            assertEquals(0, p.resets, name);
            assertEquals(0, p.outstanding.length(), name + ": every byte sent came back");
            assertTrue(peerPorts.add(p.localPort), name + ": its own real port " + p.localPort);
            assertNotEquals(p.localPort, p.remotePort, name);
            peerEvents += p.events;
        }
        assertEquals(peerEvents, r.trace.masked(), "exactly the peer lines had their ports masked");
    }

    // ------------------------------------------------------------------ one run

    /** cpuNs: CPU time of this thread, which runs the machine, its peers and the trace; -1 if unknown. */
    private record Run(Summary summary, MaskedTraceHash trace, String hash, Map<String, PeerTally> peers,
                       long wallNs, long cpuNs) {}

    private static Run run(Scenario scenario) throws IOException {
        MaskedTraceHash trace = new MaskedTraceHash();
        TraceWriter writer = new TraceWriter(trace);
        Map<String, PeerTally> peers = new LinkedHashMap<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long cpuStarted = cpu ? mx.getCurrentThreadCpuTime() : 0;
        long started = System.nanoTime();
        Summary summary = ScenarioRunner.run(scenario, event -> {
            writer.write(event);
            tally(peers, event);
        });
        writer.flush();
        long wall = System.nanoTime() - started;
        long cpuNs = cpu ? mx.getCurrentThreadCpuTime() - cpuStarted : -1;
        return new Run(summary, trace, trace.hex(), peers, wall, cpuNs);
    }

    /** What one peer did, from its {@code peer} events, with an independent check of the echoed data. */
    private static final class PeerTally {
        long events;
        long connects;
        long sends;
        long sentBytes;
        long receivedBytes;
        long closes;
        long resets;
        int localPort = -1;
        int remotePort = -1;
        /** Sent and not yet echoed, in order: every recv must be its prefix. */
        final StringBuilder outstanding = new StringBuilder();
    }

    private static void tally(Map<String, PeerTally> peers, SimEvent event) {
        if (!(event instanceof PeerAction e)) {
            return;
        }
        PeerTally p = peers.computeIfAbsent(e.peer(), k -> new PeerTally());
        p.events++;
        if (p.localPort < 0) {
            p.localPort = e.localPort();
            p.remotePort = e.remotePort();
        } else if (p.localPort != e.localPort() || p.remotePort != e.remotePort()) {
            throw new AssertionError(e.socket() + ": its ports changed during the run: " + e);
        }
        switch (e.action()) {
            case CONNECT -> p.connects++;
            case SEND -> {
                p.sends++;
                p.sentBytes += e.bytes();
                assertEquals(e.bytes(), e.data().getBytes(StandardCharsets.UTF_8).length, e.toString());
                p.outstanding.append(e.data());
            }
            case RECV -> {
                p.receivedBytes += e.bytes();
                String data = e.data();
                if (!p.outstanding.substring(0, Math.min(data.length(), p.outstanding.length())).equals(data)
                        || data.length() > p.outstanding.length()) {
                    throw new AssertionError(e.socket() + ": received '" + data + "' but had sent '" + p.outstanding
                            + "' not yet echoed");
                }
                p.outstanding.delete(0, data.length());
            }
            case CLOSE -> p.closes++;
            case RESET -> p.resets++;
            case STOP_READING, RESUME_READING -> throw new AssertionError("an echo peer always reads: " + e);
        }
    }

    private static Scenario load(String file) throws Exception {
        try (InputStream in = EchoRunTest.class.getClassLoader().getResourceAsStream(file)) {
            assertNotNull(in, file);
            return ScenarioLoader.loadString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
