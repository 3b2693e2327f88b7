package io.iocplab.lesson.read;

import static io.iocplab.lesson.read.Fields.pos;
import static io.iocplab.lesson.read.Fields.value;
import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.lesson.Cue;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ThreadState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a step's {@code at:}, the {@link Cue} that ties it to a moment of the run: {@code start}, {@code end},
 * or a map whose first telling key says which kind it is ({@code call}, {@code io}, {@code peer}, {@code time},
 * {@code state}, or a port count: {@code running}, {@code queue}, {@code waiters}). Every name it uses must be
 * one the scenario declares; a port may be left out when the scenario has only one.
 */
final class CueReader {
    /** The calls a {@code call:} cue may name: every call a program makes (the steps of a scenario file and the workload's wait). */
    static final List<String> APIS = java.util.Arrays.stream(Api.values()).map(Api::name).toList();
    static final List<String> PEER_ACTIONS = List.of("connect", "send", "recv", "close", "reset");

    private final Fields f;
    private final ScenarioNames names;

    CueReader(Fields f, ScenarioNames names) {
        this.f = f;
        this.names = names;
    }

    /** The cue written at {@code n}, or null when it is wrong (the problems are reported). */
    Cue read(Node n, String path) {
        String s = scalar(n);
        if (s != null) {
            if (s.equals("start")) {
                return new Cue.Start(pos(n));
            }
            if (s.equals("end")) {
                return new Cue.End(pos(n));
            }
        }
        if (!(n instanceof MappingNode m)) {
            f.add(n, path + ": expected start, end or a map such as { call: GetQueuedCompletionStatus, thread: T1 }; "
                    + "got " + describe(n));
            return null;
        }
        Map<String, NodeTuple> keys = f.entries(m, path);
        int before = f.count();
        Cue cue;
        if (keys.containsKey("call")) {
            cue = call(m, path);
        } else if (keys.containsKey("io")) {
            cue = io(m, path);
        } else if (keys.containsKey("peer")) {
            Map<String, NodeTuple> e = f.args(m, path, List.of("peer", "socket"));
            String action = f.oneOf(value(e, "peer"), path + ".peer", "peer action", PEER_ACTIONS);
            String socket = e.containsKey("socket") ? f.name(value(e, "socket"), path + ".socket", "socket",
                    names.sockets()) : null;
            cue = new Cue.Peer(action, socket, pos(m));
        } else if (keys.containsKey("time")) {
            f.args(m, path, List.of("time"));
            cue = new Cue.Time(f.timeUs(value(keys, "time"), path + ".time"), pos(m));
        } else if (keys.containsKey("state")) {
            cue = threadIs(m, path);
        } else if (keys.containsKey("running") || keys.containsKey("queue") || keys.containsKey("waiters")
                || keys.containsKey("port")) {
            cue = portCount(m, path, before);
        } else {
            f.add(n, path + ": not a cue (expected a map with call, io, peer, time, thread + state, or port with "
                    + "running, queue or waiters)");
            return null;
        }
        return f.count() > before ? null : cue;
    }

    private Cue call(MappingNode m, String path) {
        Map<String, NodeTuple> e = f.args(m, path, List.of("call", "thread", "returns", "error"));
        String api = f.oneOf(value(e, "call"), path + ".call", "call", APIS);
        String thread = e.containsKey("thread") ? f.name(value(e, "thread"), path + ".thread", "thread",
                names.threads()) : null;
        Boolean returns = e.containsKey("returns") ? f.bool(value(e, "returns"), path + ".returns") : null;
        Integer error = e.containsKey("error") ? (int) f.whole(value(e, "error"), path + ".error", 0,
                Integer.MAX_VALUE) : null;
        return api == null ? null : new Cue.Call(Api.valueOf(api), thread, returns, error, pos(m));
    }

    private Cue io(MappingNode m, String path) {
        Map<String, NodeTuple> e = f.args(m, path, List.of("io", "socket", "overlapped", "status", "packet"));
        f.oneOf(value(e, "io"), path + ".io", "io event", List.of("complete"));
        String socket = e.containsKey("socket") ? f.name(value(e, "socket"), path + ".socket", "socket",
                names.sockets()) : null;
        String ov = e.containsKey("overlapped") ? f.text(value(e, "overlapped"), path + ".overlapped",
                "an OVERLAPPED label") : null;
        Integer status = e.containsKey("status") ? (int) f.whole(value(e, "status"), path + ".status", 0,
                Integer.MAX_VALUE) : null;
        Boolean packet = e.containsKey("packet") ? f.bool(value(e, "packet"), path + ".packet") : null;
        return new Cue.Io(socket, ov, status, packet, pos(m));
    }

    private Cue threadIs(MappingNode m, String path) {
        Map<String, NodeTuple> e = f.args(m, path, List.of("thread", "state", "wait"));
        Node t = f.required(e, "thread", m, path, "the thread whose state is meant");
        String thread = t == null ? null : f.name(t, path + ".thread", "thread", names.threads());
        String state = f.oneOf(value(e, "state"), path + ".state", "state",
                List.of("running", "ready", "waiting", "exited"));
        String wait = e.containsKey("wait") ? f.oneOf(value(e, "wait"), path + ".wait", "wait",
                List.of("port", "sleep", "suspended", "io", "event")) : null;
        return new Cue.ThreadIs(thread, state == null ? null : ThreadState.State.valueOf(state.toUpperCase(
                Locale.ROOT)), wait == null ? null : ThreadState.Wait.valueOf(wait.toUpperCase(Locale.ROOT)),
                pos(m));
    }

    /** A port count; {@code before} is the problem count before the cue, to tell a wrong count from none. */
    private Cue portCount(MappingNode m, String path, int before) {
        Map<String, NodeTuple> e = f.args(m, path, List.of("port", "running", "queue", "waiters"));
        String port = port(e, m, path);
        Integer running = count(e, "running", path);
        Integer queue = count(e, "queue", path);
        Integer waiters = count(e, "waiters", path);
        if (running == null && queue == null && waiters == null && f.count() == before) {
            f.add(m, path + ": a port cue needs a count to reach: running, queue or waiters");
        }
        return new Cue.PortCount(port, running, queue, waiters, pos(m));
    }

    private Integer count(Map<String, NodeTuple> e, String key, String path) {
        return e.containsKey(key) ? (int) f.whole(value(e, key), path + "." + key, 0, 1_000_000) : null;
    }

    /** The {@code port} argument, or the scenario's only port when it is left out. */
    private String port(Map<String, NodeTuple> e, Node owner, String path) {
        Set<String> ports = names.ports();
        if (e.containsKey("port")) {
            return f.name(value(e, "port"), path + ".port", "port", ports);
        }
        if (ports != null && ports.size() != 1) {
            f.add(owner, path + ": missing 'port' (the scenario has " + ports.size() + " ports: "
                    + String.join(", ", ports) + ")");
            return null;
        }
        return ports == null ? null : ports.iterator().next();
    }
}
