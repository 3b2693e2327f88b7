package io.iocplab.scenario;

import io.iocplab.scenario.Scenario.ListenerSpec;
import io.iocplab.scenario.Scenario.SocketSpec;
import io.iocplab.sim.EchoServer;
import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import io.iocplab.sim.event.Api;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a scenario file (scenario-and-trace.md, "The file", and {@code EXTENSIONS.md}) into a
 * {@link Scenario}, or reports everything wrong with it.
 *
 * <p>Guarantees: the result is either a scenario that passes every check, or an
 * {@link InvalidScenarioException} with every problem found (YAML syntax, unknown keys and steps,
 * unknown names, wrong types, negative times, missing arguments), each at its 1-based line and column
 * and ordered by position. Reading never runs anything and never depends on anything but the text.
 */
public final class ScenarioLoader {
    /** The top-level keys, in the order they are documented. */
    public static final List<String> KEYS = List.of("title", "cpus", "until", "quantum", "callCost", "seed",
            "latency", "ports", "sockets", "listeners", "peers", "threads", "echo", "whatIf");
    static final List<String> PORT_KEYS = List.of("concurrency");
    /** The keys of a socket's entry, and of a listener's. */
    static final List<String> SOCKET_KEYS = List.of("port", "key", "sendBuffer");
    /** What a peer's action does: one of these, with its {@code at}. */
    private static final List<String> PEER_ACTIONS = List.of("connect", "send", "close", "stopReading",
            "resumeReading");
    static final List<String> PEER_KEYS = Stream.concat(Stream.of("at"), PEER_ACTIONS.stream()).toList();
    static final int MAX_CPUS = 256;
    static final int MAX_CONCURRENCY = 1024;
    static final int MAX_SEND_BUFFER = 65_536;

    private final Problems problems;
    private final Nodes nodes;

    private ScenarioLoader(Problems problems) {
        this.problems = problems;
        this.nodes = new Nodes(problems);
    }

    /**
     * Reads a file (UTF-8, at most {@link Limits#MAX_FILE_BYTES}); problems name the file as
     * {@code file.toString()}.
     */
    public static Scenario load(Path file) throws IOException, InvalidScenarioException {
        return loadString(file.toString(), SourceText.read(file, Limits.MAX_FILE_BYTES));
    }

    /** Reads a scenario from text; {@code name} is the file name problems are reported under. */
    public static Scenario loadString(String name, String text) throws InvalidScenarioException {
        Problems problems = new Problems(name);
        Optional<Node> root = YamlDocument.compose(name, text.startsWith("\uFEFF") ? text.substring(1) : text,
                problems::add);
        Scenario scenario = null;
        if (root.isPresent()) {
            scenario = new ScenarioLoader(problems).read(root.get());
        } else if (problems.count() == 0) {
            problems.add((Node) null, "the file is empty (expected a scenario: a map with ports and threads)");
        }
        if (problems.count() > 0) {
            throw new InvalidScenarioException(problems.sorted());
        }
        return scenario;
    }

