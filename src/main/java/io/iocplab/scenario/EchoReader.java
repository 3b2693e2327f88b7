package io.iocplab.scenario;

import io.iocplab.sim.EchoServer;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads the {@code echo:} block (EXTENSIONS.md): an echo server with its worker threads and its
 * clients in one block instead of a hand-written program.
 *
 * <pre>
 * echo:
 *   port: P                       # optional when the file has one port
 *   workers: 3                    # threads W1..W3 run the worker loop
 *   clients: 4                    # sockets C1..C4, each with a closed-loop echo peer
 *   messages: 5                   # per client
 *   size: 16                      # bytes per message
 *   think: 2                      # ms between an echo and the client's next message (default 0)
 *   start: 0                      # ms: when the clients send their first message (default 0)
 *   compute: 0.5                  # ms of Compute per packet in the worker (default 0)
 *   block: { every: 3, sleep: 1 } # optional: a blocking call (Sleep) every 3 packets
 *   accept: true                  # optional: the clients connect to a listener L, accepted with AcceptEx
 * </pre>
 * The names it creates (main, W1.., C1..) must not clash with the file's own threads and sockets.
 */
final class EchoReader {
    static final List<String> KEYS = List.of("port", "workers", "clients", "messages", "size", "think",
            "start", "compute", "block", "accept");
    private static final int MAX_COUNT = 100_000;

    private final Nodes nodes;
    private final Problems problems;

    EchoReader(Nodes nodes, Problems problems) {
        this.nodes = nodes;
        this.problems = problems;
    }

    EchoServer read(NodeTuple entry, Declared declared) {
        MappingNode m = nodes.map(entry.getValueNode(), "echo", "a map such as { workers: 3, clients: 4, messages: 5, size: 16 }", false);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Args a = new Args(entry.getKeyNode(), "echo", m, KEYS, nodes);
        String port = new StepReader(nodes, declared).port(a);
        int workers = count(a, "workers", Limits.MAX_THREADS - 1);
        int clients = count(a, "clients", Limits.MAX_SOCKETS);
        int messages = count(a, "messages", MAX_COUNT);
        int size = count(a, "size", MAX_COUNT);
        long think = time(a, "think");
        long start = time(a, "start");
        long compute = time(a, "compute");
        Block block = block(a, nodes);
        boolean accept = a.has("accept") && nodes.bool(a.optional("accept"), a.path("accept"));
        checkNames(entry.getKeyNode(), declared, workers, clients);
        if (accept) {
            checkAcceptNames(entry.getKeyNode(), declared, clients);
        }
        if (problems.count() > before) {
            return null;
        }
        return new EchoServer(port, workers, clients, messages, size, think, start, compute, block.every(), block.sleepUs(),
                accept);
    }

    /** The workers' blocking call: a Sleep of {@code sleepUs} every {@code every} packets; none when every is 0. */
    record Block(int every, long sleepUs) {}

    /** {@code block: { every: K, sleep: MS }} of the echo block or of a what-if: none when it is not written. */
    static Block block(Args a, Nodes nodes) {
        if (!a.has("block")) {
            return new Block(0, 0);
        }
        MappingNode b = nodes.map(a.optional("block"), a.path("block"), "a map such as { every: 3, sleep: 1 }", false);
        Args ba = new Args(a.optional("block"), a.path("block"), b, List.of("every", "sleep"), nodes);
        Node e = ba.required("every", "how many packets between two blocking calls");
        Node s = ba.required("sleep", "how long each blocking call waits, in milliseconds");
        return new Block(e == null ? 0 : (int) nodes.whole(e, ba.path("every"), 1, MAX_COUNT),
                s == null ? 0 : nodes.timeUs(s, ba.path("sleep"), 1, false));
    }

    private int count(Args a, String key, int max) {
        Node n = a.required(key, "a whole number, at least 1");
        return n == null ? 1 : (int) nodes.whole(n, a.path(key), 1, max);
    }

    private long time(Args a, String key) {
        return a.has(key) ? nodes.timeUs(a.optional(key), a.path(key), 0, false) : 0;
    }

    /** The workload names its threads main and W1.., its sockets C1..: the file must not use them. */
    private void checkNames(Node at, Declared declared, int workers, int clients) {
        if (declared.threads() != null) {
            for (String t : declared.threads()) {
                if (t.equals("main") || isNumbered(t, "W", workers)) {
                    problems.add(at, "echo: the workload names its threads main and W1..W" + workers
                            + ", so the file's thread '" + t + "' clashes; rename it");
                }
            }
        }
        if (declared.sockets() != null) {
            for (String s : declared.sockets()) {
                if (isNumbered(s, "C", clients)) {
                    problems.add(at, "echo: the workload names its sockets C1..C" + clients
                            + ", so the file's socket '" + s + "' clashes; rename it");
                }
            }
        }
    }

    /** With AcceptEx the workload also names its listener L and its clients client1..: the file must not use them. */
    private void checkAcceptNames(Node at, Declared declared, int clients) {
        if (declared.listeners() != null && declared.listeners().contains("L")
                || declared.sockets() != null && declared.sockets().contains("L")) {
            problems.add(at, "echo: with accept the workload names its listener L, so the file's 'L' clashes; "
                    + "rename it");
        }
        if (declared.sockets() != null) {
            for (String s : declared.sockets()) {
                if (isNumbered(s, "client", clients)) {
                    problems.add(at, "echo: with accept the workload names its clients client1..client" + clients
                            + ", so the file's socket '" + s + "' clashes; rename it");
                }
            }
        }
    }

    private static boolean isNumbered(String name, String prefix, int max) {
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return false;
        }
        String digits = name.substring(prefix.length());
        return digits.chars().allMatch(Character::isDigit) && digits.length() < 7
                && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= max;
    }
}
