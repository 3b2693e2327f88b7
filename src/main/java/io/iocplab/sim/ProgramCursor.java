package io.iocplab.sim;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A thread's position in its program: which step comes next, inside which loops.
 * Steps are also numbered in document order (the "listing"), so the code view can highlight
 * the line a thread is on and a trace can say which step a call came from.
 *
 * <p>Progress: {@link #next()} always returns a step or the end after a bounded amount of work. A loop
 * that runs no step (its steps are empty, or only loops that never run) is passed over without being
 * repeated: done any number of times it does nothing, in no time. Done forever it would spin without
 * virtual time moving; scenario files cannot say that (the loader refuses it), and a program built in
 * code that does ends its run with a {@link RunFailure} naming the loop.
 */
public final class ProgramCursor implements Program {
    private static final class Frame {
        final List<Step> steps;
        final Integer times; // null: forever; only for loop frames
        final boolean loop;
        int next;
        long done;

        Frame(List<Step> steps, Integer times, boolean loop) {
            this.steps = steps;
            this.times = times;
            this.loop = loop;
        }
    }

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final Map<Step, Integer> listing = new IdentityHashMap<>();
    /** Per loop: whether one pass over its steps executes a step (worked out once, on first entry). */
    private final Map<Step.Loop, Boolean> loopRunsAStep = new IdentityHashMap<>();

    ProgramCursor(List<Step> program) {
        frames.push(new Frame(program, 1, false));
        number(program);
    }

    /**
     * The index of the step a thread running {@code program} executes first (a loop is entered, one that never
     * runs is passed over), or -1 when it executes none.
     */
    public static int firstStep(List<Step> program) {
        ProgramCursor cursor = new ProgramCursor(program);
        return cursor.indexOf(cursor.next());
    }

    /** Whether running these steps once executes at least one step (a loop that never runs executes none). */
    public static boolean runsAStep(List<Step> steps) {
        for (Step s : steps) {
            if (!(s instanceof Step.Loop loop)
                    || (loop.times() == null || loop.times() > 0) && runsAStep(loop.steps())) {
                return true;
            }
        }
        return false;
    }

    private void number(List<Step> steps) {
        for (Step s : steps) {
            listing.put(s, listing.size());
            if (s instanceof Step.Loop loop) {
                number(loop.steps());
            }
        }
    }

    /** The index of a step in document order (its line in the listing). */
    @Override
    public int indexOf(Step step) {
        Integer i = step == null ? null : listing.get(step);
        return i == null ? -1 : i;
    }

    /** The next step to execute, entering and repeating loops as needed; null when the program ends. */
    @Override
    public Step next() {
        while (!frames.isEmpty()) {
            Frame f = frames.peek();
            if (f.next < f.steps.size()) {
                Step s = f.steps.get(f.next++);
                if (s instanceof Step.Loop loop) {
                    boolean runs = (loop.times() == null || loop.times() > 0)
                            && loopRunsAStep.computeIfAbsent(loop, l -> runsAStep(l.steps()));
                    if (runs) {
                        frames.push(new Frame(loop.steps(), loop.times(), true));
                    } else if (loop.times() == null) {
                        throw new RunFailure("the Loop at line " + loop.source().line() + ", column "
                                + loop.source().column() + " runs no step, forever: virtual time could not move");
                    }
                    continue;
                }
                return s;
            }
            f.done++;
            if (f.loop && (f.times == null || f.done < f.times)) {
                f.next = 0;
            } else {
                frames.pop();
            }
        }
        return null;
    }
}
