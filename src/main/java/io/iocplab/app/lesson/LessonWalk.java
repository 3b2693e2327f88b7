package io.iocplab.app.lesson;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.LessonRun;
import io.iocplab.lesson.LessonStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A student's way through one lesson: which step is shown and what they answered. No JavaFX; the
 * narration panel draws it and the window moves the playhead to {@link #playheadStep()}.
 *
 * <p>Rules:
 * <ul>
 *   <li>Step {@code i} is shown at its point, the event {@link LessonRun#pointOf} names; the stage
 *       shows the state after that event, so the playhead is at {@code pointOf(i) + 1}. Going back
 *       shows the previous step at the same playhead step as before, hence the same picture.</li>
 *   <li>A step with a prediction must be answered before Continue: the first click is the answer
 *       and stays (clicking again changes nothing), also after going back and forth.</li>
 *   <li>Continue on the last step finishes the lesson.</li>
 * </ul>
 */
public final class LessonWalk {
    private final LessonRun run;
    private final Map<Integer, String> chosen = new HashMap<>();
    private int step;

    /** A walk from step {@code first} (clamped to the steps the run reaches). */
    public LessonWalk(LessonRun run, int first) {
        this.run = run;
        this.step = Math.max(0, Math.min(first, reachable() - 1));
    }

    public LessonRun run() {
        return run;
    }

    /** The steps the run reaches (a step never reached cannot be shown, nor any after it). */
    public int reachable() {
        int n = 0;
        while (n < run.lesson().steps().size() && run.pointOf(n) >= 0) {
            n++;
        }
        return n;
    }

    public int step() {
        return step;
    }

    public LessonStep current() {
        return run.lesson().steps().get(step);
    }

    /** The playhead step that shows the current step: the state after its point. */
    public int playheadStep() {
        return run.pointOf(step) + 1;
    }

    /** The engine's answer to the current step's prediction, if it asks one. */
    public Optional<Answer> answer() {
        return current().predict() == null ? Optional.empty() : run.answerOf(step);
    }

    /** The choice the student clicked on the current step, or null. */
    public String chosen() {
        return chosen.get(step);
    }

    /** Records the student's answer to the current prediction (the first one only); whether it is right. */
    public boolean choose(String choiceId) {
        Answer a = answer().orElseThrow(() -> new IllegalStateException("step " + step + " asks nothing"));
        chosen.putIfAbsent(step, choiceId);
        return a.isCorrect(chosen.get(step));
    }

    /**
     * The engine's answers to the questions about the lesson's sweep ({@link
     * io.iocplab.lesson.Prediction.Kind#fromSweep()}) the student has answered or gone past, in step order:
     * those of the earlier steps, and the current step's once it is answered.
     */
    public List<Answer> sweepAnswers() {
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i <= step; i++) {
            LessonStep s = run.lesson().steps().get(i);
            Optional<Answer> a = s.predict() == null ? Optional.empty() : run.answerOf(i);
            if (a.isPresent() && a.get().kind().fromSweep() && (i < step || chosen() != null)) {
                out.add(a.get());
            }
        }
        return out;
    }

    /** Whether Continue is allowed: the step asks nothing, or it has been answered. */
    public boolean canContinue() {
        return answer().isEmpty() || chosen() != null;
    }

    public boolean atFirst() {
        return step == 0;
    }

    public boolean atLast() {
        return step == reachable() - 1;
    }

    /** Moves to the next step if allowed; false on the last step or before the answer. */
    public boolean next() {
        if (!canContinue() || atLast()) {
            return false;
        }
        step++;
        return true;
    }

    /** Moves to the previous step; false on the first. */
    public boolean back() {
        if (step == 0) {
            return false;
        }
        step--;
        return true;
    }
}
