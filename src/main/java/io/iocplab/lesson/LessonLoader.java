package io.iocplab.lesson;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sweep.Axis;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a lesson file ({@code lessons/README.md}) into a {@link Lesson}, or reports everything wrong
 * with it as {@link Problem}s at their line and column in the lesson file.
 *
 * <p>The {@code scenario:} block is read by {@link ScenarioLoader} itself: the loader hands it the lesson
 * file's text with everything outside the block blanked out (each character replaced by a space, line
 * breaks kept), so every line and column ScenarioLoader reports is already the lesson file's; its
 * messages get the prefix {@code scenario.}.
 *
 * <p>Checked here, without running anything: the YAML, the keys, that every text has a non-blank
 * English and Korean version (and that the Korean one has Korean in it), that the id is the file's
 * name, that every name a cue, a prediction or a code highlight uses is one the scenario declares, that
 * a {@code sweep:} can be applied to the scenario and has it among its configurations ({@link LessonSweep}).
 * What needs the run (that each cue is reached, that each prediction has an answer) is
 * {@link LessonRun}'s job.
 */
public final class LessonLoader {
    /** The top-level keys, in the order they are documented. */
    public static final List<String> KEYS = List.of("id", "title", "summary", "scenario", "sweep", "steps",
            "homework");
    static final List<String> STEP_KEYS = List.of("at", "say", "code", "predict");
    static final List<String> PREDICT_KEYS = List.of("question", "answer", "explain");
    /** The calls a {@code call:} cue may name: the steps of a scenario file, plus the workload's wait. */
    static final List<String> APIS = List.of("GetQueuedCompletionStatus", "GetQueuedCompletionStatusEx",
            "PostQueuedCompletionStatus", "Sleep", "SuspendThread", "ResumeThread", "CloseHandle",
            "CreateIoCompletionPort", "WSARecv", "WSASend", "WSAGetOverlappedResult", "CancelIoEx",
            "SetFileCompletionNotificationModes", "closesocket", "WaitForSingleObject", "Compute", "ExitThread");
    static final List<String> PEER_ACTIONS = List.of("connect", "send", "recv", "close", "reset");
    /** What homework may vary (see {@link Homework}). */
    public static final List<String> VARY = List.of("cpus", "concurrency", "threads", "timing", "posts", "echo");
    private static final Pattern NAME = Pattern.compile("[0-9]{2}-[a-z0-9-]+");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+|0[xX][0-9a-fA-F]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern KEY_PATH = Pattern.compile("[^\\s:]+: .*", Pattern.DOTALL);
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

    private final String file;
    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private Set<String> threads;
    private Set<String> ports;
    private Set<String> sockets;
    private LessonSweep sweep;
    private boolean sweepWritten;

