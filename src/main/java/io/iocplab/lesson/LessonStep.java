package io.iocplab.lesson;

/**
 * One step of a lesson: a point in the run, what the narrator says there, the thread whose C code
 * the window highlights, and at most one exercise: a prediction, a goal to make happen, or a bug to find.
 *
 * @param index      0-based position in the lesson
 * @param cue        where in the run the step is
 * @param say        the narration
 * @param codeThread the thread whose C listing the step shows, or null
 * @param predict    the question asked before the step's outcome is shown, or null
 * @param goal       the goal the student makes happen by changing the scenario, or null
 * @param bug        the wrong line the student finds in a thread's C listing, or null
 * @param pos        where the step is written
 */
public record LessonStep(int index, Cue cue, Text say, String codeThread, Prediction predict, GoalExercise goal,
                         BugHunt bug, Pos pos) {
    /** Whether the step asks the student something (a prediction, a goal or a bug) before Continue. */
    public boolean asks() {
        return predict != null || goal != null || bug != null;
    }

    /** The same step with another cue (homework's cues without their filters). */
    public LessonStep withCue(Cue other) {
        return new LessonStep(index, other, say, codeThread, predict, goal, bug, pos);
    }
}
