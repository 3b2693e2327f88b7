package io.iocplab.app.lesson;

import io.iocplab.app.model.Selection;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.GoalExercise;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.homework.Homework;
import io.iocplab.lesson.run.GoalCheck;
import io.iocplab.lesson.run.Knobs;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sim.event.SimEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/**
 * Lesson mode of the main window: the Lessons button, the list, and a lesson played on the window's
 * own stage, code view and player, with the narration in place of the side column.
 *
 * <p>Rules:
 * <ul>
 *   <li>Entering puts the lesson column in place of the side column (why, parameters); leaving puts them
 *       back and, if a lesson's run is on the stage, the run that was there before.</li>
 *   <li>A lesson's scenario runs as any run of the window does ({@link RunSession}, its engine thread);
 *       a helper thread waits for it to end and resolves the lesson's points and answers over exactly
 *       those events ({@link LessonRun#of}), so every step's point indexes the timeline on the stage.
 *       The JavaFX thread never waits: it shows "preparing" until the result is handed back.</li>
 *   <li>Each step moves the playhead to the state after its point ({@link LessonWalk#playheadStep()}),
 *       selects the thread whose code the step highlights (the code view follows the selection), gives
 *       the stage what the step is about to bring into sight and mark ({@link StepSubjects}), and saves
 *       how far the student got. Continue needs an answer when the step asks a question; no skip.</li>
 *   <li>The transport stays free: the student may play or scrub around a step; Continue and Back go to
 *       the steps' points. Opening another scenario (Open, drop) leaves lesson mode.</li>
 *   <li>A "make it happen" step runs the scenario with the student's knobs on the stage, like the lesson's own
 *       run; the goal is looked for at every stop of it and the playhead goes to the first stop that has it (or to
 *       the end). Leaving that step brings the lesson's own run back first, so every other step's point indexes
 *       the run on the stage. A "find the bug" step moves the playhead to the moment the wrong line's call returns
 *       once it is found. An ended exercise is saved as answered ({@link ProgressStore#answered}).</li>
 *   <li>The narration follows the window's language at once.</li>
 * </ul>
 */
public final class LessonMode implements NarrationPanel.Actions {
    /** The name of the helper thread that waits for a lesson's run and resolves the lesson over it. */
    public static final String THREAD_NAME = "iocplab-lesson";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(LessonMode.class.getName());

    private final PlayerModel player;
    private final Texts texts;
    private final ToggleButton button;
    private final BiFunction<String, Scenario, RunSession> load;
    private final Consumer<Node> side;
    private final ProgressStore progress;
    private final StackPane column = new StackPane();
    private final LessonList list;
    private final NarrationPanel narration;

    private boolean active;
    private Course course;
    private RunSession before;
    private Lesson lesson;
    private Lesson lessonOnStage;
    private RunSession lessonRun;
    private LessonWalk walk;
    private String failure;
    private long ticket;
    /** True while lesson mode itself puts a run on the stage (the player may switch to it at once). */
    private boolean loading;
    /** True while the stage shows a run of a goal's knobs instead of the lesson's own scenario. */
    private boolean knobbed;
    private boolean goalRunning;
    /** The homework problem being played, or null for a lesson. */
    private Homework homework;