    private LessonLoader(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Reads a lesson file (UTF-8); problems name it as {@code file.toString()}. */
    public static Lesson load(Path file) throws IOException, InvalidLessonException {
        return loadString(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads a lesson from text; {@code name} is the file name it is reported under (and its id's source). */
    public static Lesson loadString(String name, String text) throws InvalidLessonException {
        LessonLoader loader = new LessonLoader(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
        Lesson lesson = loader.read();
        if (!loader.problems.isEmpty() || lesson == null) {
            if (loader.problems.isEmpty()) {
                loader.add((Node) null, "not a lesson");
            }
            List<Problem> sorted = new ArrayList<>(loader.problems);
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new InvalidLessonException(sorted);
        }
        return lesson;
    }

    /** The lesson files of a folder: {@code NN-slug.yaml}, by name. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml")
                            && NAME.matcher(baseName(p.getFileName().toString())).matches())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    static String baseName(String fileName) {
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
    }

    // ------------------------------------------------------------------ the file

    private Lesson read() {
        Optional<Node> root = compose();
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                add((Node) null, "the file is empty (expected a lesson: a map of " + String.join(", ", KEYS) + ")");
            }
            return null;
        }
        if (!(root.get() instanceof MappingNode top)) {
            add(root.get(), "expected a lesson: a map of " + String.join(", ", KEYS) + "; got " + describe(root.get()));
            return null;
        }
        Map<String, NodeTuple> entries = entries(top, "");
        for (NodeTuple t : entries.values()) {
            String key = scalar(t.getKeyNode());
            if (!KEYS.contains(key)) {
                add(t.getKeyNode(), key + ": unknown key (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        String id = null;
        Node idNode = required(entries, "id", top, "", "the lesson's id, its file name without .yaml (e.g. 06-lifo)");
        if (idNode != null) {
            id = text(idNode, "id", "the lesson's id, e.g. 06-lifo");
            String expected = baseName(file);
            if (id != null && file.endsWith(".yaml") && !id.equals(expected)) {
                add(idNode, "id: '" + id + "' is not the file's name (expected " + expected + ")");
            }
        }
        Node titleNode = required(entries, "title", top, "", "the title, { en: ..., ko: ... }");
        Text title = titleNode == null ? null : text2(titleNode, "title");
        Node summaryNode = required(entries, "summary", top, "", "a summary, { en: ..., ko: ... }");
        Text summary = summaryNode == null ? null : text2(summaryNode, "summary");
        Node scenarioNode = required(entries, "scenario", top, "", "the scenario the lesson runs (a scenario file's map)");
        Scenario scenario = null;
        String scenarioText = null;
        if (scenarioNode != null) {
            if (scenarioNode instanceof MappingNode m && !m.getValue().isEmpty()) {
                scenarioText = mask(text, scenarioNode.getStartMark().orElseThrow(),
                        scenarioNode.getEndMark().orElseThrow());
                scenario = scenario(scenarioText);
            } else {
                add(scenarioNode, "scenario: expected the scenario, a map of ports, threads, ... (as in a scenario "
                        + "file); got " + describe(scenarioNode));
            }
        }
        if (scenario != null) {
            names(scenario);
        }
        sweepWritten = entries.containsKey("sweep");
        if (sweepWritten) {
            sweep = sweep(entries.get("sweep").getValueNode(), scenario);
        }
        Node stepsNode = required(entries, "steps", top, "", "a list of steps, each { at: ..., say: { en, ko } }");
        List<LessonStep> steps = new ArrayList<>();
        if (stepsNode != null) {
            if (stepsNode instanceof SequenceNode s && !s.getValue().isEmpty()) {
                for (int i = 0; i < s.getValue().size(); i++) {
                    LessonStep step = step(s.getValue().get(i), i, scenario);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            } else if (stepsNode instanceof SequenceNode) {
                add(stepsNode, "steps: the list is empty (a lesson has at least one step)");
            } else {
                add(stepsNode, "steps: expected a list of steps, each { at: ..., say: { en, ko } }; got "
                        + describe(stepsNode));
            }
        }
        List<String> vary = entries.containsKey("homework") ? homework(entries.get("homework").getValueNode())
                : List.of();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Lesson(id, file, title, summary, scenario, scenarioText, steps, vary, sweep);
    }

    private Optional<Node> compose() {
        try {
            return new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            add(e.getProblemMark().or(e::getContextMark).orElse(null),
                    "YAML syntax: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (YamlEngineException e) {
            add((Node) null, "YAML syntax: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * The text with every character outside [start, end) of the marks replaced by a space (line breaks
     * kept): a YAML document whose only content is the block, at the lesson file's lines and columns.
     */
    static String mask(String text, Mark start, Mark end) {
        StringBuilder sb = new StringBuilder(text.length());
        int line = 0;
        int column = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '\n' || cp == '\r') {
                sb.append((char) cp);
                if (cp == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    sb.append('\n');
                    n = 2;
                }
                line++;
                column = 0;
            } else {
                boolean after = line > start.getLine() || line == start.getLine() && column >= start.getColumn();
                boolean before = line < end.getLine() || line == end.getLine() && column < end.getColumn();
                if (after && before) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append(' ');
                }
                column++;
            }
            i += n;
        }
        return sb.toString();
    }

    private Scenario scenario(String masked) {
        try {
            return ScenarioLoader.loadString(file, masked);
        } catch (InvalidScenarioException e) {
            for (Problem p : e.problems()) {
                String m = p.message();
                problems.add(new Problem(file, p.line(), p.column(),
                        KEY_PATH.matcher(m).matches() ? "scenario." + m : "scenario: " + m));
            }
            return null;
        }
    }

    /** The names cues may use: the scenario's own, and those of its echo workload. */
    private void names(Scenario s) {
        threads = new LinkedHashSet<>(s.threads().keySet());
        ports = new LinkedHashSet<>(s.ports().keySet());
        sockets = new LinkedHashSet<>(s.sockets().keySet());
        if (s.echo() != null) {
            threads.add("main");
            for (int i = 1; i <= s.echo().workers(); i++) {
                threads.add(s.echo().workerName(i));
            }
            for (int i = 1; i <= s.echo().clients(); i++) {
                sockets.add(s.echo().socketName(i));
            }
        }
    }

    // ------------------------------------------------------------------ the sweep

    /** {@code sweep:}, a map of axes in file order, each a list of values (see {@link LessonSweep}). */
    private LessonSweep sweep(Node n, Scenario scenario) {
        List<String> knobs = Stream.of(Knob.values()).map(Knob::optionName).toList();
        if (!(n instanceof MappingNode m) || m.getValue().isEmpty()) {
            add(n, "sweep: expected a map of axes, each with a list of values, e.g. { threads: [2, 4, 8], "
                    + "concurrency: [0, 8] } (axes: " + String.join(", ", knobs) + "); got " + describe(n));
            return null;
        }
        int before = problems.size();
        List<Axis> axes = new ArrayList<>();
        for (NodeTuple t : entries(m, "sweep").values()) {
            String name = scalar(t.getKeyNode());
            int k = knobs.indexOf(name);
            if (k < 0) {
                add(t.getKeyNode(), "sweep: unknown axis '" + name + "' (expected one of " + String.join(", ", knobs)
                        + ")");
                continue;
            }
            Axis axis = axis(Knob.values()[k], t.getValueNode(), "sweep." + name);
            if (axis == null || scenario == null) {
                continue;
            }
            Sweep alone;
            try {
                alone = new Sweep(scenario, List.of(axis));
            } catch (IllegalArgumentException e) {
                add(t.getKeyNode(), "sweep." + name + ": " + e.getMessage());
                continue;
            }
            Setting own = LessonSweep.settingOf(scenario, alone.port(), axis.knob());
            if (!axis.settings().contains(own)) {
                add(t.getValueNode(), "sweep." + name + ": the lesson's scenario has " + name + " " + own + ", which is "
                        + "not one of these values (the stage shows the lesson's scenario: it must be one of the runs "
                        + "the student compares)");
                continue;
            }
            axes.add(axis);
        }
        if (problems.size() > before || scenario == null) {
            return null;
        }
        long runs = LessonSweep.configurations(axes);
        if (runs < 2) {
            add(n, "sweep: a single configuration, nothing to compare (give an axis two values or more)");
        } else if (runs > LessonSweep.MAX_CONFIGURATIONS) {
            add(n, "sweep: " + runs + " configurations, more than the " + LessonSweep.MAX_CONFIGURATIONS
                    + " a lesson may run (lessons check runs every one)");
        }
        return problems.size() > before ? null : new LessonSweep(axes, pos(n));
    }

    private Axis axis(Knob knob, Node n, String path) {
        if (!(n instanceof SequenceNode s) || s.getValue().isEmpty()) {
            add(n, path + ": expected a list of values, e.g. " + (knob == Knob.BLOCK ? "[none, { every: 4, sleep: 20 }]"
                    : knob == Knob.COMPUTE ? "[0.5, 2]" : "[2, 4, 8]") + "; got "
                    + (n instanceof SequenceNode ? "an empty list" : describe(n)));
            return null;
        }
        int before = problems.size();
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < s.getValue().size(); i++) {
            Node v = s.getValue().get(i);
            Setting setting = setting(knob, v, path + "[" + i + "]");
            if (setting != null && settings.contains(setting)) {
                add(v, path + "[" + i + "]: " + setting + " is given twice");
            } else if (setting != null) {
                settings.add(setting);
            }
        }
        return problems.size() > before ? null : new Axis(knob, settings);
    }

    /** One value: a whole number, milliseconds for compute, none or { every: K, sleep: MS } for block. */
    private Setting setting(Knob knob, Node n, String path) {
        int before = problems.size();
        try {
            if (knob == Knob.COMPUTE) {
                long us = timeUs(n, path);
                return problems.size() > before ? null : Setting.computeUs(us);
            }
            if (knob != Knob.BLOCK) {
                long v = whole(n, path, Long.MIN_VALUE, Long.MAX_VALUE);
                return problems.size() > before ? null : new Setting(knob, v, 0);
            }
            if ("none".equals(scalar(n))) {
                return Setting.noBlocking();
            }
            if (!(n instanceof MappingNode m)) {
                add(n, path + ": expected none or { every: K, sleep: MS }, got " + describe(n));
                return null;
            }
            Map<String, NodeTuple> e = args(m, path, List.of("every", "sleep"));
            Node every = required(e, "every", m, path, "a blocking call every K received messages");
            Node sleep = required(e, "sleep", m, path, "how long each blocking call lasts, ms");
            long k = every == null ? 0 : whole(every, path + ".every", 1, 100_000);
            long us = sleep == null ? 0 : timeUs(sleep, path + ".sleep");
            return problems.size() > before ? null : Setting.block((int) k, us);
        } catch (IllegalArgumentException e) {
            add(n, path + ": " + e.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------ steps

    private LessonStep step(Node node, int index, Scenario scenario) {
        String path = "steps[" + index + "]";
        if (!(node instanceof MappingNode m)) {
            add(node, path + ": expected a step, { at: ..., say: { en: ..., ko: ... } }; got " + describe(node));
            return null;
        }
        int before = problems.size();
        Map<String, NodeTuple> e = args(m, path, STEP_KEYS);
        Node at = required(e, "at", m, path, "where in the run the step is, e.g. start or { call: "
                + "GetQueuedCompletionStatus, thread: T1 }");
        Cue cue = at == null ? null : cue(at, path + ".at");
        Node sayNode = required(e, "say", m, path, "what the narrator says, { en: ..., ko: ... }");
        Text say = sayNode == null ? null : text2(sayNode, path + ".say");
        String code = null;
        if (e.containsKey("code")) {
            Node c = e.get("code").getValueNode();
            if (c instanceof MappingNode cm) {
                Map<String, NodeTuple> ce = args(cm, path + ".code", List.of("thread"));
                Node t = required(ce, "thread", cm, path + ".code", "the thread whose C code the step shows");
                code = t == null ? null : name(t, path + ".code.thread", "thread", threads);
            } else {
                add(c, path + ".code: expected { thread: T1 }, got " + describe(c));
            }
        }
        Prediction predict = e.containsKey("predict") ? predict(e.get("predict").getValueNode(), path + ".predict")
                : null;
        if (problems.size() > before) {
            return null;
        }
        return new LessonStep(index, cue, say, code, predict, pos(node));
    }

    private Cue cue(Node n, String path) {
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
            add(n, path + ": expected start, end or a map such as { call: GetQueuedCompletionStatus, thread: T1 }; "
                    + "got " + describe(n));
            return null;
        }
        Map<String, NodeTuple> keys = entries(m, path);
        int before = problems.size();
        Cue cue;
        if (keys.containsKey("call")) {
            Map<String, NodeTuple> e = args(m, path, List.of("call", "thread", "returns", "error"));
            String api = oneOf(value(e, "call"), path + ".call", "call", APIS);
            String thread = e.containsKey("thread") ? name(value(e, "thread"), path + ".thread", "thread", threads)
                    : null;
            Boolean returns = e.containsKey("returns") ? bool(value(e, "returns"), path + ".returns") : null;
            Integer error = e.containsKey("error") ? (int) whole(value(e, "error"), path + ".error", 0,
                    Integer.MAX_VALUE) : null;
            cue = new Cue.Call(api, thread, returns, error, pos(n));
        } else if (keys.containsKey("io")) {
            Map<String, NodeTuple> e = args(m, path, List.of("io", "socket", "overlapped", "status", "packet"));
            oneOf(value(e, "io"), path + ".io", "io event", List.of("complete"));
            String socket = e.containsKey("socket") ? name(value(e, "socket"), path + ".socket", "socket", sockets)
                    : null;
            String ov = e.containsKey("overlapped") ? text(value(e, "overlapped"), path + ".overlapped",
                    "an OVERLAPPED label") : null;
            Integer status = e.containsKey("status") ? (int) whole(value(e, "status"), path + ".status", 0,
                    Integer.MAX_VALUE) : null;
            Boolean packet = e.containsKey("packet") ? bool(value(e, "packet"), path + ".packet") : null;
            cue = new Cue.Io(socket, ov, status, packet, pos(n));
        } else if (keys.containsKey("peer")) {
            Map<String, NodeTuple> e = args(m, path, List.of("peer", "socket"));
            String action = oneOf(value(e, "peer"), path + ".peer", "peer action", PEER_ACTIONS);
            String socket = e.containsKey("socket") ? name(value(e, "socket"), path + ".socket", "socket", sockets)
                    : null;
            cue = new Cue.Peer(action, socket, pos(n));
        } else if (keys.containsKey("time")) {
            args(m, path, List.of("time"));
            cue = new Cue.Time(timeUs(value(keys, "time"), path + ".time"), pos(n));
        } else if (keys.containsKey("state")) {
            Map<String, NodeTuple> e = args(m, path, List.of("thread", "state", "wait"));
            Node t = required(e, "thread", m, path, "the thread whose state is meant");
            String thread = t == null ? null : name(t, path + ".thread", "thread", threads);
            String state = oneOf(value(e, "state"), path + ".state", "state",
                    List.of("running", "ready", "waiting", "exited"));
            String wait = e.containsKey("wait") ? oneOf(value(e, "wait"), path + ".wait", "wait",
                    List.of("port", "sleep", "suspended", "io", "event")) : null;
            cue = new Cue.ThreadIs(thread, state == null ? null : ThreadState.State.valueOf(state.toUpperCase(
                    Locale.ROOT)), wait == null ? null : ThreadState.Wait.valueOf(wait.toUpperCase(Locale.ROOT)),
                    pos(n));
        } else if (keys.containsKey("running") || keys.containsKey("queue") || keys.containsKey("waiters")
                || keys.containsKey("port")) {
            Map<String, NodeTuple> e = args(m, path, List.of("port", "running", "queue", "waiters"));
            String port = port(e, m, path);
            Integer running = count(e, "running", path);
            Integer queue = count(e, "queue", path);
            Integer waiters = count(e, "waiters", path);
            if (running == null && queue == null && waiters == null && problems.size() == before) {
                add(n, path + ": a port cue needs a count to reach: running, queue or waiters");
            }
            cue = new Cue.PortCount(port, running, queue, waiters, pos(n));
        } else {
            add(n, path + ": not a cue (expected a map with call, io, peer, time, thread + state, or port with "
                    + "running, queue or waiters)");
            return null;
        }
        return problems.size() > before ? null : cue;
    }

    private Integer count(Map<String, NodeTuple> e, String key, String path) {
        return e.containsKey(key) ? (int) whole(value(e, key), path + "." + key, 0, 1_000_000) : null;
    }

    /** The {@code port} argument, or the scenario's only port when it is left out. */
    private String port(Map<String, NodeTuple> e, Node owner, String path) {
        if (e.containsKey("port")) {
            return name(value(e, "port"), path + ".port", "port", ports);
        }
        if (ports != null && ports.size() != 1) {
            add(owner, path + ": missing 'port' (the scenario has " + ports.size() + " ports: "
                    + String.join(", ", ports) + ")");
            return null;
        }
        return ports == null ? null : ports.iterator().next();
    }

    private Prediction predict(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            add(n, path + ": expected { question: { en, ko }, answer: KIND }, got " + describe(n));
            return null;
        }
        int before = problems.size();
        Map<String, NodeTuple> e = args(m, path, PREDICT_KEYS);
        Node q = required(e, "question", m, path, "the question, { en: ..., ko: ... }");
        Text question = q == null ? null : text2(q, path + ".question");
        Text explain = e.containsKey("explain") ? text2(value(e, "explain"), path + ".explain") : null;
        Node a = required(e, "answer", m, path, "the kind of answer the engine computes: "
                + kinds());
        Prediction.Kind kind = null;
        String subject = null;
        if (a != null) {
            String apath = path + ".answer";
            Node subjectNode = null;
            String kindName;
            if (a instanceof MappingNode am && am.getValue().size() == 1) {
                NodeTuple t = am.getValue().get(0);
                kindName = scalar(t.getKeyNode());
                subjectNode = t.getValueNode();
            } else {
                kindName = scalar(a);
            }
            kind = Prediction.Kind.of(kindName);
            if (kind == null) {
                add(a, apath + ": unknown kind " + describe(a instanceof MappingNode am2 && am2.getValue().size() == 1
                        ? am2.getValue().get(0).getKeyNode() : a) + " (expected " + kinds() + ")");
            } else if (kind.fromSweep()) {
                if (subjectNode != null) {
                    add(a, apath + ": " + kind.key() + " takes nothing more (write answer: " + kind.key()
                            + "): its choices are the configurations of the lesson's sweep");
                } else if (sweep != null) {
                    subject = sweep.describe();
                } else if (!sweepWritten) {
                    add(a, apath + ": " + kind.key() + " needs the lesson's sweep (e.g. sweep: { threads: [2, 4, 8] }): "
                            + "its choices are the sweep's configurations");
                }
            } else if (kind.aboutPort()) {
                if (subjectNode == null || isNull(subjectNode)) {
                    if (ports != null && ports.size() != 1) {
                        add(a, apath + ": " + kind.key() + " needs a port (e.g. { " + kind.key() + ": P }): the "
                                + "scenario has " + ports.size() + " ports");
                    } else if (ports != null) {
                        subject = ports.iterator().next();
                    }
                } else {
                    Node sn = subjectNode instanceof MappingNode sm ? entry(sm, "port", apath) : subjectNode;
                    subject = sn == null ? null : name(sn, apath + "." + kind.key(), "port", ports);
                }
            } else {
                if (subjectNode == null || isNull(subjectNode)) {
                    add(a, apath + ": " + kind.key() + " needs a thread (e.g. { " + kind.key() + ": T1 })");
                } else {
                    Node sn = subjectNode instanceof MappingNode sm ? entry(sm, "thread", apath) : subjectNode;
                    subject = sn == null ? null : name(sn, apath + "." + kind.key(), "thread", threads);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Prediction(question, kind, subject, explain, pos(n), pos(a));
    }

    private Node entry(MappingNode m, String key, String path) {
        Map<String, NodeTuple> e = args(m, path, List.of(key));
        Node v = required(e, key, m, path, "the " + key);
        return v;
    }

    private static String kinds() {
        StringBuilder sb = new StringBuilder();
        for (Prediction.Kind k : Prediction.Kind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k.key());
        }
        return sb.toString();
    }

    private List<String> homework(Node n) {
        if (!(n instanceof MappingNode m)) {
            add(n, "homework: expected { vary: [" + String.join(", ", VARY) + "] }, got " + describe(n));
            return List.of();
        }
        Map<String, NodeTuple> e = args(m, "homework", List.of("vary"));
        List<String> out = new ArrayList<>();
        if (e.containsKey("vary")) {
            Node v = value(e, "vary");
            if (v instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    String w = oneOf(item, "homework.vary", "variation", VARY);
                    if (w != null && sweep != null && sweep.sets(w)) {
                        add(item, "homework.vary: " + w + " is an axis of the sweep, which sets it in every "
                                + "configuration: varying it would change nothing");
                    } else if (w != null) {
                        out.add(w);
                    }
                }
            } else {
                add(v, "homework.vary: expected a list of " + String.join(", ", VARY) + ", got " + describe(v));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ values

    /** A text in both languages: a map with non-blank en and ko (and Korean in the ko one). */
    private Text text2(Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            add(n, path + ": expected a text in English and Korean, { en: ..., ko: ... }; got " + describe(n));
            return null;
        }
        int before = problems.size();
        Map<String, NodeTuple> e = args(m, path, List.of("en", "ko"));
        String en = null;
        String ko = null;
        if (!e.containsKey("en")) {
            add(n, path + ": missing the English text (en)");
        } else {
            en = text(value(e, "en"), path + ".en", "the English text");
            if (en != null && en.isBlank()) {
                add(value(e, "en"), path + ".en: the English text is empty");
            }
        }
        if (!e.containsKey("ko")) {
            add(n, path + ": missing the Korean text (ko)");
        } else {
            ko = text(value(e, "ko"), path + ".ko", "the Korean text");
            if (ko != null && ko.isBlank()) {
                add(value(e, "ko"), path + ".ko: the Korean text is empty");
            } else if (ko != null && ko.codePoints().noneMatch(LessonLoader::hangul)) {
                add(value(e, "ko"), path + ".ko: the Korean text has no Korean in it");
            }
        }
        return problems.size() > before ? null : new Text(en.strip(), ko.strip());
    }

    static boolean hangul(int cp) {
        return cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0x1100 && cp <= 0x11FF || cp >= 0x3130 && cp <= 0x318F;
    }

    private String text(Node n, String path, String expected) {
        String s = n instanceof ScalarNode sc && !isNull(n) ? sc.getValue() : null;
        if (s == null) {
            add(n, path + ": expected " + expected + ", got " + describe(n));
        }
        return s;
    }

    private String name(Node n, String path, String kind, Set<String> declared) {
        String s = text(n, path, "the name of a " + kind);
        if (s != null && declared != null && !declared.contains(s)) {
            add(n, path + ": unknown " + kind + " '" + s + "' (the scenario's " + kind + "s: "
                    + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
        }
        return s;
    }

    private String oneOf(Node n, String path, String what, List<String> allowed) {
        String s = text(n, path, "a " + what + ": one of " + String.join(", ", allowed));
        if (s != null && !allowed.contains(s)) {
            add(n, path + ": unknown " + what + " '" + s + "' (expected one of " + String.join(", ", allowed) + ")");
            return null;
        }
        return s;
    }

    private Boolean bool(Node n, String path) {
        String s = scalar(n);
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        add(n, path + ": expected true or false, got " + describe(n));
        return null;
    }

    private long whole(Node n, String path, long min, long max) {
        String s = scalar(n);
        if (s == null || !WHOLE.matcher(s).matches()) {
            add(n, path + ": expected a whole number, got " + describe(n));
            return 0;
        }
        long v;
        try {
            v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            add(n, path + ": " + s + " is out of range (expected " + min + " to " + max + ")");
        }
        return v;
    }

    private long timeUs(Node n, String path) {
        String s = scalar(n);
        if (s == null || !DECIMAL.matcher(s).matches() || s.length() > 15) {
            add(n, path + ": expected a time in milliseconds (0 or more), got " + describe(n));
            return 0;
        }
        return new java.math.BigDecimal(s).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    // ------------------------------------------------------------------ maps

    /** A map's entries by key, reporting duplicates and non-text keys. */
    private Map<String, NodeTuple> entries(MappingNode map, String path) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            String where = path.isEmpty() ? "" : path + ": ";
            if (key == null) {
                add(t.getKeyNode(), where + "expected a name as key, got " + describe(t.getKeyNode()));
            } else if (out.containsKey(key)) {
                int first = out.get(key).getKeyNode().getStartMark().map(mk -> mk.getLine() + 1).orElse(0);
                add(t.getKeyNode(), (path.isEmpty() ? key : path + "." + key) + ": written twice (first on line "
                        + first + ")");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    /** Entries, reporting every key not in {@code allowed}. */
    private Map<String, NodeTuple> args(MappingNode map, String path, List<String> allowed) {
        Map<String, NodeTuple> e = entries(map, path);
        for (NodeTuple t : e.values()) {
            String key = scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                add(t.getKeyNode(), path + ": unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")");
            }
        }
        return e;
    }

    /** The value of a key that must be there; reports it missing at {@code owner} otherwise. */
    private Node required(Map<String, NodeTuple> e, String key, Node owner, String path, String expected) {
        NodeTuple t = e.get(key);
        if (t == null) {
            add(owner, (path.isEmpty() ? "" : path + ": ") + "missing '" + key + "' (expected " + expected + ")");
            return null;
        }
        return t.getValueNode();
    }

    private static Node value(Map<String, NodeTuple> e, String key) {
        NodeTuple t = e.get(key);
        return t == null ? null : t.getValueNode();
    }

    private void add(Node at, String message) {
        add(at == null ? null : at.getStartMark().orElse(null), message);
    }

    private void add(Mark mark, String message) {
        problems.add(new Problem(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                message));
    }

    private static Pos pos(Node n) {
        return n == null ? Pos.NONE : n.getStartMark().map(m -> new Pos(m.getLine() + 1, m.getColumn() + 1))
                .orElse(Pos.NONE);
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s
                && (Tag.NULL.equals(s.getTag()) || s.isPlain() && NULLS.contains(s.getValue()));
    }

    static String scalar(Node n) {
        return n instanceof ScalarNode s && !isNull(n) ? s.getValue() : null;
    }

    static String describe(Node n) {
        if (n == null || isNull(n)) {
            return "nothing";
        }
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            return "'" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "'";
        }
        return n instanceof MappingNode ? "a map" : "a list";
    }
}