    private Scenario read(Node root) {
        if (!(root instanceof MappingNode top)) {
            problems.add(root, "expected a scenario: a map of " + String.join(", ", KEYS) + "; got "
                    + YamlValues.describe(root));
            return null;
        }
        Map<String, NodeTuple> entries = nodes.entries(top, "");
        for (NodeTuple t : entries.values()) {
            String key = YamlValues.scalar(t.getKeyNode());
            if (!KEYS.contains(key)) {
                String hint = Suggest.hint(key, KEYS);
                problems.add(t.getKeyNode(), key + ": unknown key" + (hint.isEmpty()
                        ? " (expected one of " + String.join(", ", KEYS) + ")" : hint));
            }
        }
        Map<String, NodeTuple> ports = section(entries, "ports", "a map of port names, e.g. P: { concurrency: 2 }");
        Map<String, NodeTuple> sockets = section(entries, "sockets", "a map of socket names, e.g. S1: { port: P }");
        Map<String, NodeTuple> listeners = section(entries, "listeners", "a map of listener names, e.g. L: { port: P }");
        Map<String, NodeTuple> peers = section(entries, "peers", "a map from socket or client name to a list of actions");
        Map<String, NodeTuple> threads = section(entries, "threads", "a map from thread name to its steps");
        Declared declared = new Declared(names(threads), names(ports), socketNames(sockets, threads),
                names(listeners));
        checkHandleNames(sockets, listeners);

        Node titleNode = entries.containsKey("title") ? value(entries, "title") : null;
        String title = titleNode == null || YamlValues.isNull(titleNode) ? null : nodes.text(titleNode, "title", "text");
        int cpus = (int) (entries.containsKey("cpus")
                ? nodes.whole(value(entries, "cpus"), "cpus", 1, MAX_CPUS) : Scenario.DEFAULT_CPUS);
        long until = entries.containsKey("until")
                ? nodes.timeUs(value(entries, "until"), "until", 0, false) : Scenario.NO_LIMIT;
        long quantum = entries.containsKey("quantum")
                ? nodes.timeUs(value(entries, "quantum"), "quantum", 1, false) : Scenario.DEFAULT_QUANTUM_US;
        long callCost = entries.containsKey("callCost")
                ? nodes.timeUs(value(entries, "callCost"), "callCost", 1, false) : Scenario.DEFAULT_CALL_COST_US;
        long seed = entries.containsKey("seed")
                ? nodes.whole(value(entries, "seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : Scenario.DEFAULT_SEED;
        long latency = entries.containsKey("latency")
                ? nodes.timeUs(value(entries, "latency"), "latency", 0, false) : Scenario.DEFAULT_LATENCY_US;
        EchoServer echo = entries.containsKey("echo")
                ? new EchoReader(nodes, problems).read(entries.get("echo"), declared) : null;

        checkCounts(entries, threads, sockets, echo);
        Map<String, SocketSpec> socketSpecs = sockets(sockets, declared, echo);
        Map<String, ListenerSpec> listenerSpecs = listeners(listeners, declared);
        List<WhatIf> whatIf = entries.containsKey("whatIf")
                ? new WhatIfReader(nodes).read(value(entries, "whatIf"), declared, echo) : List.of();
        return new Scenario(title, cpus, until, quantum, callCost, seed, latency, ports(ports), socketSpecs,
                listenerSpecs, peers(peers, sockets, declared, socketSpecs, listenerSpecs), threads(threads, declared,
                echo), echo, whatIf, false);
    }

    /** A run has at most {@link Limits#MAX_THREADS} threads and {@link Limits#MAX_SOCKETS} sockets, the echo's included. */
    private void checkCounts(Map<String, NodeTuple> entries, Map<String, NodeTuple> threads,
                             Map<String, NodeTuple> sockets, EchoServer echo) {
        int threadCount = (threads == null ? 0 : threads.size()) + (echo == null ? 0 : echo.workers() + 1);
        if (threadCount > Limits.MAX_THREADS) {
            problems.add(entries.get(threads != null && threads.size() > Limits.MAX_THREADS ? "threads" : "echo")
                    .getKeyNode(), "threads: " + threadCount + " threads in all (the echo workload's main and "
                    + "workers included); at most " + Limits.MAX_THREADS);
        }
        int socketCount = (sockets == null ? 0 : sockets.size()) + (echo == null ? 0 : echo.clients());
        if (socketCount > Limits.MAX_SOCKETS) {
            problems.add(entries.get(sockets != null && sockets.size() > Limits.MAX_SOCKETS ? "sockets" : "echo")
                    .getKeyNode(), "sockets: " + socketCount + " sockets in all (the echo workload's clients "
                    + "included); at most " + Limits.MAX_SOCKETS);
        }
    }

    /** A section's entries by name; empty when absent or null; null (reported) when it is not a map. */
    private Map<String, NodeTuple> section(Map<String, NodeTuple> entries, String key, String expected) {
        if (!entries.containsKey(key)) {
            return Map.of();
        }
        MappingNode m = nodes.map(value(entries, key), key, expected, true);
        if (m == null) {
            return YamlValues.isNull(value(entries, key)) ? Map.of() : null;
        }
        return nodes.entries(m, key);
    }

    private static Node value(Map<String, NodeTuple> entries, String key) {
        return entries.get(key).getValueNode();
    }

    private static LinkedHashSet<String> names(Map<String, NodeTuple> section) {
        return section == null ? null : new LinkedHashSet<>(section.keySet());
    }

    /**
     * The sockets steps may name: the file's {@code sockets:}, then every socket an AcceptEx step accepts into
     * (the name "the accepted socket gets"), found before any step is read.
     */
    private static LinkedHashSet<String> socketNames(Map<String, NodeTuple> sockets, Map<String, NodeTuple> threads) {
        if (sockets == null) {
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>(sockets.keySet());
        if (threads != null) {
            threads.values().forEach(t -> acceptedInto(t.getValueNode(), out, 0));
        }
        return out;
    }

    private static void acceptedInto(Node steps, Set<String> out, int depth) {
        if (!(steps instanceof SequenceNode list) || depth > StepReader.MAX_LOOP_DEPTH) {
            return;
        }
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode m && m.getValue().size() == 1) {
                String step = YamlValues.scalar(m.getValue().get(0).getKeyNode());
                Node args = m.getValue().get(0).getValueNode();
                Node value = args instanceof MappingNode a ? argument(a, Api.AcceptEx.name().equals(step) ? "socket" : "steps")
                        : null;
                if (Api.AcceptEx.name().equals(step) && YamlValues.scalar(value) != null) {
                    out.add(YamlValues.scalar(value));
                } else if (StepReader.LOOP.equals(step)) {
                    acceptedInto(value, out, depth + 1);
                }
            }
        }
    }

    private static Node argument(MappingNode map, String key) {
        NodeTuple t = entry(map, key);
        return t == null ? null : t.getValueNode();
    }

    private static NodeTuple entry(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (key.equals(YamlValues.scalar(t.getKeyNode()))) {
                return t;
            }
        }
        return null;
    }

