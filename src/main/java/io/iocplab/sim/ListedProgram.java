package io.iocplab.sim;

import java.util.ArrayDeque;

/**
 * A workload's program whose steps are the lines of its own C listing: each step it plans is tagged with
 * its line ({@code L}, an enum in listing order), and the step number it reports is that line's number,
 * the same number the listing gives the line ({@link #line}). One text, one numbering.
 */
abstract class ListedProgram<L extends Enum<L>> implements Program {
    private final ArrayDeque<Step> planned = new ArrayDeque<>();
    private final ArrayDeque<L> lines = new ArrayDeque<>();
    /** The step last handed out and its line: the one the thread is at. */
    private Step current;
    private L currentLine;

    /** Writes a step line of the listing, numbered as the program numbers that step. */
    static void line(CCode.Writer w, int indent, String code, Enum<?> line, String note) {
        w.add(indent, code, line.ordinal(), note, null);
    }

    /** The program will make this step, shown by this line, after the ones already planned. */
    protected final void plan(Step step, L line) {
        planned.add(step);
        lines.add(line);
    }

    protected final boolean nothingPlanned() {
        return planned.isEmpty();
    }

    @Override
    public Step next() {
        current = planned.poll();
        currentLine = lines.poll();
        return current;
    }

    /** The step's line: the step a thread is at is the one last handed out. */
    @Override
    public int indexOf(Step step) {
        return step != null && step == current ? currentLine.ordinal() : -1;
    }
}
