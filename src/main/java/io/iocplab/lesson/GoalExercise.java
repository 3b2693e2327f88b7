package io.iocplab.lesson;

import java.util.List;

/**
 * A "make it happen" step: the student changes the scenario's knobs, runs it, and the engine says whether, and at
 * which moment, the goal was reached.
 *
 * <p>Rules (checked by {@code lessons check}): the lesson's own scenario does not reach the goal (else there is
 * nothing to make happen); every value of every knob gives a scenario that loads; the author's way (each knob at
 * its {@code solution}, the others as they are) reaches it. A reached goal counts as the step's answer.
 *
 * @param goal    what the engine looks for at every moment end
 * @param knobs   what the student may change, in the order the window lists them
 * @param hint    the author's hint, shown after a run that does not reach the goal
 * @param explain the author's why, shown once the goal is reached
 * @param pos     where {@code goal:} is written
 */
public record GoalExercise(Goal goal, List<Knob> knobs, Text hint, Text explain, Pos pos) {
    public GoalExercise {
        knobs = List.copyOf(knobs);
    }

    /** The knobs at the scenario's own values. */
    public List<String> initialValues() {
        return knobs.stream().map(Knob::initial).toList();
    }

    /** The knobs at the author's way to the goal. */
    public List<String> solutionValues() {
        return knobs.stream().map(k -> k.solution() == null ? k.initial() : k.solution()).toList();
    }
}
