package io.iocplab.lesson;

import static io.iocplab.scenario.YamlValues.describe;
import static io.iocplab.scenario.YamlValues.scalar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where the course's rules of Windows come from: {@code lessons/sources.yaml}, one entry per source, cited from
 * a lesson's text as {@code [@id]} ({@link Citations}).
 *
 * <p>Rule: every source is one a reader can open and check: a page of Microsoft's documentation, a file of
 * ReactOS (a clean-room reimplementation of the NT kernel: evidence of how NT works, not a Microsoft promise),
 * a test of Wine that Wine runs on real Windows (evidence of what Windows does), Wine's own code (how Wine does
 * it, which is no evidence of Windows), a Microsoft sample, or one of
 * the model's decisions ({@code model-N}), where the sources disagree or say nothing and the simulator had to
 * choose: a decision says in a sentence what the model does and names the sources it rests on.
 */
public final class Sources {
    /** The file's name, in the lessons folder (and, packed, under {@code io/iocplab/lessons/}). */
    public static final String FILE = "sources.yaml";
    private static final String PACKED = "io/iocplab/lessons/" + FILE;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MODEL_ID = Pattern.compile("model-([0-9]+)");

    /** The kinds of source, as written in the file. */
    public enum Kind {
        DOC("docs", "문서"), REACTOS("ReactOS", "ReactOS"), WINE_TEST("Wine's tests on Windows",
                "Windows에서 돌린 Wine 테스트"), WINE("Wine's code", "Wine 코드"), SAMPLE("Microsoft sample", "Microsoft 예제"),
        MODEL("model decision", "모델 결정");

        private final Text prefix;

        Kind(String en, String ko) {
            this.prefix = new Text(en, ko);
        }

        /** The word in the file: doc, reactos, wine-test, wine, sample, model. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One source.
     *
     * @param id      how a lesson cites it: {@code doc-gqcs}, {@code model-5}
     * @param kind    what kind of source it is
     * @param title   what it is called (a page's title, a file and function); for a model decision, empty
     * @param where   where to read it: a web address, or a repository and path
     * @param says    a model decision in a sentence, in both languages (null for the other kinds)
     * @param restsOn the sources a model decision rests on (empty for the other kinds)
     */
    public record Source(String id, Kind kind, String title, String where, Text says, List<String> restsOn) {
        /** How a citation shows it: "docs: GetQueuedCompletionStatus", "model decision 5". */
        public Text label() {
            if (kind == Kind.MODEL) {
                String n = id.substring("model-".length());
                return new Text(kind.prefix.en() + " " + n, kind.prefix.ko() + " " + n);
            }
            return new Text(kind.prefix.en() + ": " + title, kind.prefix.ko() + ": " + title);
        }
    }

    private final Map<String, Source> byId;

    private Sources(Map<String, Source> byId) {
        this.byId = Map.copyOf(byId);
    }

    public Optional<Source> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Source> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Source::id)).toList();
    }

    // ------------------------------------------------------------------ finding the file

    /** The sources packed with the program (read once). */
    public static Sources packed() {
        return Packed.SOURCES;
    }

    /** The sources beside a lesson file ({@code sources.yaml} in its folder), or the packed ones if there are none. */
    public static Sources beside(Path lessonFile) throws IOException, InvalidLessonException {
        Path dir = lessonFile.toAbsolutePath().getParent();
        return dir == null ? packed() : in(dir);
    }

    /** The sources of a lessons folder ({@code sources.yaml} in it), or the packed ones if it has none. */
    public static Sources in(Path dir) throws IOException, InvalidLessonException {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? read(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
                : packed();
    }

    private static final class Packed {
        static final Sources SOURCES = load();

        private static Sources load() {
            try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(PACKED)) {
                if (in == null) {
                    throw new IllegalStateException(PACKED + " is not packed with the program");
                }
                return read(PACKED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidLessonException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /** Reads a sources file; every problem is reported at its line and column. */
    public static Sources read(String name, String text) throws InvalidLessonException {
        Fields f = new Fields(name);
        Node root = CourseYaml.compose(f, text);
        Map<String, Source> out = new LinkedHashMap<>();
        if (root instanceof MappingNode m) {
            Map<String, NodeTuple> entries = f.entries(m, "");
            for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
                Source s = source(f, e.getKey(), e.getValue());
                if (s != null) {
                    out.put(s.id(), s);
                }
            }
            for (Source s : out.values()) {
                for (String r : s.restsOn()) {
                    if (!out.containsKey(r)) {
                        f.add(entries.get(s.id()).getKeyNode(), s.id() + ".rests-on: unknown source '" + r + "'");
                    }
                }
            }
        } else if (f.count() == 0) {
            f.add(root, "expected a map of sources, id: { kind, title, where }; got " + describe(root));
        }
        CourseYaml.throwIfAny(f);
        return new Sources(out);
    }

    private static Source source(Fields f, String id, NodeTuple t) {
        Node key = t.getKeyNode();
        if (!ID.matcher(id).matches()) {
            f.add(key, id + ": an id is lower case words joined by '-' (doc-gqcs, model-5)");
            return null;
        }
        if (!(t.getValueNode() instanceof MappingNode m)) {
            f.add(t.getValueNode(), id + ": expected { kind, title, where }, got " + describe(t.getValueNode()));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, id, List.of("kind", "title", "where", "says", "rests-on"));
        Node kindNode = f.required(e, "kind", m, id, "doc, reactos, wine-test, wine, sample or model");
        Kind kind = null;
        if (kindNode != null) {
            String k = f.oneOf(kindNode, id + ".kind", "kind of source",
                    java.util.Arrays.stream(Kind.values()).map(Kind::key).toList());
            kind = k == null ? null : Kind.of(k);
        }
        Node whereNode = f.required(e, "where", m, id, "where to read it: a web address, or a repository and path");
        String where = whereNode == null ? null : f.text(whereNode, id + ".where", "a web address or a path");
        String title = "";
        Text says = null;
        List<String> restsOn = new ArrayList<>();
        if (kind == Kind.MODEL) {
            if (!MODEL_ID.matcher(id).matches()) {
                f.add(key, id + ": a model decision's id is model-N (its number)");
            }
            Node saysNode = f.required(e, "says", m, id, "the decision in a sentence, { en: ..., ko: ... }");
            says = saysNode == null ? null : f.twoLanguages(saysNode, id + ".says");
            Node r = f.required(e, "rests-on", m, id, "the sources the decision rests on, [doc-..., wine-...]");
            if (r instanceof SequenceNode s) {
                s.getValue().forEach(n -> restsOn.add(scalar(n)));
            } else if (r != null) {
                f.add(r, id + ".rests-on: expected a list of source ids, got " + describe(r));
            }
        } else if (kind != null) {
            Node titleNode = f.required(e, "title", m, id, "what the source is called");
            title = titleNode == null ? "" : f.text(titleNode, id + ".title", "a title");
            for (String only : List.of("says", "rests-on")) {
                if (e.containsKey(only)) {
                    f.add(e.get(only).getKeyNode(), id + "." + only + ": only a model decision has it");
                }
            }
        }
        return f.count() > before ? null : new Source(id, kind, title, where, says, List.copyOf(restsOn));
    }
}
