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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One word per idea: {@code lessons/glossary.yaml}, the course's terms in English and Korean, each with a
 * one-line definition and the variants a text must not use for it.
 *
 * <p>Rule: a student meets every idea under one name per language, in the lessons, in the window and in the
 * sentences the program makes. {@link #find} finds a forbidden variant in a text; {@code lessons check} runs it
 * over the lessons, and the glossary test over the window's bundles and the generated sentences too. A variant is
 * a literal piece of text (English case-insensitive), or, written {@code re:...}, a regular expression.
 */
public final class Glossary {
    /** The file's name, in the lessons folder (and, packed, under {@code io/iocplab/lessons/}). */
    public static final String FILE = "glossary.yaml";
    private static final String PACKED = "io/iocplab/lessons/" + FILE;

    /**
     * One idea.
     *
     * @param concept   its id (running-count)
     * @param term      its name in each language
     * @param defines   what it is, in a line, in each language
     * @param forbidden the variants that must not be used for it, English and Korean
     */
    public record Entry(String concept, Text term, Text defines, List<Pattern> forbiddenEn,
                        List<Pattern> forbiddenKo) {
        List<Pattern> forbidden(Lang lang) {
            return lang == Lang.KO ? forbiddenKo : forbiddenEn;
        }
    }

    /** A forbidden variant found in a text: the idea, and the words as they stand there. */
    public record Drift(Entry entry, String found, int at) {
        /** The words found, the term to say instead, and the idea's id, for a message. */
        public String describe(Lang lang) {
            return "'" + found + "' (say " + entry.term().get(lang) + ": " + entry.concept() + ")";
        }
    }

    private final List<Entry> entries;

    private Glossary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The ideas whose term the text uses, in the glossary's order (English matched case-insensitively). */
    public List<Entry> usedIn(String text, Lang lang) {
        String t = lang == Lang.EN ? text.toLowerCase(java.util.Locale.ROOT) : text;
        return entries.stream().filter(e -> t.contains(lang == Lang.EN
                ? e.term().en().toLowerCase(java.util.Locale.ROOT) : e.term().ko())).toList();
    }

    /** Every forbidden variant in the text, in order. */
    public List<Drift> find(String text, Lang lang) {
        List<Drift> out = new ArrayList<>();
        for (Entry e : entries) {
            for (Pattern p : e.forbidden(lang)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    out.add(new Drift(e, m.group(), m.start()));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Drift::at));
        return out;
    }

    /** The glossary packed with the program (read once). */
    public static Glossary packed() {
        return Packed.GLOSSARY;
    }

    private static final class Packed {
        static final Glossary GLOSSARY = load();

        private static Glossary load() {
            try (InputStream in = Glossary.class.getClassLoader().getResourceAsStream(PACKED)) {
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

    /** The glossary of a lessons folder ({@code glossary.yaml} in it), or the packed one if it has none. */
    public static Glossary in(Path dir) throws IOException, InvalidLessonException {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? read(file.toString(), Files.readString(file, StandardCharsets.UTF_8))
                : packed();
    }

    // ------------------------------------------------------------------ reading

    /** Reads a glossary: a list of { concept, en, ko, defines: { en, ko }, forbidden: { en: [...], ko: [...] } }. */
    public static Glossary read(String name, String text) throws InvalidLessonException {
        Fields f = new Fields(name);
        Node root = CourseYaml.compose(f, text);
        List<Entry> out = new ArrayList<>();
        if (root instanceof SequenceNode s) {
            Set<String> concepts = new HashSet<>();
            for (int i = 0; i < s.getValue().size(); i++) {
                Entry e = entry(f, s.getValue().get(i), "[" + i + "]");
                if (e != null && !concepts.add(e.concept())) {
                    f.add(s.getValue().get(i), "[" + i + "]: the concept " + e.concept() + " is written twice");
                } else if (e != null) {
                    out.add(e);
                }
            }
        } else if (f.count() == 0) {
            f.add(root, "expected a list of terms, each { concept, en, ko, defines, forbidden }; got " + describe(root));
        }
        CourseYaml.throwIfAny(f);
        return new Glossary(out);
    }

    private static Entry entry(Fields f, Node n, String path) {
        if (!(n instanceof MappingNode m)) {
            f.add(n, path + ": expected { concept, en, ko, defines, forbidden }, got " + describe(n));
            return null;
        }
        int before = f.count();
        Map<String, NodeTuple> e = f.args(m, path, List.of("concept", "en", "ko", "defines", "forbidden"));
        Node c = f.required(e, "concept", m, path, "the idea's id, e.g. running-count");
        String concept = c == null ? null : f.text(c, path + ".concept", "an id");
        Node en = f.required(e, "en", m, path, "the English term");
        Node ko = f.required(e, "ko", m, path, "the Korean term");
        Node d = f.required(e, "defines", m, path, "a one-line definition, { en: ..., ko: ... }");
        Text defines = d == null ? null : f.twoLanguages(d, path + ".defines");
        List<Pattern> fen = new ArrayList<>();
        List<Pattern> fko = new ArrayList<>();
        if (e.containsKey("forbidden")) {
            Node fn = e.get("forbidden").getValueNode();
            if (fn instanceof MappingNode fm) {
                Map<String, NodeTuple> fe = f.args(fm, path + ".forbidden", List.of("en", "ko"));
                variants(f, fe.get("en"), path + ".forbidden.en", false, fen);
                variants(f, fe.get("ko"), path + ".forbidden.ko", true, fko);
            } else {
                f.add(fn, path + ".forbidden: expected { en: [...], ko: [...] }, got " + describe(fn));
            }
        }
        if (f.count() > before) {
            return null;
        }
        Text term = new Text(f.text(en, path + ".en", "the English term"), f.text(ko, path + ".ko", "the Korean term"));
        return new Entry(concept, term, defines, List.copyOf(fen), List.copyOf(fko));
    }

    private static void variants(Fields f, NodeTuple t, String path, boolean korean, List<Pattern> out) {
        if (t == null) {
            return;
        }
        if (!(t.getValueNode() instanceof SequenceNode s)) {
            f.add(t.getValueNode(), path + ": expected a list of variants, got " + describe(t.getValueNode()));
            return;
        }
        for (Node v : s.getValue()) {
            String text = scalar(v);
            if (text == null || text.isBlank()) {
                f.add(v, path + ": a variant is a text, got " + describe(v));
                continue;
            }
            try {
                String regex = text.startsWith("re:") ? text.substring(3) : Pattern.quote(text);
                out.add(Pattern.compile(regex, korean ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException x) {
                f.add(v, path + ": not a regular expression: " + x.getDescription());
            }
        }
    }
}
