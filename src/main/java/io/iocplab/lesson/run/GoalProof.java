package io.iocplab.lesson.run;

import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.Pos;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lessons check} proves about a lesson's "make it happen" steps ({@link GoalExercise}), beyond what
 * the loader and the lesson's own run check: every value of every knob (the others at their starting values) gives a
 * scenario that loads, so no choice in the window ends in an error; and the author's way (each knob at its
 * {@code solution}) reaches the goal, so the goal can be reached with the knobs the student has. It runs the
 * author's way headless: a few seconds per goal.
 */
final class GoalProof {
    private GoalProof() {}

    static List<Problem> check(Lesson lesson) {
        List<Problem> out = new ArrayList<>();
        for (LessonStep s : lesson.steps()) {
            GoalExercise g = s.goal();
            if (g == null) {
                continue;
            }
            String path = "steps[" + s.index() + "].goal";
            for (int k = 0; k < g.knobs().size(); k++) {
                for (String v : g.knobs().get(k).values()) {
                    List<String> values = new ArrayList<>(g.initialValues());
                    values.set(k, v);
                    try {
                        Knobs.apply(lesson, g.knobs(), values);
                    } catch (InvalidScenarioException e) {
                        out.add(problem(lesson, g.knobs().get(k).pos(), path + ".knobs[" + k + "]: the value " + v
                                + " gives a scenario that does not load: " + e.problems().get(0).message()));
                    }
                }
            }
            if (g.solutionValues().equals(g.initialValues())) {
                out.add(problem(lesson, g.pos(), path + ": no knob has a solution: write the value of a way to the goal "
                        + "(solution: V) on the knobs it changes"));
                continue;
            }
            try {
                LessonRun.Headless run = LessonRun.headless(Knobs.apply(lesson, g.knobs(), g.solutionValues()));
                if (run.failure() != null) {
                    out.add(problem(lesson, g.pos(), path + ": the solution's run failed: " + run.failure()));
                } else if (GoalCheck.firstReached(g.goal(), run.events()) < 0) {
                    out.add(problem(lesson, g.pos(), path + ": the solution " + g.solutionValues()
                            + " does not reach the goal " + g.goal().key()));
                }
            } catch (InvalidScenarioException e) {
                out.add(problem(lesson, g.pos(), path + ": the solution gives a scenario that does not load: "
                        + e.problems().get(0).message()));
            }
        }
        return out;
    }

    private static Problem problem(Lesson lesson, Pos pos, String message) {
        return new Problem(lesson.file(), pos.line(), pos.column(), message);
    }
}
