package io.iocplab.lesson;

import static io.iocplab.scenario.YamlValues.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The citations in a lesson's text: {@code [@doc-gqcs]}, or several, {@code [@doc-closesocket; @model-5]},
 * written before the full stop of the sentence they source, with ids from {@code lessons/sources.yaml}
 * ({@link Sources}).
 *
 * <p>Rules, checked when a lesson is loaded and reported at the text's line and column:
 * <ul>
 *   <li>every cited id is a source of the file;</li>
 *   <li>the English and the Korean text cite the same sources;</li>
 *   <li>every sentence that states a rule of Windows ({@link RuleSentences}) cites at least one.</li>
 * </ul>
 * The student reads each citation as the sources' labels, "[docs: closesocket; model decision 5]" /
 * "[문서: closesocket; 모델 결정 5]".
 */
final class Citations {
    static final Pattern CITE = Pattern.compile("\\[@([a-z0-9-]+)((?:\\s*;\\s*@[a-z0-9-]+)*)\\]");

    private final Fields f;
    private final Sources sources;

    Citations(Fields f, Sources sources) {
        this.f = f;
        this.sources = sources;
    }

    /**
     * The text as the student reads it, its citations replaced by the sources' labels; the problems are
     * reported. {@code node} is the text's { en, ko } map; {@code rules} says whether its sentences must cite.
     */
    Text read(Node node, Text raw, String path, boolean rules) {
        if (raw == null) {
            return null;
        }
        List<String> en = check(node, raw.en(), path, Lang.EN, rules);
        List<String> ko = check(node, raw.ko(), path, Lang.KO, rules);
        if (!new TreeSet<>(en).equals(new TreeSet<>(ko))) {
            f.add(node, path + ": the English text cites " + list(en) + " and the Korean text " + list(ko)
                    + ": both languages cite the same sources");
        }
        return new Text(render(raw.en(), Lang.EN), render(raw.ko(), Lang.KO));
    }

    /** The ids the text cites; reports unknown ids and rule-stating sentences without a citation. */
    private List<String> check(Node node, String text, String path, Lang lang, boolean rules) {
        Node at = languageNode(node, lang);
        String where = path + "." + lang.code();
        List<String> ids = ids(text);
        for (String id : ids) {
            if (sources.get(id).isEmpty()) {
                f.add(at, where + ": unknown source '" + id + "' (the sources are in lessons/" + Sources.FILE + ")");
            }
        }
        if (rules) {
            for (String sentence : RuleSentences.sentences(text)) {
                Optional<String> rule = RuleSentences.trigger(CITE.matcher(sentence).replaceAll(""));
                if (rule.isPresent() && !CITE.matcher(sentence).find()) {
                    f.add(at, where + ": this sentence states a rule of Windows (it names " + rule.get()
                            + ") and cites no source; add [@id] before its full stop: \"" + cut(sentence) + "\"");
                }
            }
        }
        return ids;
    }

    /** Every id cited in the text, in order. */
    static List<String> ids(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CITE.matcher(text);
        while (m.find()) {
            for (String part : m.group().substring(1, m.group().length() - 1).split(";")) {
                out.add(part.strip().substring(1));
            }
        }
        return out;
    }

    /** The text with each citation written as its sources' labels. */
    private String render(String text, Lang lang) {
        Matcher m = CITE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> labels = new ArrayList<>();
            for (String id : ids(m.group())) {
                labels.add(sources.get(id).map(s -> s.label().get(lang)).orElse(id));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("[" + String.join("; ", labels) + "]"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Node languageNode(Node node, Lang lang) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (lang.code().equals(scalar(t.getKeyNode()))) {
                    return t.getValueNode();
                }
            }
        }
        return node;
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "nothing" : String.join(", ", new TreeSet<>(ids));
    }

    private static String cut(String s) {
        return s.length() > 90 ? s.substring(0, 87) + "..." : s;
    }
}
