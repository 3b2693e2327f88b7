package io.iocplab.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the problems of one file while it is read, so that all of them are reported at once.
 * Positions come from YAML marks (0-based) and are stored 1-based.
 */
final class Problems {
    private final String file;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem at the start of a node (or at 1:1 when the node has no position). */
    void add(Node at, String message) {
        add(at == null ? null : at.getStartMark().orElse(null), message);
    }

    void add(Mark mark, String message) {
        int line = mark == null ? 0 : mark.getLine();
        int column = mark == null ? 0 : mark.getColumn();
        list.add(new Problem(file, line + 1, column + 1, message));
    }

    /** How many problems so far: a reader compares counts to learn whether a part of the file was valid. */
    int count() {
        return list.size();
    }

    /** Every problem, ordered by line then column (stable, so same-place problems keep their order). */
    List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return copy;
    }
}
