package io.iocplab.lesson.read;

import static io.iocplab.lesson.read.Fields.value;
import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.scalar;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.LessonSweep;
import io.iocplab.lesson.Text;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Limits;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.SourceText;
import io.iocplab.scenario.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
 * {@link io.iocplab.lesson.run.LessonRun}'s job.
 *
 * <p>This class reads the top of the file; the parts have their own readers: {@link StepReader} (with
 * {@link CueReader} and {@link PredictionReader}), {@link SweepReader}, and {@link Fields} for the values.
 */
public final class LessonLoader {
    /** The top-level keys, in the order they are documented. */
    public static final List<String> KEYS = List.of("id", "title", "summary", "scenario", "sweep", "steps",
            "homework");
    /** What homework may vary (see {@link io.iocplab.lesson.homework.Homework}). */
    public static final List<String> VARY = List.of("cpus", "concurrency", "threads", "timing", "posts", "echo",
            "peers", "keys");
    private static final Pattern NAME = Pattern.compile("[0-9]{2}-[a-z0-9-]+");
    /** A lesson file's list of steps, at the top level of the file; a scenario has none. */
    private static final Pattern STEPS = Pattern.compile("^steps\\s*:", Pattern.MULTILINE);
    private static final Pattern KEY_PATH = Pattern.compile("[^\\s:]+: .*", Pattern.DOTALL);

    private final String file;
    private final String text;
    private final Fields f;
    private final Citations citations;

    private LessonLoader(String file, String text, Sources sources) {
        this.file = file;
        this.text = text;
        this.f = new Fields(file);
        this.citations = new Citations(f, sources);
    }

    /**
     * Reads a lesson file (UTF-8, at most {@link Limits#MAX_FILE_BYTES}); problems name it as {@code file.toString()}.
     * Its citations are checked against the {@code sources.yaml} beside it, or the packed one if it has none.
     */
    public static Lesson load(Path file) throws IOException, InvalidLessonException {
        return loadString(file.toString(), SourceText.read(file, Limits.MAX_FILE_BYTES), Sources.beside(file));
    }

    /**
     * Reads a lesson from text; {@code name} is the file name it is reported under (and its id's source). Its
     * citations are checked against the sources packed with the program.
     */
    public static Lesson loadString(String name, String text) throws InvalidLessonException {
        return loadString(name, text, Sources.packed());
    }

    /** Reads a lesson from text, its citations checked against {@code sources}. */
    public static Lesson loadString(String name, String text, Sources sources) throws InvalidLessonException {
        LessonLoader loader = new LessonLoader(name, text.startsWith("\uFEFF") ? text.substring(1) : text, sources);
        Lesson lesson = loader.read();
        Fields f = loader.f;
        if (f.count() > 0 || lesson == null) {
            if (f.count() == 0) {
                f.add((Node) null, "not a lesson");
            }
            List<Problem> sorted = new ArrayList<>(f.problems());
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new InvalidLessonException(sorted);
        }
        return lesson;
    }

