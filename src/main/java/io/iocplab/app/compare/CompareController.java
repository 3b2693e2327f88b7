package io.iocplab.app.compare;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.stage.StageView;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import io.iocplab.sweep.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
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
    private ComparisonTable table;
    private CompareSetup shown;
    private Stage window;
    private AnimationTimer frames;
    private boolean updatingScrub;
    private boolean updatingSpeed;

    CompareController(Texts texts, Scenario scenario, String runName) {
        this.texts = texts;
        this.scenario = scenario;
        this.runName = runName;
    }

    @FXML
    private void initialize() {
        stageA.getChildren().setAll(new FitPane(new StageView(playheadA, texts).node()));
        stageB.getChildren().setAll(new FitPane(new StageView(playheadB, texts).node()));
        table = new ComparisonTable(comparisonGrid, texts);

        knobChoice.getItems().setAll(CompareSetup.knobs(scenario));
        knobChoice.setCellFactory(list -> new KnobCell());
        knobChoice.setButtonCell(new KnobCell());
        knobChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                showSetup(CompareSetup.defaults(scenario, now));
            }
        });
        for (Spinner<Double> s : List.of(valueA, sleepA, valueB, sleepB)) {
            s.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    commit(s);
                }
            });
        }
        tip(knobChoice, "knob.tip");
        tip(runButton, "run.tip");
        tip(homeButton, "control.home.tip");
        tip(backButton, "control.back.tip");
        tip(forwardButton, "control.forward.tip");
        tip(endButton, "control.end.tip");
        tip(speedSlider, "control.speed.tip");
        tip(scrubBar, "control.scrub.tip");

        speedSlider.setValue(ComparePlayer.positionOf(player.speedProperty().get()));
        speedSlider.valueProperty().addListener((o, was, now) -> {
            if (!updatingSpeed) {
                updatingSpeed = true;
                player.speedProperty().set(ComparePlayer.speedAt(now.doubleValue()));
                updatingSpeed = false;
            }
        });
        player.speedProperty().addListener((o, was, now) -> {
            if (!updatingSpeed) {
                updatingSpeed = true;
                speedSlider.setValue(ComparePlayer.positionOf(now.doubleValue()));
                updatingSpeed = false;
            }
            refreshReadout();
        });
        scrubBar.valueProperty().addListener((o, was, now) -> {
            if (!updatingScrub) {
                player.seek(Math.round(now.doubleValue()));
            }
        });
        player.timeProperty().addListener((o, was, now) -> refreshReadout());
        player.endProperty().addListener((o, was, now) -> refreshReadout());
        player.playingProperty().addListener((o, was, now) -> refreshPlayButton());
        player.comparisonProperty().addListener((o, was, now) -> refreshComparison());
        texts.localeProperty().addListener((o, was, now) -> localize());

        if (!knobChoice.getItems().isEmpty()) {
            Knob first = knobChoice.getItems().contains(Knob.CONCURRENCY) ? Knob.CONCURRENCY : knobChoice.getItems().get(0);
            knobChoice.setValue(first);
        } else {
            runButton.setDisable(true);
        }
        localize();
        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                double seconds = last == 0 ? 0 : (now - last) / 1e9;
                last = now;
                player.tick(seconds);
                refreshStatus();
            }
        };
    }

    /** Called by {@link CompareWindow} once the scene exists: keys, closing, the frames, the first run. */
    void attach(Stage stage, Scene scene) {
        this.window = stage;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        stage.setOnHidden(e -> dispose());
        refreshTitle();
        frames.start();
        if (shown != null) {
            run(shown);
        }
    }

    // ------------------------------------------------------------------ the setup

    private void showSetup(CompareSetup setup) {
        KnobField f = KnobField.of(setup.knob());
        fill(valueA, f.min(), f.max(), f.step(), f.value(setup.a()));
        fill(valueB, f.min(), f.max(), f.step(), f.value(setup.b()));
        fill(sleepA, KnobField.MIN_SLEEP_MS, KnobField.MAX_MS, 0.5, sleepOrOne(setup.a()));
        fill(sleepB, KnobField.MIN_SLEEP_MS, KnobField.MAX_MS, 0.5, sleepOrOne(setup.b()));
        boolean block = setup.knob() == Knob.BLOCK;
        for (Node n : List.of(sleepALabel, sleepA, sleepBLabel, sleepB)) {
            n.setVisible(block);
            n.setManaged(block);
        }
        shown = setup;
        setupMessage.setText("");
    }

    /** The blocking call's length to offer: the setting's, or 1 ms when it has none. */
    private static double sleepOrOne(Setting s) {
        return s.sleepUs() == 0 ? 1 : KnobField.sleepMs(s);
    }

    private static void fill(Spinner<Double> s, double min, double max, double step, double value) {
        s.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value, step));
    }

    /** The setup the spinners say now. */
    CompareSetup setupNow() {
        Knob k = knobChoice.getValue();
        KnobField f = KnobField.of(k);
        for (Spinner<Double> s : List.of(valueA, sleepA, valueB, sleepB)) {
            commit(s);
        }
        Setting a = f.setting(valueA.getValue(), sleepA.getValue());
        Setting b = f.setting(valueB.getValue(), sleepB.getValue());
        return new CompareSetup(k, a, b);
    }

    /** Takes what was typed into a spinner; text that is not a number gives the value back. */
    private static void commit(Spinner<Double> s) {
        SpinnerValueFactory<Double> f = s.getValueFactory();
        if (f == null) {
            return;
        }
        try {
            Double typed = f.getConverter().fromString(s.getEditor().getText().trim());
            if (typed != null) {
                f.setValue(typed);
            }
        } catch (RuntimeException e) {
            // not a number: keep the value
        }
        s.getEditor().setText(f.getConverter().toString(f.getValue()));
    }

    @FXML
    private void onRun() {
        if (knobChoice.getValue() != null) {
            run(setupNow());
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
        player.open(configurations, runName);
        refreshHeaders();
        refreshComparison();
        refreshStatus();
        refreshReadout();
    }

    // ------------------------------------------------------------------ commands

    private void keyPressed(KeyEvent e) {
        if (e.isAltDown() || typingIn(window.getScene().getFocusOwner())) {
            return;
        }
        Keys.of(e.getCode(), e.isShiftDown(), e.isShortcutDown()).ifPresent(c -> {
            boolean used = true;
            switch (c) {
                case PLAY_PAUSE -> player.togglePlay();
                case STEP_FORWARD -> player.stepForward();
                case STEP_BACK -> player.stepBack();
                case HOME -> player.home();
                case END -> player.end();
                case FASTER -> player.faster();
                case SLOWER -> player.slower();
                default -> used = false;
            }
            if (used) {
                e.consume();
            }
        });
    }

    private static boolean typingIn(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner || n instanceof ComboBox) {
                return true;
            }
        }
        return false;
    }

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
            node.getTooltip().setText(texts.get(BUNDLE, key));
        });
        if (knobChoice.getItems().isEmpty()) {
            setupMessage.setText(texts.get(BUNDLE, "setup.noKnob"));
        }
        knobChoice.setButtonCell(new KnobCell());
        refreshTitle();
        refreshHeaders();
        refreshPlayButton();
        refreshReadout();
        refreshStatus();
        refreshComparison();
    }

    private void tip(Control node, String key) {
        tips.put(node, key);
    }

    /** What a setting runs, in words: "concurrency value 2", "4 worker threads" … */
    String describe(Setting s) {
        return switch (s.knob()) {
            case CONCURRENCY -> s.value() == 0
                    ? texts.get(BUNDLE, "value.CONCURRENCY.zero", s.value(), scenario.cpus())
                    : texts.get(BUNDLE, "value.CONCURRENCY", s.value());
            case COMPUTE -> texts.get(BUNDLE, "value.COMPUTE", s.value() / 1000.0);
            case BLOCK -> s.value() == 0 ? texts.get(BUNDLE, "value.BLOCK.none")
                    : texts.get(BUNDLE, "value.BLOCK", s.value(), s.sleepUs() / 1000.0);
            default -> texts.get(BUNDLE, "value." + s.knob(), s.value());
        };
    }

    private void refreshTitle() {
        String name = scenario.title() != null ? scenario.title() : runName;
        scenarioTitle.setText(name);
        if (window != null) {
            window.setTitle(texts.get(BUNDLE, "window.title", name));
        }
    }

    private void refreshHeaders() {
        String a = shown == null ? "" : describe(shown.a());
        String b = shown == null ? "" : describe(shown.b());
        headerA.setText(a);
        headerB.setText(b);
    }

    private void refreshComparison() {
        Comparison c = player.comparisonProperty().get();
        table.show(shown == null ? "" : describe(shown.a()), shown == null ? "" : describe(shown.b()), c);
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

    private void refreshReadout() {
        long t = player.time();
        long end = player.endProperty().get();
        timeLabel.setText(texts.get(BUNDLE, "time", t / 1000.0, end / 1000.0));
        speedValue.setText(texts.get(BUNDLE, "speed.value", player.speedProperty().get() / 1000.0));
        updatingScrub = true;
        try {
            if (scrubBar.getMax() != end) {
                scrubBar.setMax(end);
            }
            if (scrubBar.getValue() != t) {
                scrubBar.setValue(t);
            }
        } finally {
            updatingScrub = false;
        }
    }

    private void refreshPlayButton() {
        boolean playing = player.isPlaying();
        playIcon.getStyleClass().removeAll("icon-play", "icon-pause");
        playIcon.getStyleClass().add(playing ? "icon-pause" : "icon-play");
        if (playButton.getTooltip() == null) {
            playButton.setTooltip(new Tooltip());
        }
        playButton.getTooltip().setText(texts.get(BUNDLE, playing ? "control.pause.tip" : "control.play.tip"));
    }

    /** A knob in the choice box, by its name in the window's language. */
    private final class KnobCell extends ListCell<Knob> {
        @Override
        protected void updateItem(Knob k, boolean empty) {
            super.updateItem(k, empty);
            setText(empty || k == null ? null : texts.get(BUNDLE, "knob." + k));
        }
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

    /** The setup of the runs shown (or about to be, before the window is attached). */
    public CompareSetup shown() {
        return shown;
    }

    /** Sets the setup bar to {@code setup} (without running it). */
    public void showSetupOf(CompareSetup setup) {
        knobChoice.setValue(setup.knob());
        showSetup(setup);
    }

    Playhead playhead(String side) {
        return side.equals("A") ? playheadA : playheadB;
    }

    /** The region of side A's or B's stage. */
    public Region stageRegion(String side) {
        return side.equals("A") ? stageA : stageB;
    }
}
