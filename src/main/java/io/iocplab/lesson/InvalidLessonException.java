package io.iocplab.lesson;

import io.iocplab.scenario.Problem;
import java.util.List;

/**
 * A lesson file that cannot be used: malformed YAML, an invalid scenario inside it, a missing text in
 * one of the languages, an unknown name. It carries every problem found (never none), in file order,
 * each at its line and column in the lesson file.
 */
public final class InvalidLessonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidLessonException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid lesson" : problems.get(0) + (problems.size() > 1
                ? " (and " + (problems.size() - 1) + " more)" : ""));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid lesson has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
