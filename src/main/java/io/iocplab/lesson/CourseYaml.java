package io.iocplab.lesson;

import io.iocplab.scenario.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The two course files beside the lessons, {@code sources.yaml} ({@link Sources}) and {@code glossary.yaml}
 * ({@link Glossary}), are read as the lessons are: YAML composed into nodes, every problem reported through
 * {@link Fields} at its line and column, all of them at once.
 */
final class CourseYaml {
    private CourseYaml() {}

    /** The file's root node, or null (a syntax error or an empty file is reported). */
    static Node compose(Fields f, String text) {
        try {
            Node root = new Compose(LoadSettings.builder().setLabel(f.file()).build())
                    .composeString(text.startsWith("\uFEFF") ? text.substring(1) : text).orElse(null);
            if (root == null) {
                f.add((Node) null, "the file is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            f.add(e.getProblemMark().or(e::getContextMark).orElse(null),
                    "YAML syntax: " + e.getProblem() + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (YamlEngineException e) {
            f.add((Node) null, "YAML syntax: " + e.getMessage());
        }
        return null;
    }

    /** Throws every problem found, in line order, if there is one. */
    static void throwIfAny(Fields f) throws InvalidLessonException {
        if (f.count() > 0) {
            List<Problem> sorted = new ArrayList<>(f.problems());
            sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new InvalidLessonException(sorted);
        }
    }
}