    /**
     * @param button the toolbar's Lessons button (this class sets its text and what it does)
     * @param load   starts a run in the window (name, scenario) and returns it
     * @param side   shows a node in place of the side column; null puts the side column back
     */
    public LessonMode(PlayerModel player, Texts texts, ToggleButton button,
                      BiFunction<String, Scenario, RunSession> load, Consumer<Node> side, ProgressStore progress) {
        this.player = player;
        this.texts = texts;
        this.button = button;
        this.load = load;
        this.side = side;
        this.progress = progress;
        this.list = new LessonList(texts, this::open, this::openHomework, this::leave);
        this.narration = new NarrationPanel(texts, this);
        column.setId("lesson-column");
        column.getStyleClass().add("lesson-column");
        column.getStylesheets().add(LessonMode.class.getResource("lesson.css").toExternalForm());
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            if (button.isSelected()) {
                enter();
            } else {
                leave();
            }
        });
        texts.localeProperty().addListener((o, was, now) -> localize());
        player.sessionProperty().addListener((o, was, now) -> {
            if (active && !loading && lessonRun != null && now != lessonRun && now != before) {
                quit();                             // another scenario was opened: lesson mode ends
            }
        });
        localize();
    }

    public boolean isActive() {
        return active;
    }

    /** The walk shown now, or null (the list, or a lesson being prepared). */
    public LessonWalk walk() {
        return walk;
    }

    /** The column shown beside the stage in lesson mode: the list or the narration. */
    Node column() {
        return column;
    }

    /** Shows the lesson column with the list of lessons. */
    public void enter() {
        activate();
        list();
    }

    private void activate() {
        if (!active) {
            active = true;
            before = player.session();
            side.accept(column);
        }
        button.setSelected(true);
    }

    /** Puts the side column back, and the run that was on the stage before the lesson. */
    public void leave() {
        boolean lessonShown = lessonRun != null;
        quit();
        if (lessonShown && before != null) {
            load.apply(before.name(), before.scenario());
        }
        before = null;
    }

    private void quit() {
        player.playhead().subjectsProperty().set(List.of());
        active = false;
        ticket++;
        lesson = null;
        lessonOnStage = null;
        lessonRun = null;
        walk = null;
        homework = null;
        knobbed = false;
        goalRunning = false;
        button.setSelected(false);
        side.accept(null);
    }

    /** The list of lessons, with the progress saved so far (the course is read once, in the background). */
    @Override
    public void list() {
        homework = null;
        narration.setHomework(false);
        ticket++;
        walk = null;
        goalRunning = false;
        player.playhead().subjectsProperty().set(List.of());
        lesson = null;
        column.getChildren().setAll(list.node());
        if (course != null) {
            list.show(course, progress);
            return;
        }
        list.showLoading();
        background(Course::packed, c -> {
            course = c;
            c.problems().forEach(p -> LOG.warning(p));
            list.show(c, progress);
        });
    }

    /** Opens a lesson: runs its scenario on the stage, then shows it at the step the student had reached. */
    public void open(Lesson chosen) {
        homework = null;
        int resume = progress.of(chosen.id()).done() ? 0 : Math.max(0, progress.of(chosen.id()).reached());
        start(chosen, null, resume);
    }

    /**
     * Runs the lesson's scenario on the stage and shows step {@code at} over it; {@code carried} is the walk to go
     * on with (the student's answers), or null for a new one.
     */
    private void start(Lesson chosen, LessonWalk carried, int at) {
        activate();
        lesson = chosen;
        lessonOnStage = chosen;
        walk = null;
        failure = null;
        knobbed = false;
        goalRunning = false;
        column.getChildren().setAll(narration.node());
        narration.showPreparing(chosen);
        RunSession session = onStage(chosen.scenario());
        background(() -> resolve(chosen, session), run -> ready(session, run, carried, at));
    }

    /**
     * Opens a lesson's homework for a seed: the problem is made off the JavaFX thread ({@link Homework#generate}:
     * it runs many variations), then played as a lesson ({@link Homework#asLesson}): the changed scenario on the
     * stage, the questions at their moments, asked as in a lesson. Homework leaves the lesson's progress alone.
     */
    public void openHomework(Lesson chosen, long seed) {
        activate();
        lesson = chosen;
        walk = null;
        failure = null;
        column.getChildren().setAll(narration.node());
        narration.showMessage(chosen, texts.get(NarrationPanel.BUNDLE, "homework.preparing", Long.toString(seed)));
        background(() -> Homework.generate(chosen, seed), h -> {
            start(h.asLesson(), null, 0);
            homework = h;
        });
    }

    /** The homework being played, or null. */
    public Homework homework() {
        return homework;
    }

    /**
     * Writes the homework's problem with its answer key, in the window's language, to {@code file}: whole or not at
     * all (a temporary file beside it, moved over it: {@link TraceFile}).
     */
    public void saveKey(Path file) throws IOException {
        if (homework == null) {
            throw new IllegalStateException("no homework is open");
        }
        String text = homework.render(NarrationPanel.lang(texts), true);
        try (TraceFile out = TraceFile.create(file)) {
            out.stream().write(text.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    /** Save answer key: asks where, then writes it; a failure is said under the narration. */
    @Override
    public void saveKey() {
        if (homework == null || column.getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(NarrationPanel.BUNDLE, "homework.key.title"));
        chooser.setInitialFileName(homework.lesson().id() + "-homework-" + homework.seed() + "-key.txt");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Text", "*.txt"));
        java.io.File f = chooser.showSaveDialog(column.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            saveKey(f.toPath());
            narration.showNotice(texts.get(NarrationPanel.BUNDLE, "homework.key.saved", f.toString()));
        } catch (IOException | RuntimeException e) {
            narration.showNotice(texts.get(NarrationPanel.BUNDLE, "homework.key.failed", f.toString(),
                    String.valueOf(e.getMessage())));
        }
    }

    /** The name a lesson's run has in the window (and in its messages): the lesson's file name. */
    private static String runName(Lesson lesson) {
        return lesson.id() + ".yaml";
    }

    /**
     * The title the window shows for {@code session}: when it is the run of the lesson last opened (still on
     * the stage while the list is shown again), that lesson's title in the window's language; else null (the
     * window names the run itself).
     */
    public String titleOf(RunSession session) {
        if (!active || lessonOnStage == null || !session.name().equals(runName(lessonOnStage))) {
            return null;
        }
        return lessonOnStage.title().get(NarrationPanel.lang(texts));
    }

    /** On the helper thread: waits for the run to finish; one that fails, is cut or takes too long is an error. */
    private static void awaitFinished(RunSession session) throws InterruptedException {
        if (!session.awaitEnd(RUN_TIMEOUT)) {
            session.cancel();
            throw new IllegalStateException("the run did not end in " + RUN_TIMEOUT.toSeconds() + " s");
        }
        if (session.status() != RunSession.Status.FINISHED) {
            throw new IllegalStateException(session.failure() != null ? session.failure()
                    : "the run ended " + session.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** On the helper thread: waits for the run and resolves the lesson over its events. */
    private static LessonRun resolve(Lesson lesson, RunSession session) throws InterruptedException {
        awaitFinished(session);
        LessonRun run = LessonRun.of(lesson, session.timeline().events(0, session.timeline().size()));
        if (run.pointOf(0) < 0) {
            throw new IllegalStateException(run.problems().isEmpty() ? "no step is reached"
                    : run.problems().get(0).toString());
        }
        return run;
    }

    private void ready(RunSession session, LessonRun run, LessonWalk carried, int at) {
        if (player.session() != session) {
            player.tick(0);                         // the finished run replaces the one shown now
        }
        walk = carried != null ? carried.over(run, at)
                : new LessonWalk(run, at, homework != null ? java.util.Set.of() : progress.answered(run.lesson().id()));
        showStep();
    }

    private void showStep() {
        narration.setHomework(homework != null);
        if (knobbed) {                              // leaving a goal's run: the lesson's own run comes back first
            start(lesson, walk, walk.step());
            return;
        }
        player.seek(walk.playheadStep());
        CodeFocus focus = walk.run().codeOf(walk.step());
        if (focus != null) {
            player.playhead().selectionProperty().set(new Selection.Thread(focus.thread()));
        }
        player.playhead().subjectsProperty().set(StepSubjects.of(walk.current()));
        narration.show(walk);
        if (homework == null) {
            progress.reached(walk.run().lesson().id(), walk.step());
        }
    }

    /** Continue: the next step, or on the last one, the lesson is done and the list comes back. */
    @Override
    public void next() {
        if (walk == null || !walk.canContinue()) {
            return;
        }
        if (walk.atLast()) {
            if (homework == null) {
                progress.finished(walk.run().lesson().id(), walk.step());
            }
            list();
        } else if (walk.next()) {
            showStep();
        }
    }

    /** The student clicked a choice of the current step's prediction: a hint after a first wrong one, else the answer. */
    @Override
    public void choose(String choiceId) {
        if (walk != null && walk.answer().isPresent() && walk.choose(choiceId) != LessonWalk.Outcome.IGNORED) {
            if (walk.answered() && homework == null) {
                progress.answered(walk.run().lesson().id(), walk.step());
            }
            narration.show(walk);
        }
    }

    /** The student picked a line of the current step's listing: the hint, or the moment its call returns. */
    @Override
    public void pickLine(int line) {
        if (walk == null || walk.current().bug() == null || walk.pickLine(line) == LessonWalk.Outcome.IGNORED) {
            return;
        }
        if (walk.answered()) {
            progress.answered(walk.run().lesson().id(), walk.step());
            player.seek(walk.run().bugPointOf(walk.step()) + 1);
        }
        narration.show(walk);
    }

    @Override
    public void setKnob(int knob, String value) {
        if (walk != null && walk.current().goal() != null && !goalRunning) {
            walk.setKnob(knob, value);
            narration.show(walk);
        }
    }

    /** Sets the knobs to the author's way to the goal (offered after a few runs that missed it). */
    @Override
    public void showAWay() {
        if (walk != null && walk.current().goal() != null && !goalRunning) {
            List<String> way = walk.current().goal().solutionValues();
            for (int k = 0; k < way.size(); k++) {
                walk.setKnob(k, way.get(k));
            }
            narration.show(walk);
        }
    }

    /**
     * Runs the lesson's scenario with the student's knobs on the stage; when it ends, looks for the goal at every
     * stop ({@link GoalCheck}) and, if reached, moves the playhead there.
     */
    @Override
    public void runGoal() {
        if (walk == null || walk.current().goal() == null || goalRunning) {
            return;
        }
        LessonWalk mine = walk;
        GoalExercise goal = mine.current().goal();
        Scenario changed;
        try {
            changed = Knobs.apply(lesson, goal.knobs(), mine.knobValues());
        } catch (InvalidScenarioException e) {
            narration.showNotice(texts.get(NarrationPanel.BUNDLE, "goal.cannotRun", e.problems().get(0).message()));
            return;
        }
        goalRunning = true;
        knobbed = true;
        narration.show(mine, true);
        RunSession session = onStage(changed);
        background(() -> goalResult(goal, session), result -> {
            goalRunning = false;
            if (player.session() != session) {
                player.tick(0);
            }
            mine.goalRun(result);
            if (result.reached()) {
                progress.answered(mine.run().lesson().id(), mine.step());
            }
            player.seek(result.point() + 1);
            narration.show(mine);
        });
    }

    /**
     * Starts a run of {@code scenario} under the lesson's name as the lesson's run on the stage; the player may
     * show it at once, which is lesson mode's own doing, not another scenario opened.
     */
    private RunSession onStage(Scenario scenario) {
        loading = true;
        try {
            lessonRun = load.apply(runName(lesson), scenario);
            return lessonRun;
        } finally {
            loading = false;
        }
    }

    /** On the helper thread: waits for a goal's run and looks for the goal in it. */
    private static LessonWalk.GoalResult goalResult(GoalExercise goal, RunSession session) throws InterruptedException {
        awaitFinished(session);
        List<SimEvent> events = session.timeline().events(0, session.timeline().size());
        int at = GoalCheck.firstReached(goal.goal(), events);
        int point = at >= 0 ? at : events.size() - 1;
        return new LessonWalk.GoalResult(at >= 0, point, events.get(point).moment(), events.get(point).tUs());
    }

    /** Back: the previous step, at its point, exactly as it was shown. */
    @Override
    public void back() {
        if (walk != null && walk.back()) {
            showStep();
        }
    }

    private void localize() {
        button.setText(texts.get(NarrationPanel.BUNDLE, "toolbar.lessons"));
        if (button.getTooltip() == null) {
            button.setTooltip(new Tooltip());
        }
        button.getTooltip().setText(texts.get(NarrationPanel.BUNDLE, "toolbar.lessons.tip"));
        if (!active) {
            return;
        }
        if (walk != null) {
            narration.show(walk, goalRunning);
        } else if (lesson != null && failure != null) {
            narration.showFailure(lesson, failure);
        } else if (lesson != null) {
            narration.showPreparing(lesson);
        } else if (course != null) {
            list.show(course, progress);
        } else {
            list.showLoading();
        }
    }

    /** Runs {@code work} on a helper thread and hands its result to {@code done} on the JavaFX thread,
     *  unless lesson mode moved on meanwhile; a failure is shown in the narration. */
    private <T> void background(Callable<T> work, Consumer<T> done) {
        long mine = ++ticket;
        Lesson about = lesson;
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (mine == ticket) {
                        done.accept(result);
                    }
                });
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> {
                    if (mine == ticket) {
                        failed(about, why);
                    }
                });
            }
        }, THREAD_NAME);
        t.setDaemon(true);
        t.start();
    }

    private void failed(Lesson about, String why) {
        LOG.warning((about == null ? "lessons" : about.id()) + ": " + why);
        failure = why;
        if (about != null) {
            column.getChildren().setAll(narration.node());
            narration.showFailure(about, why);
        }
    }
}
