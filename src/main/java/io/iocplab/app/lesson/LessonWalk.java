package io.iocplab.app.lesson;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.run.LessonRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A student's way through one lesson: which step is shown and how they answered its exercise. No JavaFX; the
 * narration panel draws it and the window moves the playhead to {@link #playheadStep()}.
 *
 * <p>Rules:
 * <ul>
 *   <li>Step {@code i} is shown at its point, the event {@link LessonRun#pointOf} names; the stage
 *       shows the state after that event, so the playhead is at {@code pointOf(i) + 1}. Going back
 *       shows the previous step at the same playhead step as before, hence the same picture.</li>
 *   <li>A prediction: a wrong first choice does not end the question; the hint shows and the student tries
 *       again ({@value #TRIES} tries). A right choice, or a second wrong one, ends it: the answer and the why
 *       show, and what ended it stays (clicking again changes nothing), also after going back and forth.</li>
 *   <li>A bug to find: every wrong line shows the hint and the student tries again, as often as needed; the
 *       right line ends it.</li>
 *   <li>A goal to make happen: it ends when a run of the student's knobs reaches it.</li>
 *   <li>Continue needs the step's exercise ended, or answered in an earlier session ({@code answeredBefore},
 *       from the progress store). Continue on the last step finishes the lesson.</li>
 * </ul>
 */
public final class LessonWalk {
    /** How many choices a prediction takes at most: the second wrong one shows the answer. */
    public static final int TRIES = 2;

    /** What a click did. */
    public enum Outcome {
        /** The right choice (or line): the exercise ends. */
        RIGHT,
        /** A wrong one: the hint shows, the student tries again. */
        TRY_AGAIN,
        /** A wrong one that ends the question: the answer shows. */
        WRONG,
        /** Nothing: the exercise had already ended, or the choice was already tried. */
        IGNORED
    }

    /** What the student did on one step. */
    private static final class Attempts {
        final List<String> wrong = new ArrayList<>();
        String ended;            // the choice (or line) that ended a prediction or a bug hunt
        boolean reached;         // a goal was reached
        int runs;                // runs of a goal's knobs
        List<String> knobs;      // the student's knob values, null: the scenario's own
        GoalResult last;         // what the last run of the knobs gave, or null
    }

    /**
     * What a run of the student's knobs gave: whether it reached the goal and where (the last event of the moment,
     * its number and time), or where the run ended (moment and time) when it did not.
     */
    public record GoalResult(boolean reached, int point, long moment, long tUs) {}

    private final LessonRun run;
    private final Map<Integer, Attempts> attempts;
    private final Set<Integer> answeredBefore;
    private int step;

    /** A walk from step {@code first} (clamped to the steps the run reaches). */
    public LessonWalk(LessonRun run, int first) {
        this(run, first, Set.of());
    }

    /** A walk from step {@code first}; the steps in {@code answeredBefore} were answered in an earlier session. */
    public LessonWalk(LessonRun run, int first, Set<Integer> answeredBefore) {
        this(run, first, answeredBefore, new HashMap<>());
    }

    private LessonWalk(LessonRun run, int first, Set<Integer> answeredBefore, Map<Integer, Attempts> attempts) {
        this.run = run;
        this.answeredBefore = new HashSet<>(answeredBefore);
        this.attempts = attempts;
        this.step = Math.max(0, Math.min(first, reachable() - 1));
    }

    /** The same student's walk over another run of the same lesson (the lesson's run again after a goal's run). */
    public LessonWalk over(LessonRun other, int first) {
        return new LessonWalk(other, first, answeredBefore, attempts);
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

    private Attempts mine() {
        return attempts.computeIfAbsent(step, s -> new Attempts());
    }

    private Attempts seen() {
        Attempts a = attempts.get(step);
        return a == null ? new Attempts() : a;
    }

    // ------------------------------------------------------------------ a prediction

    /** The engine's answer to the current step's prediction, if it asks one. */
    public Optional<Answer> answer() {
        return current().predict() == null ? Optional.empty() : run.answerOf(step);
    }

    /** The choice that ended the current prediction (the right one, or the last wrong one), or null while it is open. */
    public String chosen() {
        return current().predict() == null ? null : seen().ended;
    }

    /** The wrong choices (or lines) tried on the current step, in order. */
    public List<String> tried() {
        return List.copyOf(seen().wrong);
    }

    /** Whether the current step shows its hint: a wrong try, and the exercise still open. */
    public boolean hintShown() {
        Attempts a = seen();
        return !a.wrong.isEmpty() && a.ended == null && !a.reached;
    }

    /** The student's choice on the current prediction. */
    public Outcome choose(String choiceId) {
        Answer a = answer().orElseThrow(() -> new IllegalStateException("step " + step + " asks nothing"));
        Attempts at = mine();
        if (at.ended != null || at.wrong.contains(choiceId)) {
            return Outcome.IGNORED;
        }
        if (a.isCorrect(choiceId)) {
            at.ended = choiceId;
            return Outcome.RIGHT;
        }
        at.wrong.add(choiceId);
        if (at.wrong.size() >= TRIES) {
            at.ended = choiceId;
            return Outcome.WRONG;
        }
        return Outcome.TRY_AGAIN;
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

    // ------------------------------------------------------------------ a bug to find

    /** The line (index into the listing) that ended the current bug hunt, or -1 while it is open. */
    public int foundLine() {
        return current().bug() == null || seen().ended == null ? -1 : Integer.parseInt(seen().ended);
    }

    /** The student clicked line {@code line} of the current step's listing. */
    public Outcome pickLine(int line) {
        int right = run.bugLineOf(step);
        if (current().bug() == null || right < 0) {
            throw new IllegalStateException("step " + step + " hides no bug");
        }
        Attempts at = mine();
        String id = Integer.toString(line);
        if (at.ended != null || at.wrong.contains(id)) {
            return Outcome.IGNORED;
        }
        if (line == right) {
            at.ended = id;
            return Outcome.RIGHT;
        }
        at.wrong.add(id);
        return Outcome.TRY_AGAIN;
    }

    // ------------------------------------------------------------------ a goal to make happen

    /** A run of the student's knobs ended with {@code result}. */
    public void goalRun(GoalResult result) {
        Attempts at = mine();
        at.runs++;
        at.last = result;
        if (result.reached()) {
            at.reached = true;
        } else if (!at.reached) {
            at.wrong.add(Integer.toString(at.runs));
        }
    }

    /** What the last run of the current step's knobs gave, or null before the first. */
    public GoalResult lastGoalRun() {
        return seen().last;
    }

    /** The current goal's knob values, in the knobs' order: the student's, or the scenario's own. */
    public List<String> knobValues() {
        Attempts a = seen();
        return a.knobs != null ? a.knobs : current().goal() == null ? List.of() : current().goal().initialValues();
    }

    /** The student set knob {@code k} of the current goal to {@code value}. */
    public void setKnob(int k, String value) {
        Attempts a = mine();
        List<String> values = new ArrayList<>(knobValues());
        values.set(k, value);
        a.knobs = List.copyOf(values);
    }

    /** Whether a run of this session reached the current step's goal. */
    public boolean goalReached() {
        return seen().reached;
    }

    /** How many runs the student made on the current step's goal. */
    public int goalRuns() {
        return seen().runs;
    }

    // ------------------------------------------------------------------ moving on

    /** Whether the current step's exercise has ended in this session (nothing asked counts as ended). */
    public boolean answered() {
        LessonStep s = current();
        if (s.predict() != null) {
            return answer().isEmpty() || chosen() != null;
        }
        if (s.bug() != null) {
            return foundLine() >= 0;
        }
        if (s.goal() != null) {
            return goalReached();
        }
        return true;
    }

    /** Whether Continue is allowed: the step's exercise ended, now or in an earlier session. */
    public boolean canContinue() {
        return answered() || answeredBefore.contains(step);
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
