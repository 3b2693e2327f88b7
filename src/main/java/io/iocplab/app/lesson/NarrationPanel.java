package io.iocplab.app.lesson;

import io.iocplab.app.model.Texts;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.Prediction;
import io.iocplab.scenario.CListing;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The narration beside the stage ({@code narration.fxml}): draws a {@link LessonWalk} in the window's
 * language and passes the student's clicks on. It holds no state of its own: {@link LessonMode} calls
 * {@link #show} after every change, and again when the language changes.
 *
 * <p>A prediction is drawn from its {@link Answer} alone, whatever its kind: one button per
 * {@link Choice} with the choice's label. Before an answer the buttons are live and Continue is off;
 * after it they are off, the clicked one is marked right or wrong, the right one is marked, and the
 * verdict, the engine's explanation and the author's why appear.
 *
 * <p>Hovering the narration shows the glossary's terms it uses, with their definitions ({@link GlossaryTip}).
 *
 * <p>In a lesson with a sweep, the sweep's results ({@link SweepResultsView}) follow once a question about
 * the sweep is answered, and stay on the later steps.
 */
public final class NarrationPanel {
    static final String BUNDLE = "lesson";

    /** What the panel's buttons ask for. */
    public interface Actions extends GoalView.Actions {
        void back();

        void next();

        void list();

        void choose(String choiceId);

        /** The student picked line {@code line} of a bug hunt's listing. */
        void pickLine(int line);

        /** Save answer key (homework): asks where and writes the problem with its key. */
        void saveKey();
    }

    @FXML private VBox root;
    @FXML private Label heading;
    @FXML private Label title;
    @FXML private ScrollPane scroll;
    @FXML private VBox body;
    @FXML private Label say;
    @FXML private VBox codeBox;
    @FXML private Label codeCaption;
    @FXML private Label codeLine;
    @FXML private VBox predictBox;
    @FXML private Label question;
    @FXML private FlowPane choices;
    @FXML private Label verdict;
    @FXML private Label engineAnswer;
    @FXML private Label explain;
    @FXML private Label predictHint;
    @FXML private VBox exercise;
    @FXML private Label hint;
    @FXML private Button keyButton;
    @FXML private Button listButton;
    @FXML private Button backButton;
    @FXML private Button continueButton;

    private final Texts texts;
    private final Actions actions;
    private final SweepResultsView sweep;
    private final BugView bug;
    /** The lesson and step last shown ("id#step"): a redraw of the same step keeps the scroll where the student is. */
    private String shownStep;
    private final GoalView goal;

    public NarrationPanel(Texts texts, Actions actions) {
        this.texts = texts;
        this.actions = actions;
        FXMLLoader loader = new FXMLLoader(NarrationPanel.class.getResource("narration.fxml"));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load narration.fxml", e);
        }
        for (Label l : new Label[] {say, codeCaption, question, engineAnswer, explain, predictHint, hint, title}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // wrapped text takes the lines it needs
        }
        show(keyButton, false);
        sweep = new SweepResultsView(texts);
        body.getChildren().add(sweep.node());
        bug = new BugView(texts, actions::pickLine);
        goal = new GoalView(texts, actions);
    }

    public Node node() {
        return root;
    }

    /** The lesson is being prepared (its scenario runs): its title, its summary and a word saying so. */
    public void showPreparing(Lesson lesson) {
        showMessage(lesson, text("narration.preparing"));
    }

    /** The lesson cannot be shown (its run failed): why, and the way back to the list. */
    public void showFailure(Lesson lesson, String why) {
        showMessage(lesson, text("narration.failed", why));
    }

    /** Whether the narration plays homework (the Save answer key button shows); set before {@link #show}. */
    public void setHomework(boolean homework) {
        show(keyButton, homework);
    }

    void showMessage(Lesson lesson, String message) {
        Lang lang = lang(texts);
        localizeButtons(false);
        heading.setText(text("narration.heading", lesson.number(), "\u2013", lesson.steps().size()));
        title.setText(lesson.title().get(lang));
        say.setText(lesson.summary().get(lang));
        show(codeBox, false);
        show(predictBox, false);
        exercise.getChildren().clear();
        sweep.show(null, lang);
        hint.setText(message);
        backButton.setDisable(true);
        continueButton.setDisable(true);
        shownStep = null;
    }

    /** A word under the narration (a setting that cannot run, ...), until the next {@link #show}. */
    public void showNotice(String message) {
        hint.setText(message);
    }

    /** The walk's current step. */
    public void show(LessonWalk walk) {
        show(walk, false);
    }

    /** The walk's current step; {@code goalRunning} while a run of the student's knobs is on its way. */
    public void show(LessonWalk walk, boolean goalRunning) {
        Lang lang = lang(texts);
        Lesson lesson = walk.run().lesson();
        LessonStep step = walk.current();
        localizeButtons(walk.atLast());
        heading.setText(text("narration.heading", lesson.number(), walk.step() + 1, lesson.steps().size()));
        title.setText(lesson.title().get(lang));
        say.setText(step.say().get(lang));
        say.setTooltip(GlossaryTip.of(step.say().get(lang), lang));
        showCode(walk);
        Answer answer = walk.answer().orElse(null);
        show(predictBox, answer != null);
        if (answer != null) {
            showPrediction(step.predict(), answer, walk, lang);
        }
        exercise.getChildren().clear();
        if (step.bug() != null && walk.run().bugLineOf(walk.step()) >= 0) {
            bug.show(step.bug(), CListing.of(lesson.scenario(), step.bug().thread()), walk.tried(), walk.foundLine(), lang);
            exercise.getChildren().add(bug.node());
        } else if (step.goal() != null) {
            goal.show(step.goal(), walk.run().lesson().scenario(), walk.knobValues(), walk.lastGoalRun(), walk.goalReached(), walk.goalRuns(),
                    goalRunning, lang);
            exercise.getChildren().add(goal.node());
        }
        sweep.show(SweepResults.of(walk.run(), walk.sweepAnswers()), lang);
        hint.setText(walk.canContinue() ? "" : text(step.bug() != null ? "narration.findFirst"
                : step.goal() != null ? "narration.reachFirst" : "narration.answerFirst"));
        backButton.setDisable(walk.atFirst());
        continueButton.setDisable(!walk.canContinue());
        String here = lesson.id() + "#" + walk.step();
        if (!here.equals(shownStep)) {
            scroll.setVvalue(0);                        // a new step is read from its top
            shownStep = here;
        } else if (exercise.getChildren().contains(bug.node()) && bug.hintUnderALine()) {
            ScrollIntoView.show(scroll, bug.feedback());  // a wrong line's hint, where the student is looking
        }
    }

    private void showCode(LessonWalk walk) {
        CodeFocus focus = walk.run().codeOf(walk.step());
        CListing listing = focus == null ? null : CListing.of(walk.run().lesson().scenario(), focus.thread());
        boolean shown = listing != null && focus.line() >= 0 && focus.line() < listing.lines().size();
        show(codeBox, shown);
        if (shown) {
            codeCaption.setText(text("narration.code", focus.thread()));
            codeLine.setText(listing.lines().get(focus.line()).code().strip());
        }
    }

    private void showPrediction(Prediction p, Answer answer, LessonWalk walk, Lang lang) {
        String chosen = walk.chosen();
        java.util.List<String> tried = walk.tried();
        question.setText(p.question().get(lang));
        choices.getChildren().clear();
        for (Choice c : answer.choices()) {
            Button b = new Button(c.label().get(lang));
            b.setMnemonicParsing(false);                // "WAIT_TIMEOUT" shows its underscore: no mnemonic here
            b.setId(choiceNodeId(c.id()));
            b.getStyleClass().add("predict-choice");
            b.setWrapText(true);                        // a long label (a sweep's configuration) wraps in the column
            b.maxWidthProperty().bind(choices.widthProperty());
            b.setUserData(c.id());
            boolean triedIt = tried.contains(c.id());
            if (chosen == null && !triedIt) {
                b.setOnAction(e -> actions.choose(c.id()));
            } else {
                b.setDisable(chosen != null ? !c.id().equals(chosen) && !answer.isCorrect(c.id()) && !triedIt : true);
                b.setMouseTransparent(true);
                b.setFocusTraversable(false);
            }
            if (chosen != null && answer.isCorrect(c.id())) {
                b.getStyleClass().add("right");
            } else if (triedIt) {
                b.getStyleClass().add("wrong");
            }
            choices.getChildren().add(b);
        }
        boolean answered = chosen != null;
        boolean retry = walk.hintShown();
        verdict.getStyleClass().removeAll("right", "wrong");
        if (answered || retry) {
            verdict.getStyleClass().add(answered && answer.isCorrect(chosen) ? "right" : "wrong");
        }
        verdict.setText(answered ? text(answer.isCorrect(chosen) ? "narration.right" : "narration.wrong")
                : retry ? text("narration.tryAgain") : "");
        predictHint.setText(retry ? text("narration.hint") + " " + p.hint().get(lang) : "");
        engineAnswer.setText(!answered ? "" : text("narration.answer", answer.correctChoice().label().get(lang))
                + "\n" + answer.explanation().get(lang));
        explain.setText(!answered || p.explain() == null ? "" : text("narration.why") + " " + p.explain().get(lang));
        show(verdict, answered || retry);
        show(predictHint, retry);
        show(engineAnswer, answered);
        show(explain, answered && p.explain() != null);
    }

    private void localizeButtons(boolean last) {
        keyButton.setText(text("homework.key"));
        listButton.setText(text("narration.list"));
        backButton.setText(text("narration.back"));
        continueButton.setText(text(last ? "narration.finish" : "narration.continue"));
    }

    /**
     * The node id of a choice's button: {@code lesson-choice-} and the choice's id with whatever a CSS id cannot
     * hold made a dash (a sweep's choice is {@code threads=8 concurrency=0}: {@code lesson-choice-threads-8-concurrency-0}).
     */
    static String choiceNodeId(String choiceId) {
        return "lesson-choice-" + choiceId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The lessons' language for the window's: Korean or English. */
    static Lang lang(Texts texts) {
        return texts.locale().getLanguage().equals("ko") ? Lang.KO : Lang.EN;
    }

    private String text(String key, Object... args) {
        return texts.get(BUNDLE, key, args);
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    @FXML
    private void onBack() {
        actions.back();
    }

    @FXML
    private void onContinue() {
        actions.next();
    }

    @FXML
    private void onSaveKey() {
        actions.saveKey();
    }

    @FXML
    private void onList() {
        actions.list();
    }
}