    /**
     * Whether a file's text is a lesson's rather than a scenario's: a file whose top level has {@code steps:} is a
     * lesson (lessons/README.md), any other a scenario. The window and {@code iocplab run} tell them apart by it.
     */
    public static boolean isLesson(String text) {
        return STEPS.matcher(text).find();
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
            if (f.count() == 0) {
                f.add((Node) null, "the file is empty (expected a lesson: a map of " + String.join(", ", KEYS) + ")");
            }
            return null;
        }
        if (!(root.get() instanceof MappingNode top)) {
            f.add(root.get(), "expected a lesson: a map of " + String.join(", ", KEYS) + "; got "
                    + describe(root.get()));
            return null;
        }
        Map<String, NodeTuple> entries = f.entries(top, "");
        for (NodeTuple t : entries.values()) {
            String key = scalar(t.getKeyNode());
            if (!KEYS.contains(key)) {
                f.add(t.getKeyNode(), key + ": unknown key (expected one of " + String.join(", ", KEYS) + ")");
            }
        }
        String id = id(entries, top);
        Node titleNode = f.required(entries, "title", top, "", "the title, { en: ..., ko: ... }");
        Text title = titleNode == null ? null
                : citations.read(titleNode, f.twoLanguages(titleNode, "title"), "title", false);
        Node summaryNode = f.required(entries, "summary", top, "", "a summary, { en: ..., ko: ... }");
        Text summary = summaryNode == null ? null
                : citations.read(summaryNode, f.twoLanguages(summaryNode, "summary"), "summary", true);
        Node scenarioNode = f.required(entries, "scenario", top, "", "the scenario the lesson runs (a scenario "
                + "file's map)");
        Scenario scenario = null;
        String scenarioText = null;
        if (scenarioNode != null) {
            if (scenarioNode instanceof MappingNode m && !m.getValue().isEmpty()) {
                scenarioText = mask(text, scenarioNode.getStartMark().orElseThrow(),
                        scenarioNode.getEndMark().orElseThrow());
                scenario = scenario(scenarioText);
            } else {
                f.add(scenarioNode, "scenario: expected the scenario, a map of ports, threads, ... (as in a scenario "
                        + "file); got " + describe(scenarioNode));
            }
        }
        ScenarioNames names = scenario == null ? ScenarioNames.UNKNOWN : ScenarioNames.of(scenario);
        boolean sweepWritten = entries.containsKey("sweep");
        LessonSweep sweep = sweepWritten ? new SweepReader(f).read(value(entries, "sweep"), scenario) : null;
        YamlTree.Mapping tree = scenario == null ? null : (YamlTree.Mapping) YamlTree.of(scenarioNode);
        List<LessonStep> steps = steps(entries, top, new StepReader(f, names, citations,
                new PredictionReader(f, names, citations, sweep, sweepWritten),
                new GoalReader(f, names, citations, tree), scenario));
        List<String> vary = entries.containsKey("homework") ? vary(value(entries, "homework"), sweep) : List.of();
        if (f.count() > 0) {
            return null;
        }
        return new Lesson(id, file, title, summary, scenario, scenarioText, steps, vary, sweep);
    }

    private String id(Map<String, NodeTuple> entries, MappingNode top) {
        Node idNode = f.required(entries, "id", top, "", "the lesson's id, its file name without .yaml (e.g. 06-lifo)");
        if (idNode == null) {
            return null;
        }
        String id = f.text(idNode, "id", "the lesson's id, e.g. 06-lifo");
        String expected = baseName(file);
        if (id != null && file.endsWith(".yaml") && !id.equals(expected)) {
            f.add(idNode, "id: '" + id + "' is not the file's name (expected " + expected + ")");
        }
        return id;
    }

    private List<LessonStep> steps(Map<String, NodeTuple> entries, MappingNode top, StepReader reader) {
        Node stepsNode = f.required(entries, "steps", top, "", "a list of steps, each { at: ..., say: { en, ko } }");
        List<LessonStep> steps = new ArrayList<>();
        if (stepsNode == null) {
            return steps;
        }
        if (stepsNode instanceof SequenceNode s && !s.getValue().isEmpty()) {
            for (int i = 0; i < s.getValue().size(); i++) {
                LessonStep step = reader.read(s.getValue().get(i), i);
                if (step != null) {
                    steps.add(step);
                }
            }
        } else if (stepsNode instanceof SequenceNode) {
            f.add(stepsNode, "steps: the list is empty (a lesson has at least one step)");
        } else {
            f.add(stepsNode, "steps: expected a list of steps, each { at: ..., say: { en, ko } }; got "
                    + describe(stepsNode));
        }
        return steps;
    }

    private Optional<Node> compose() {
        return YamlDocument.compose(file, text, f::add);
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
                f.add(p.line(), p.column(),
                        KEY_PATH.matcher(m).matches() ? "scenario." + m : "scenario: " + m);
            }
            return null;
        }
    }

    /** {@code homework:}, what homework may vary: a list of VARY words, none an axis of the sweep. */
    private List<String> vary(Node n, LessonSweep sweep) {
        if (!(n instanceof MappingNode m)) {
            f.add(n, "homework: expected { vary: [" + String.join(", ", VARY) + "] }, got " + describe(n));
            return List.of();
        }
        Map<String, NodeTuple> e = f.args(m, "homework", List.of("vary"));
        List<String> out = new ArrayList<>();
        if (e.containsKey("vary")) {
            Node v = value(e, "vary");
            if (v instanceof SequenceNode s) {
                for (Node item : s.getValue()) {
                    String w = f.oneOf(item, "homework.vary", "variation", VARY);
                    if (w != null && sweep != null && sweep.sets(w)) {
                        f.add(item, "homework.vary: " + w + " is an axis of the sweep, which sets it in every "
                                + "configuration: varying it would change nothing");
                    } else if (w != null) {
                        out.add(w);
                    }
                }
            } else {
                f.add(v, "homework.vary: expected a list of " + String.join(", ", VARY) + ", got " + describe(v));
            }
        }
        return out;
    }
}
