package io.iocplab.scenario;

import java.util.List;

/**
 * A scenario file that is not a valid scenario. It carries every problem found (never none),
 * ordered by line and column; nothing of the scenario may be run.
 */
public final class InvalidScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0) + (problems.size() > 1
                ? " (and " + (problems.size() - 1) + " more)" : ""));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
