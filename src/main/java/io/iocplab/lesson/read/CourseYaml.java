package io.iocplab.lesson.read;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.scenario.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** How a course file is read from its text; problems name it as {@code name}. */
    interface Reader<T> {
        T read(String name, String text) throws InvalidLessonException;
    }

    /**
     * The course file packed with the program under {@code resource} (a class-path name), read by {@code reader}.
     * A packed file that is missing or has mistakes is the program's fault, not the user's: an error.
     */
    static <T> T packed(String resource, Reader<T> reader) {
        try (InputStream in = CourseYaml.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not packed with the program");
            }
            return reader.read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidLessonException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