    /** A listener and a socket are both handles a step names: one name may not be both. */
    private void checkHandleNames(Map<String, NodeTuple> sockets, Map<String, NodeTuple> listeners) {
        if (sockets == null || listeners == null) {
            return;
        }
        for (NodeTuple t : listeners.values()) {
            String name = YamlValues.scalar(t.getKeyNode());
            if (sockets.containsKey(name)) {
                problems.add(t.getKeyNode(), "listeners." + name + ": '" + name
                        + "' is also a socket; give the listener a name of its own");
            }
        }
    }

    private Map<String, Integer> ports(Map<String, NodeTuple> section) {
        Map<String, Integer> out = new LinkedHashMap<>();
        forEach(section, (name, t) -> {
            String path = "ports." + name;
            MappingNode m = nodes.map(t.getValueNode(), path, "a map such as { concurrency: 2 }", true);
            Args a = new Args(t.getKeyNode(), path, m, PORT_KEYS, nodes);
            Node c = a.optional("concurrency");
            out.put(name, c == null ? 0 : (int) nodes.whole(c, a.path("concurrency"), 0, MAX_CONCURRENCY));
        });
        return out;
    }

    private Map<String, SocketSpec> sockets(Map<String, NodeTuple> section, Declared declared, EchoServer echo) {
        Map<String, SocketSpec> out = new LinkedHashMap<>();
        forEach(section, (name, t) -> {
            String path = "sockets." + name;
            MappingNode m = nodes.map(t.getValueNode(), path, "a map such as { port: P, key: 1 }", true);
            Args a = new Args(t.getKeyNode(), path, m, SOCKET_KEYS, nodes);
            Association as = association(a, declared);
            if (echo != null && echo.port() != null && echo.port().equals(as.port())) {
                problems.add(a.optional("port"), a.path("port") + ": " + as.port() + " is the echo workload's port, whose workers "
                        + "know only their own clients' keys (1.." + echo.clients() + "); give " + name
                        + " a port of its own");
            }
            out.put(name, new SocketSpec(as.port(), as.key(), StepReader.source(t.getKeyNode()), sendBuffer(a)));
        });
        return out;
    }

    /** The port a socket or listener is associated with when the run starts (null: none), and its completion key. */
    private record Association(String port, long key) {}

    private Association association(Args a, Declared declared) {
        Node port = a.optional("port");
        Node key = a.optional("key");
        if (key != null && port == null) {
            problems.add(key, a.path("key") + ": a completion key needs a port to associate with (add port:)");
        }
        return new Association(port == null ? null : nodes.name(port, a.path("port"), "port", declared.ports()),
                key == null ? 0 : nodes.whole(key, a.path("key"), 0, Long.MAX_VALUE));
    }

