package io.iocplab.lesson;

import io.iocplab.scenario.Problem;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.Machine;
import io.iocplab.sim.RunFailure;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.StopRules;
import io.iocplab.sweep.Row;
import io.iocplab.sweep.Setting;
import io.iocplab.sweep.Sweep;
import io.iocplab.sweep.SweepFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A lesson's scenario, run headless to its end, with every step tied to an event of the run and every
 * prediction answered from the events.
 *
 * <p>Rules:
 * <ul>
 *   <li>A step's <em>point</em> is an index into {@link #events()} (equal to the event's {@code seq}): the
 *       last event of the moment its cue names, so the view at that step is a stop, the state at the end of
 *       that moment, where every rule of a whole machine holds ({@link StopRules}; a point where one does
 *       not is a problem). Points never go backwards: each cue is searched strictly after the previous
 *       step's point, so in a later moment ({@link Cue.Start} and {@link Cue.Time} may coincide with it).
 *       The first step is searched from the beginning of the run.</li>
 *   <li>{@code start} is the run's first moment; {@code end} the last (the summary); {@code time: T} the last
 *       moment at or before T.</li>
 *   <li>A prediction is answered from the events strictly after its step's point, that is from the next
 *       moment on: nothing of the answer is on screen when it is asked; {@code wakes} looks no further than
 *       the next step's point (or the end).</li>
 *   <li>A cue never reached is reported at the cue, and the steps after it get no point (-1) and no
 *       answer; a prediction the run gives no answer to is reported at its {@code answer:}.</li>
 *   <li>A lesson with a {@code sweep:} also runs every configuration of it headless ({@link LessonSweep});
 *       the predictions that {@linkplain Prediction.Kind#fromSweep() come from the sweep} are answered from
 *       its rows ({@link SweepAnswers}), decided at the stage run's last event (its summary, whose measures
 *       are those of the stage's row). A sweep that fails is reported at {@code sweep:}.</li>
 * </ul>
 * The events (and a sweep's rows) are the whole record: the player in the window can draw every step from them.
 *
 * <p>The parts: {@link CueFinder} finds the points, {@link CodeFocusFinder} the code each step highlights, and
 * each kind of prediction has its answers' class: {@link PortAnswers} (next-release, running, queue),
 * {@link ThreadAnswers} (wakes, returns), {@link PacketAnswers} (gets), {@link ErrorAnswers} (error) and
 * {@link SweepAnswers} (the sweep's).
 */
public final class LessonRun {
    /** A lesson's run may not be longer than this (a lesson is a few minutes; a runaway loop is a bug). */
    public static final int MAX_EVENTS = 200_000;

    private final Lesson lesson;
    private final List<SimEvent> events;
    private final int[] points;
    private final Answer[] answers;
    private final List<Row> sweepRows;
    private final int stageRow;
    private final List<Problem> problems = new ArrayList<>();

    private LessonRun(Lesson lesson, List<SimEvent> events, String failure) {
        this.lesson = lesson;
        this.events = Collections.unmodifiableList(events);
        this.points = new int[lesson.steps().size()];
        this.answers = new Answer[lesson.steps().size()];
        java.util.Arrays.fill(points, -1);
        if (failure != null) {
            problem(scenarioPos(), "the scenario's run failed: " + failure);
            this.sweepRows = List.of();
            this.stageRow = -1;
            return;
        }
        this.sweepRows = lesson.sweep() == null ? List.of() : runSweep();
        this.stageRow = stageRowOf(lesson, sweepRows);
        resolve();
    }

    /**
     * Runs the lesson's scenario headless (and its sweep, if it has one) and resolves its steps. Never throws
     * for a failed run: see {@link #problems()}. It takes a moment (seconds with a sweep): call it off the
     * JavaFX thread.
     */
    public static LessonRun run(Lesson lesson) {
        List<SimEvent> events = new ArrayList<>();
        String failure = null;
        Machine machine = ScenarioRunner.build(lesson.scenario(), events::add);
        try {
            while (machine.advance()) {
                if (events.size() > MAX_EVENTS) {
                    failure = "more than " + MAX_EVENTS + " events (does a loop run forever? give the scenario "
                            + "an until:)";
                    break;
                }
            }
        } catch (RunFailure e) {
            failure = e.getMessage() == null ? "RunFailure" : e.getMessage().lines().findFirst().orElse("");
        } finally {
            machine.close();
        }
        return new LessonRun(lesson, events, failure);
    }

    /**
     * Resolves the lesson's steps over events recorded elsewhere (the window's timeline of the same scenario).
     * A lesson with a sweep runs the sweep here, which takes seconds: call it off the JavaFX thread.
     */
    public static LessonRun of(Lesson lesson, List<SimEvent> events) {
        return new LessonRun(lesson, new ArrayList<>(events), null);
    }

    public Lesson lesson() {
        return lesson;
    }

    /**
     * The rows of the lesson's sweep, one per configuration in configuration order, each with its measures
     * (throughput, context switches per packet, ...: what a chart of the sweep draws); empty without a sweep
     * or when it failed.
     */
    public List<Row> sweepRows() {
        return sweepRows;
    }

    /** The index in {@link #sweepRows()} of the run on the stage (the lesson's own scenario), or -1 without one. */
    public int stageRow() {
        return stageRow;
    }

    private static int stageRowOf(Lesson lesson, List<Row> rows) {
        if (rows.isEmpty()) {
            return -1;
        }
        List<Setting> own = lesson.sweep().settingsOf(lesson.scenario(), rows.get(0).configuration().port());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).configuration().settings().equals(own)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs every configuration of the lesson's sweep; reports a failure at {@code sweep:} and returns no rows. */
    private List<Row> runSweep() {
        String why;
        try {
            return lesson.sweep().over(lesson.scenario()).run(Sweep.DEFAULT_PARALLELISM, null);
        } catch (SweepFailedException | IllegalArgumentException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        problem(lesson.sweep().pos(), "sweep: did not finish: " + why.lines().findFirst().orElse(""));
        return List.of();
    }

    /** Every event of the run, in order; index i is the event with seq i. */
    public List<SimEvent> events() {
        return events;
    }

    /** The event index of step {@code step}'s point, or -1 when it is never reached. */
    public int pointOf(int step) {
        return points[step];
    }

    /**
     * The step the player is at when the playhead is on event {@code index}: the last step whose point is at
     * or before it, or -1 before the first step's point.
     */
    public int stepAt(int index) {
        int at = -1;
        for (int i = 0; i < points.length && points[i] >= 0 && points[i] <= index; i++) {
            at = i;
        }
        return at;
    }

    /** The engine's answer to step {@code step}'s prediction; empty when it has none (or none could be computed). */
    public Optional<Answer> answerOf(int step) {
        return Optional.ofNullable(answers[step]);
    }

    /** Problems found by running: cues never reached, predictions without answer, a failed run. */
    public List<Problem> problems() {
        return Collections.unmodifiableList(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The event index of {@code at: start}. */
    public int startPoint() {
        return new CueFinder(events).startPoint();
    }

    /**
     * The code a step highlights: its {@code code:} thread's listing and the line of the program step that
     * thread is at, at the step's point; null when the step names no thread or is never reached.
     */
    public CodeFocus codeOf(int step) {
        LessonStep s = lesson.steps().get(step);
        if (s.codeThread() == null || points[step] < 0) {
            return null;
        }
        return new CodeFocusFinder(lesson, events).at(s.codeThread(), points[step]);
    }

    // ------------------------------------------------------------------ points

    private void resolve() {
        CueFinder cues = new CueFinder(events);
        int prev = -1;
        for (LessonStep step : lesson.steps()) {
            int p = cues.find(step.cue(), prev);
            if (p < 0) {
                String after = prev < 0 ? "from the start of the run"
                        : "after steps[" + (step.index() - 1) + "] (t=" + Words.ms(events.get(prev).tUs()) + ")";
                String why = p == -2 ? " (it is earlier than the previous step's point)" : "";
                problem(step.cue().pos(), "steps[" + step.index() + "].at: never reached " + after + ": no moment "
                        + Words.cue(step.cue()).en() + why);
                break;
            }
            List<String> broken = brokenAt(p);
            if (!broken.isEmpty()) {
                problem(step.cue().pos(), "steps[" + step.index() + "].at: its stop (moment "
                        + events.get(p).moment() + ") is not a whole machine: " + broken.get(0));
            }
            points[step.index()] = p;
            prev = p;
        }
        for (LessonStep step : lesson.steps()) {
            if (step.predict() == null || points[step.index()] < 0) {
                continue;
            }
            int next = step.index() + 1 < points.length && points[step.index() + 1] >= 0 ? points[step.index() + 1]
                    : events.size() - 1;
            Computed c = answer(step.predict(), points[step.index()], next);
            if (c.answer() == null) {
                problem(step.predict().answerPos(), "steps[" + step.index() + "].predict.answer: "
                        + step.predict().kind().key() + " has no answer: " + c.why());
            } else if (c.answer().choices().size() < 2) {
                problem(step.predict().answerPos(), "steps[" + step.index() + "].predict.answer: "
                        + step.predict().kind().key() + " has only one possible answer ("
                        + c.answer().correctChoice().label().en() + "): nothing to predict");
            } else {
                answers[step.index()] = c.answer();
            }
        }
    }

    /** The rules of a stop that the state after event {@code point} breaks (none at the end of a moment). */
    private List<String> brokenAt(int point) {
        StopRules rules = new StopRules(lesson.scenario().cpus());
        for (int i = 0; i <= point; i++) {
            rules.accept(events.get(i));
        }
        return rules.broken();
    }

    // ------------------------------------------------------------------ answers

    /**
     * The answer to a prediction asked at event {@code point}; {@code next} is the next step's point (or the
     * last event). Each kind has its own rule: {@link PortAnswers}, {@link ThreadAnswers}, {@link PacketAnswers},
     * {@link ErrorAnswers}, {@link SweepAnswers}.
     */
    private Computed answer(Prediction p, int point, int next) {
        String at = " after this step's point (t=" + Words.ms(events.get(point).tUs()) + ")";
        return switch (p.kind()) {
            case NEXT_RELEASE -> new PortAnswers(events).nextRelease(p.subject(), point, at);
            case RUNNING -> new PortAnswers(events).running(p.subject(), point, at);
            case QUEUE -> new PortAnswers(events).queue(p.subject(), point, at);
            case WAKES -> new ThreadAnswers(events).wakes(p.subject(), point, next);
            case RETURNS -> new ThreadAnswers(events).returns(p.subject(), point, at);
            case GETS -> new PacketAnswers(lesson.scenario(), events).gets(p.subject(), point, at);
            case ERROR -> new ErrorAnswers(events).error(p.subject(), point, at);
            case BEST_THROUGHPUT, MOST_SWITCHES -> sweepRows.isEmpty() ? Computed.none("the sweep did not finish")
                    : SweepAnswers.answer(p.kind(), p.subject(), sweepRows, events.size() - 1);
        };
    }

    private Pos scenarioPos() {
        String t = lesson.scenarioText();
        if (t == null) {
            return Pos.NONE;
        }
        int line = 1;
        int col = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (c != ' ' && c != '\r' && c != '\t') {
                return new Pos(line, col);
            } else {
                col++;
            }
        }
        return Pos.NONE;
    }

    private void problem(Pos pos, String message) {
        problems.add(new Problem(lesson.file(), pos.line(), pos.column(), message));
    }
}
