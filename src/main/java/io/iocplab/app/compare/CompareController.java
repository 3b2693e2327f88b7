package io.iocplab.app.compare;

import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.FrameClock;
import io.iocplab.app.run.Keys;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.stage.StageView;
import io.iocplab.app.widgets.FitPane;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The controller of {@code compare.fxml}: the setup bar makes a {@link CompareSetup}, "Run both"
 * hands its two configurations to the {@link ComparePlayer}, the control bar and the keys drive the
 * player, and the two stages and the table show what it shows.
 *
 * <p>Rules: JavaFX thread only, and it never waits for an engine (each frame calls
 * {@link ComparePlayer#tick}); every text comes from the bundle {@value #BUNDLE} and is set again
 * when the language changes; a setup that cannot run says why beside the button and changes nothing.
 */
public final class CompareController {
    static final String BUNDLE = ComparisonTable.BUNDLE;

    @FXML private Label title;
    @FXML private Label scenarioTitle;
    @FXML private Label knobLabel;
    @FXML private ComboBox<Knob> knobChoice;
    @FXML private Spinner<Double> valueA;
    @FXML private Label sleepALabel;
    @FXML private Spinner<Double> sleepA;
    @FXML private Spinner<Double> valueB;
    @FXML private Label sleepBLabel;
    @FXML private Spinner<Double> sleepB;
    @FXML private Button runButton;
    @FXML private Label setupMessage;
    @FXML private Label headerA;
    @FXML private Label statusA;
    @FXML private StackPane stageA;
    @FXML private Label headerB;
    @FXML private Label statusB;
    @FXML private StackPane stageB;
    @FXML private Label comparisonTitle;
    @FXML private GridPane comparisonGrid;
    @FXML private Label comparisonNote;
    @FXML private Button homeButton;
    @FXML private Button backButton;
    @FXML private Button playButton;
    @FXML private Region playIcon;
    @FXML private Button forwardButton;
    @FXML private Button endButton;
    @FXML private Label speedLabel;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private Slider scrubBar;
    @FXML private Label timeLabel;

    private final Texts texts;
    private final Scenario scenario;
    private final String runName;
    private final Playhead playheadA = new Playhead();
    private final Playhead playheadB = new Playhead();
    private final ComparePlayer player = new ComparePlayer(playheadA, playheadB);
    private final Map<Control, String> tips = new LinkedHashMap<>();
    /** The buttons whose tooltips end with their keys. */
    private final Map<Control, Keys.Command> keys = new LinkedHashMap<>();
    private ComparisonTable table;
    private SetupBar setupBar;
    private PlayheadBar playheadBar;
    private CompareSetup shown;
    private StageView viewA;
    private StageView viewB;
    private Stage window;
    private FrameClock frames;

    CompareController(Texts texts, Scenario scenario, String runName) {
        this.texts = texts;
        this.scenario = scenario;
        this.runName = runName;
    }

    @FXML
    private void initialize() {
        viewA = new StageView(playheadA, texts);
        viewB = new StageView(playheadB, texts);
        stageA.getChildren().setAll(new FitPane(viewA.node(), true));
        stageB.getChildren().setAll(new FitPane(viewB.node(), true));
        table = new ComparisonTable(comparisonGrid, texts);

        setupBar = new SetupBar(texts, scenario, knobChoice, valueA, sleepA, valueB, sleepB,
                List.of(sleepALabel, sleepA, sleepBLabel, sleepB));
        runButton.setDisable(setupBar.empty());
        tip(knobChoice, "knob.tip");
        tip(runButton, "run.tip");
        tip(homeButton, "control.home.tip");
        tip(backButton, "control.back.tip");
        tip(forwardButton, "control.forward.tip");
        tip(endButton, "control.end.tip");
        keys.put(homeButton, Keys.Command.HOME);
        keys.put(backButton, Keys.Command.STEP_BACK);
        keys.put(forwardButton, Keys.Command.STEP_FORWARD);
        keys.put(endButton, Keys.Command.END);
        tip(speedSlider, "control.speed.tip");
        tip(scrubBar, "control.scrub.tip");

        playheadBar = new PlayheadBar(texts, player, speedSlider, speedValue, scrubBar, timeLabel, playButton, playIcon);
        player.comparisonProperty().addListener((o, was, now) -> refreshComparison());
        texts.localeProperty().addListener((o, was, now) -> localize());

        localize();
        frames = new FrameClock(seconds -> {
            player.tick(seconds);
            refreshStatus();
        });
    }

    /** Called by {@link CompareWindow} once the scene exists: keys, closing, the frames, the first run. */
    void attach(Stage stage, Scene scene) {
        this.window = stage;
        Keys.listen(scene, c -> {
            if (c == Keys.Command.CLOSE) {          // Esc, Ctrl+W (⌘W)
                stage.close();
                return true;
            }
            return playheadBar.command(c);
        });
        Keys.focusOnWindow(scene);
        stage.setOnHidden(e -> dispose());
        refreshTitle();
        frames.start();
        if (!setupBar.empty()) {
            run(setupBar.setup());
        }
    }

    // ------------------------------------------------------------------ the setup

    @FXML
    private void onRun() {
        CompareSetup setup = setupBar.setup();
        if (setup != null) {
            run(setup);
        }
    }

    /** Runs both sides of {@code setup}; a setup that cannot run says why and leaves the runs shown. */
    public void run(CompareSetup setup) {
        if (setup.same()) {
            setupMessage.setText(texts.get(BUNDLE, "setup.same"));
            return;
        }
        List<Configuration> configurations;
        try {
            configurations = setup.configurations(scenario);
        } catch (IllegalArgumentException e) {
            setupMessage.setText(texts.get(BUNDLE, "setup.invalid", e.getMessage()));
            return;
        }
        setupMessage.setText("");
        shown = setup;
        viewA.setScenario(configurations.get(0).scenario());
        viewB.setScenario(configurations.get(1).scenario());
        if (window != null && window.getScene() != null) {
            window.getScene().getRoot().requestFocus();    // the keys step the playhead again, not the last spinner
        }
        player.open(configurations, runName);
        refreshHeaders();
        refreshComparison();
        refreshStatus();
        playheadBar.refresh();
    }

    // ------------------------------------------------------------------ commands

    @FXML
    private void onHome() {
        player.home();
    }

    @FXML
    private void onStepBack() {
        player.stepBack();
    }

    @FXML
    private void onPlayPause() {
        player.togglePlay();
    }

    @FXML
    private void onStepForward() {
        player.stepForward();
    }

    @FXML
    private void onEnd() {
        player.end();
    }

    // ------------------------------------------------------------------ texts

    private void localize() {
        title.setText(texts.get(BUNDLE, "title"));
        knobLabel.setText(texts.get(BUNDLE, "knob"));
        sleepALabel.setText(texts.get(BUNDLE, "sleep"));
        sleepBLabel.setText(texts.get(BUNDLE, "sleep"));
        runButton.setText(texts.get(BUNDLE, "run"));
        speedLabel.setText(texts.get(BUNDLE, "control.speed"));
        comparisonTitle.setText(texts.get(BUNDLE, "comparison.title"));
        tips.forEach((node, key) -> {
            if (node.getTooltip() == null) {
                node.setTooltip(new Tooltip());
            }
            String tip = texts.get(BUNDLE, key);
            Keys.Command c = keys.get(node);
            node.getTooltip().setText(c == null ? tip : tip + Keys.hint(c, k -> texts.get("messages", k)));
            node.setAccessibleText(tip);
        });
        if (setupBar.empty()) {
            setupMessage.setText(texts.get(BUNDLE, "setup.noKnob"));
        }
        setupBar.relabel();
        refreshTitle();
        refreshHeaders();
        playheadBar.refresh();
        refreshStatus();
        refreshComparison();
    }

    private void tip(Control node, String key) {
        tips.put(node, key);
    }

    private void refreshTitle() {
        String name = Welcome.titleOf(texts, runName, scenario);
        scenarioTitle.setText(name);
        if (window != null) {
            window.setTitle(texts.get(BUNDLE, "window.title", name));
        }
    }

    private void refreshHeaders() {
        String a = shown == null ? "" : setupBar.describe(shown.a());
        String b = shown == null ? "" : setupBar.describe(shown.b());
        headerA.setText(a);
        headerB.setText(b);
    }

    private void refreshComparison() {
        Comparison c = player.comparisonProperty().get();
        table.show(shown == null ? "" : setupBar.describe(shown.a()), shown == null ? "" : setupBar.describe(shown.b()), c);
        if (c == null) {
            comparisonNote.setText(texts.get(BUNDLE, "note.waiting"));
        } else if (!c.complete()) {
            comparisonNote.setText(texts.get(BUNDLE, "note.missing", c.a() == null ? "A" : "B"));
        } else {
            comparisonNote.setText(texts.get(BUNDLE, "note.done", scenario.seed(),
                    texts.get(BUNDLE, "knob." + shown.knob())));
        }
    }

    private void refreshStatus() {
        List<Side> sides = player.sides();
        if (sides.size() == 2) {
            statusA.setText(status(sides.get(0)));
            statusB.setText(status(sides.get(1)));
        }
    }

    private String status(Side s) {
        RunSession r = s.session();
        RunSession.Status st = r.status();
        return texts.get(BUNDLE, "status." + st, r.timeline().size(), s.playhead().step(), String.valueOf(r.failure()));
    }

    // ------------------------------------------------------------------ for the window and the tests

    /** Stops the frames and both runs; called when the window closes. */
    public void dispose() {
        if (frames != null) {
            frames.stop();
        }
        player.dispose();
    }

    public ComparePlayer player() {
        return player;
    }

    /** The setup of the runs shown (null before the first run). */
    public CompareSetup shown() {
        return shown;
    }

    /** Puts {@code setup} into the setup bar, without running it. */
    public void showInSetupBar(CompareSetup setup) {
        setupBar.show(setup);
        setupMessage.setText("");
    }

    Playhead playhead(String side) {
        return side.equals("A") ? playheadA : playheadB;
    }

    /** The region of side A's or B's stage. */
    public Region stageRegion(String side) {
        return side.equals("A") ? stageA : stageB;
    }
}