    /**
     * {@code sendBuffer} (SO_SNDBUF), in bytes, or {@link Scenario#NO_LIMIT} when not written. At most
     * {@value #MAX_SEND_BUFFER}: the model lets that many bytes wait unread in a real loopback socket, and every
     * system holds that much.
     */
    private long sendBuffer(Args a) {
        Node n = a.optional("sendBuffer");
        return n == null ? Scenario.NO_LIMIT : nodes.whole(n, a.path("sendBuffer"), 1, MAX_SEND_BUFFER);
    }

    private Map<String, ListenerSpec> listeners(Map<String, NodeTuple> section, Declared declared) {
        Map<String, ListenerSpec> out = new LinkedHashMap<>();
        forEach(section, (name, t) -> {
            String path = "listeners." + name;
            MappingNode m = nodes.map(t.getValueNode(), path, "a map such as { port: P, key: 0 }", true);
            Args a = new Args(t.getKeyNode(), path, m, SOCKET_KEYS, nodes);
            Association as = association(a, declared);
            out.put(name, new ListenerSpec(as.port(), as.key(), StepReader.source(t.getKeyNode()), sendBuffer(a)));
        });
        return out;
    }

    /**
     * The peers: a peer of one of the file's sockets, named by it, or a client, whose first action (and only
     * its first) is {@code connect: LISTENER}.
     */
    private Map<String, List<Peer.Action>> peers(Map<String, NodeTuple> section, Map<String, NodeTuple> fileSockets,
                                                 Declared declared, Map<String, SocketSpec> socketSpecs,
                                                 Map<String, ListenerSpec> listenerSpecs) {
        Map<String, List<Peer.Action>> out = new LinkedHashMap<>();
        forEach(section, (name, t) -> {
            String path = "peers." + name;
            List<Node> items = nodes.list(t.getValueNode(), path, "a list of actions such as { at: 5, send: hi }",
                    true);
            List<Peer.Action> steps = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Peer.Action s = peerAction(items.get(i), path + "[" + i + "]", declared);
                if (s == null) {
                    continue;
                }
                if (s instanceof Peer.Connect && i > 0) {
                    problems.add(items.get(i), path + "[" + i + "].connect: only a client's first action connects it");
                }
                Peer.Action last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
                if (last != null && s.atUs() < last.atUs()) {
                    problems.add(items.get(i), path + "[" + i + "].at: comes before the previous action's time");
                }
                if (last instanceof Peer.Close c && (c.reset() || !(s instanceof Peer.Close next && next.reset()))) {
                    problems.add(items.get(i), path + "[" + i + "]: comes after the peer's " + (c.reset()
                            ? "reset (RST): its socket is gone, a reset is a peer's last action"
                            : "close (FIN): it sends nothing more; only a reset may follow"));
                }
                steps.add(s);
            }
            checkPeerName(t.getKeyNode(), name, !items.isEmpty() && isConnect(items.get(0)), fileSockets, declared);
            checkSendBuffer(name, path, items, steps, socketSpecs, listenerSpecs);
            out.put(name, steps);
        });
        return out;
    }

    /**
     * A peer that stops reading needs a socket with a send buffer: without one the server's sends never wait, and
     * nothing bounds the bytes the real socket would have to hold unread.
     */
    private void checkSendBuffer(String name, String path, List<Node> items, List<Peer.Action> steps,
                                 Map<String, SocketSpec> socketSpecs, Map<String, ListenerSpec> listenerSpecs) {
        if (steps.stream().noneMatch(a -> a instanceof Peer.StopReading)) {
            return;
        }
        String holder;
        long buffer;
        if (!steps.isEmpty() && steps.get(0) instanceof Peer.Connect c) {
            ListenerSpec l = listenerSpecs.get(c.listener());
            holder = "listener " + c.listener() + " (its accepted sockets)";
            buffer = l == null ? 0 : l.sendBuffer();
        } else {
            SocketSpec sock = socketSpecs.get(name);
            holder = "socket " + name;
            buffer = sock == null ? 0 : sock.sendBuffer();
        }
        if (buffer != Scenario.NO_LIMIT) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            NodeTuple stop = items.get(i) instanceof MappingNode m ? entry(m, "stopReading") : null;
            if (stop != null) {
                problems.add(stop.getKeyNode(), path + "[" + i + "].stopReading: the " + holder + " has no sendBuffer, so its "
                        + "sends never wait and nothing bounds what the peer leaves unread; give it a sendBuffer "
                        + "(bytes, at most " + MAX_SEND_BUFFER + ")");
                return;
            }
        }
    }

    private static boolean isConnect(Node item) {
        return item instanceof MappingNode m && argument(m, "connect") != null;
    }

    /** A socket's peer is named by the socket; a client has a name of its own, and connects first. */
    private void checkPeerName(Node at, String name, boolean connects, Map<String, NodeTuple> fileSockets,
                               Declared declared) {
        if (fileSockets == null || declared.sockets() == null || declared.listeners() == null) {
            return;
        }
        boolean socket = fileSockets.containsKey(name);
        if (socket && connects) {
            problems.add(at, "peers." + name + ": '" + name + "' is a socket, connected from the start; a client "
                    + "that connects to a listener needs a name of its own");
        } else if (!socket && !connects) {
            if (declared.sockets().contains(name)) {
                problems.add(at, "peers." + name + ": '" + name + "' is accepted by AcceptEx, so its peer is the "
                        + "client it accepts: give that client a name and { at: T, connect: LISTENER } first");
            } else {
                nodes.name(at, "peers", "socket", fileSockets.keySet());
            }
        } else if (!socket && (declared.sockets().contains(name) || declared.listeners().contains(name))) {
            problems.add(at, "peers." + name + ": '" + name + "' is already the name of a socket or a listener; "
                    + "give the client a name of its own");
        }
    }

    private Peer.Action peerAction(Node item, String path, Declared declared) {
        MappingNode m = nodes.map(item, path, "an action such as { at: 5, send: hello } or { at: 9, close: reset }",
                false);
        if (m == null) {
            return null;
        }
        int before = problems.count();
        Args a = new Args(item, path, m, PEER_KEYS, nodes);
        Node at = a.required("at", "the time of the action in milliseconds");
        long atUs = at == null ? 0 : nodes.timeUs(at, a.path("at"), 0, false);
        List<String> given = PEER_ACTIONS.stream().filter(a::has).toList();
        Peer.Action action = null;
        if (given.size() != 1) {
            problems.add(item, path + ": " + (given.isEmpty()
                    ? "missing the action: connect (a listener), send (a string), close (graceful or reset), "
                    + "stopReading or resumeReading"
                    : "one action per entry, not " + String.join(" and ", given)));
        } else if (a.has("connect")) {
            action = new Peer.Connect(atUs, nodes.name(a.optional("connect"), a.path("connect"), "listener",
                    declared.listeners()));
        } else if (a.has("stopReading") || a.has("resumeReading")) {
            String key = a.has("stopReading") ? "stopReading" : "resumeReading";
            if (!nodes.bool(a.optional(key), a.path(key))) {
                problems.add(a.optional(key), a.path(key) + ": write " + key + ": true (or leave the action out)");
            }
            action = a.has("stopReading") ? new Peer.StopReading(atUs) : new Peer.ResumeReading(atUs);
        } else if (a.has("send")) {
            action = new Peer.Send(atUs, nodes.text(a.optional("send"), a.path("send"), "the bytes to send, as a string"));
        } else {
            String how = YamlValues.scalar(a.optional("close"));
            if ("graceful".equals(how) || "reset".equals(how)) {
                action = new Peer.Close(atUs, "reset".equals(how));
            } else {
                problems.add(a.optional("close"), a.path("close") + ": expected graceful or reset, got "
                        + YamlValues.describe(a.optional("close")));
            }
        }
        return problems.count() > before ? null : action;
    }

    private Map<String, List<Step>> threads(Map<String, NodeTuple> section, Declared declared, EchoServer echo) {
        StepReader reader = new StepReader(nodes, declared, echo);
        Map<String, List<Step>> out = new LinkedHashMap<>();
        forEach(section, (name, t) -> out.put(name, reader.steps(t.getValueNode(), "threads." + name, 0)));
        return out;
    }

    private static void forEach(Map<String, NodeTuple> section, BiConsumer<String, NodeTuple> f) {
        if (section != null) {
            section.forEach(f);
        }
    }
}
