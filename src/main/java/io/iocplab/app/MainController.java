package io.iocplab.app;

import io.iocplab.app.code.CodeView;
import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.history.HistoryView;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import io.iocplab.app.run.Keys.Command;
import io.iocplab.app.run.Notice;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.side.ParametersPanel;
import io.iocplab.app.side.WhyPanel;
import io.iocplab.app.stage.StageView;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.timeline.ViewState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The controller of {@code main.fxml}: wires the toolbar, the control bar and the keys to the
 * {@link PlayerModel}, fills the regions with the views, and does what the toolbar asks (open,
 * export, language, presenter mode, help). It holds no state of the run itself: the player does.
 *
 * <p>Rules:
 * <ul>
 *   <li>JavaFX thread only. It never waits for the engine: each frame (an {@link AnimationTimer})
 *       calls {@link PlayerModel#tick}, which reads what the engine produced so far.</li>
 *   <li>Every visible text comes from the {@value #BUNDLE} bundle through {@link Texts}, and is set
 *       again when the language changes ({@link #localize()}); the views do the same with theirs.</li>
 *   <li>A scenario file with mistakes is shown in a dialog with its {@code FILE:LINE:COLUMN: message}
 *       lines and changes nothing else: the current run keeps going.</li>
 *   <li>Saving (PNG, trace) writes whole files or nothing, off the JavaFX thread.</li>
 * </ul>
 */
public final class MainController {
    /** The shell's bundle, {@code io.iocplab.app.messages}. */
    static final String BUNDLE = "messages";
    private static final Duration NOTICE_TIME = Duration.seconds(5);
    private static final String PRESENTER_CSS = MainController.class.getResource("presenter.css").toExternalForm();

    @FXML private BorderPane root;
    @FXML private Label appTitle;
    @FXML private Label scenarioTitle;
    @FXML private Button openButton;
    @FXML private Button exportPngButton;
    @FXML private Button exportTraceButton;
    @FXML private Button compareButton;
    @FXML private Button experimentsButton;
    @FXML private ToggleButton englishButton;
    @FXML private ToggleButton koreanButton;
    @FXML private ToggleButton presenterButton;
    @FXML private Button helpButton;
    @FXML private ToggleButton lessonsButton;
    @FXML private SplitPane columns;
    @FXML private SplitPane sideColumn;
    @FXML private StackPane stageRegion;
    @FXML private StackPane codeRegion;
    @FXML private StackPane historyRegion;
    @FXML private StackPane whyRegion;
    @FXML private StackPane parametersRegion;
    @FXML private HBox noticeBox;
    @FXML private Label noticeText;
    @FXML private Button homeButton;
    @FXML private Button backButton;
    @FXML private Button playButton;
    @FXML private Region playIcon;
    @FXML private Button forwardButton;
    @FXML private Button endButton;
    @FXML private Button resetButton;
    @FXML private Label speedLabel;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private Slider scrubBar;
    @FXML private Label stepLabel;
    @FXML private Label runStatus;

    private final Texts texts;
    private final Playhead playhead;
    private final PlayerModel player;
    private final Map<Labeled, String> labels = new LinkedHashMap<>();
    private final Map<Control, String> tips = new LinkedHashMap<>();
    private final PauseTransition noticeTimer = new PauseTransition(NOTICE_TIME);
    private final ShellDialogs dialogs;

    private Consumer<Scenario> codeScenario = s -> { };
    private Consumer<Scenario> parametersScenario = s -> { };
    private Stage window;
    private Scene scene;
    private RunSession restarting;
    private String welcomeTitle;
    private Notice shownNotice;
    private boolean presenter;
    private boolean updatingScrub;
    private boolean updatingSpeed;
    private AnimationTimer frames;
    private LessonMode lessons;
    private ExperimentsWindow experiments;

    MainController(Texts texts) {
        this.texts = texts;
        this.playhead = new Playhead();
        this.player = new PlayerModel(playhead);
        this.dialogs = new ShellDialogs(texts, () -> presenter);
    }

    // ------------------------------------------------------------------ set-up

    @FXML
    private void initialize() {
        stageRegion.getChildren().setAll(stageView());
        codeRegion.getChildren().setAll(codeView());
        historyRegion.getChildren().setAll(historyView());
        whyRegion.getChildren().setAll(whyPanel());
        parametersRegion.getChildren().setAll(parametersPanel());
        lessons = new LessonMode(player, texts, lessonsButton, this::load, this::showSide, ProgressStore.standard());

        text(appTitle, "app.title");
        text(openButton, "toolbar.open");
        text(exportPngButton, "toolbar.exportPng");
        text(exportTraceButton, "toolbar.exportTrace");
        text(compareButton, "toolbar.compare");
        text(experimentsButton, "toolbar.experiments");
        text(englishButton, "language.en");
        text(koreanButton, "language.ko");
        text(presenterButton, "toolbar.presenter");
        text(helpButton, "toolbar.help");
        text(resetButton, "control.reset");
        text(speedLabel, "control.speed");
        tip(openButton, "toolbar.open.tip");
        tip(exportPngButton, "toolbar.exportPng.tip");
        tip(exportTraceButton, "toolbar.exportTrace.tip");
        tip(compareButton, "toolbar.compare.tip");
        tip(experimentsButton, "toolbar.experiments.tip");
        tip(englishButton, "language.tip");
        tip(koreanButton, "language.tip");
        tip(presenterButton, "toolbar.presenter.tip");
        tip(helpButton, "toolbar.help.tip");
        tip(homeButton, "control.home.tip");
        tip(backButton, "control.back.tip");
        tip(forwardButton, "control.forward.tip");
        tip(endButton, "control.end.tip");
        tip(resetButton, "control.reset.tip");
        tip(speedSlider, "control.speed.tip");
        tip(scrubBar, "control.scrub.tip");

        for (Region r : List.of(appTitle, openButton, exportPngButton, exportTraceButton, englishButton, koreanButton,
                presenterButton, helpButton, homeButton, backButton, playButton, forwardButton, endButton, resetButton,
                speedLabel, speedValue, stepLabel)) {
            r.setMinWidth(Region.USE_PREF_SIZE);    // the scenario title and the scrub bar give way, not these
        }

        ToggleGroup languages = new ToggleGroup();
        englishButton.setToggleGroup(languages);
        koreanButton.setToggleGroup(languages);
        englishButton.setUserData(Texts.ENGLISH);
        koreanButton.setUserData(Texts.KOREAN);
        languages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                languages.selectToggle(was);        // one language is always chosen
            } else {
                texts.localeProperty().set((Locale) now.getUserData());
            }
        });
        texts.localeProperty().addListener((o, was, now) -> localize());

        speedSlider.setValue(PlayerModel.positionOf(player.speed()));
        speedSlider.valueProperty().addListener((o, was, now) -> {
            if (!updatingSpeed) {
                updatingSpeed = true;
                player.speedProperty().set(PlayerModel.speedAt(now.doubleValue()));
                updatingSpeed = false;
            }
            refreshSpeed();
        });
        player.speedProperty().addListener((o, was, now) -> {
            if (!updatingSpeed) {
                updatingSpeed = true;
                speedSlider.setValue(PlayerModel.positionOf(now.doubleValue()));
                updatingSpeed = false;
            }
            refreshSpeed();
        });

        scrubBar.setBlockIncrement(1);
        scrubBar.valueProperty().addListener((o, was, now) -> {
            if (!updatingScrub) {
                player.seek((int) Math.round(now.doubleValue()));
            }
        });
        player.producedProperty().addListener((o, was, now) -> refreshReadout());
        player.stepProperty().addListener((o, was, now) -> refreshReadout());
        player.statusProperty().addListener((o, was, now) -> refreshReadout());
        player.playingProperty().addListener((o, was, now) -> refreshPlayButton());
        player.noticeProperty().addListener((o, was, now) -> showNotice(now));
        player.sessionProperty().addListener((o, was, now) -> sessionShown(now));

        noticeTimer.setOnFinished(e -> hideNotice());
        localize();

        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                double seconds = last == 0 ? 0 : (now - last) / 1e9;
                last = now;
                player.tick(seconds);
            }
        };
        frames.start();
    }

    /** Connects the controller to its window: keys, drag and drop, full screen, closing. */
    void attach(Stage stage, Scene scene) {
        this.window = stage;
        this.scene = scene;
        dialogs.setOwner(stage);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                Path file = files.get(0).toPath();
                Platform.runLater(() -> open(file));  // after the drop is done, so a dialog cannot block it
            }
        });
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now && presenter) {
                setPresenter(false);                // Esc left full screen: leave presenter mode too
            }
        });
        stage.setOnHidden(e -> dispose());
        refreshTitle();
    }

    // ------------------------------------------------------------------ the views (io.iocplab.app.stage/code/history/side)

    private Node stageView() {
        return new StageView(playhead, texts).node();
    }

    private Node codeView() {
        CodeView view = new CodeView(playhead, texts);
        codeScenario = view::setScenario;
        return view.node();
    }

    private Node historyView() {
        return new HistoryView(playhead, texts).node();
    }

    private Node whyPanel() {
        return new WhyPanel(playhead, texts).node();
    }

    private Node parametersPanel() {
        ParametersPanel panel = new ParametersPanel(texts, this::applyChange);
        parametersScenario = panel::setScenario;
        return panel.node();
    }

    // ------------------------------------------------------------------ runs

    /**
     * Opens a scenario file: a valid one starts a new run (shown once it has begun, the current one
     * until then); one with mistakes shows them in a dialog and changes nothing else.
     */
    public void open(Path file) {
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (InvalidScenarioException e) {
            dialogs.showProblems(file, e.problems());
            return;
        } catch (IOException | RuntimeException e) {
            dialogs.showReadError(file, e);
            return;
        }
        dialogs.usedFile(file);
        load(file.getFileName().toString(), s);
    }

    /** Starts the welcome scenario (its title is shown in the window's language). */
    public void loadWelcome() {
        Scenario welcome = MainWindow.welcomeScenario();
        welcomeTitle = welcome.title();
        load(MainWindow.WELCOME_NAME, welcome);
    }

    /** Starts a run of {@code scenario}, named {@code name} in messages, and shows it from step 0. */
    public RunSession load(String name, Scenario scenario) {
        RunSession session = RunSession.start(name, scenario);
        player.open(session);
        return session;
    }

    /** Shows {@code panel} in place of the side column (why, parameters); null puts the side column back. */
    private void showSide(Node panel) {
        double[] dividers = columns.getDividerPositions();
        columns.getItems().set(1, panel == null ? sideColumn : panel);
        columns.setDividerPositions(dividers);
    }

    /**
     * The parameters changed: runs the changed scenario (it keeps the seed it was given) and brings
     * it to the current step, saying so.
     */
    public void applyChange(Scenario changed) {
        RunSession current = player.session();
        String name = current == null ? "scenario" : current.name();
        restarting = RunSession.start(name, changed);
        player.restart(restarting);
    }

    private void sessionShown(RunSession session) {
        if (session == null) {
            return;
        }
        Scenario s = session.scenario();
        codeScenario.accept(s);
        if (session != restarting) {
            playhead.selectionProperty().set(null);
            parametersScenario.accept(s);
        }
        restarting = null;
        refreshTitle();
        refreshReadout();
    }

    // ------------------------------------------------------------------ commands

    /** Does what a key (or its button) asks. */
    public void command(Command c) {
        switch (c) {
            case PLAY_PAUSE -> player.togglePlay();
            case STEP_FORWARD -> player.stepForward();
            case STEP_BACK -> player.stepBack();
            case HOME -> player.home();
            case END -> player.end();
            case FASTER -> player.faster();
            case SLOWER -> player.slower();
            case RESET -> player.reset();
            case HELP -> showHelp();
            case PRESENTER -> setPresenter(!presenter);
            case OPEN -> onOpen();
            default -> throw new IllegalStateException("unknown command " + c);
        }
    }

    private void keyPressed(KeyEvent e) {
        if (e.isAltDown() || typingIn(scene.getFocusOwner())) {
            return;
        }
        Keys.of(e.getCode(), e.isShiftDown(), e.isShortcutDown()).ifPresent(c -> {
            e.consume();
            command(c);
        });
    }

    /** Whether keys should go to the focused control (a text field or spinner of the parameters). */
    private static boolean typingIn(Node focused) {
        for (Node n = focused; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner || n instanceof ComboBoxBase) {
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

    @FXML
    private void onReset() {
        player.reset();
    }

    @FXML
    private void onOpen() {
        Path file = dialogs.chooseScenario();
        if (file != null) {
            open(file);
        }
    }

    @FXML
    private void onExportPng() {
        Path file = dialogs.chooseTarget("dialog.exportPng.title", "dialog.exportPng.filter", "*.png",
                "iocplab-step-" + player.step() + ".png");
        if (file != null) {
            exportPng(file);
        }
    }

    @FXML
    private void onExportTrace() {
        String base = player.session() == null ? "iocplab" : stripExtension(player.session().name());
        Path file = dialogs.chooseTarget("dialog.exportTrace.title", "dialog.exportTrace.filter", "*.jsonl",
                base + ".jsonl");
        if (file != null) {
            exportTrace(file);
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Opens the A/B comparison of the scenario shown (io.iocplab.app.compare). */
    @FXML
    private void onCompare() {
        if (player.session() != null) {
            CompareWindow.open(window, texts, player.session().scenario(), player.session().name());
        }
    }

    /** Opens the experiments window (once; then brings it to the front): sweeps and their charts. */
    @FXML
    private void onExperiments() {
        if (experiments == null) {
            experiments = ExperimentsWindow.create(window, texts,
                    () -> player.session() == null ? null : player.session().scenario(), this::load);
        }
        experiments.show();
    }

    @FXML
    private void onPresenter() {
        setPresenter(presenterButton.isSelected());
    }

    @FXML
    private void onHelp() {
        showHelp();
    }

    @FXML
    private void onNoticeClicked() {
        hideNotice();
    }

    @FXML
    private void onNoticeClose() {
        hideNotice();
    }

    // ------------------------------------------------------------------ export

    /** Saves the window as it is now as a PNG file (the picture is taken now, written in the background). */
    public void exportPng(Path target) {
        Exports.png(Pictures.snapshot(scene), target, this::showNotice);
    }

    /** Saves the run's events so far as a JSONL trace (written in the background). */
    public void exportTrace(Path target) {
        RunSession session = player.session();
        if (session != null) {
            Exports.trace(session.timeline(), session.timeline().size(), target, this::showNotice);
        }
    }

    // ------------------------------------------------------------------ language, presenter mode

    /** Switches every text of the window to {@code locale} (English or Korean). */
    public void setLocale(Locale locale) {
        (locale.getLanguage().equals("ko") ? koreanButton : englishButton).setSelected(true);
    }

    /** Presenter mode: the type 1.6 times larger, high contrast, full screen. */
    public void setPresenter(boolean on) {
        presenter = on;
        presenterButton.setSelected(on);
        if (on) {
            if (!root.getStyleClass().contains("presenter")) {
                root.getStyleClass().add("presenter");
            }
            if (scene != null && !scene.getStylesheets().contains(PRESENTER_CSS)) {
                scene.getStylesheets().add(PRESENTER_CSS);
            }
        } else {
            root.getStyleClass().remove("presenter");
            if (scene != null) {
                scene.getStylesheets().remove(PRESENTER_CSS);
            }
        }
        if (window != null && window.isFullScreen() != on) {
            window.setFullScreenExitHint(texts.get(BUNDLE, "notice.presenter"));
            window.setFullScreen(on);
        }
    }

    public boolean isPresenter() {
        return presenter;
    }

    private void localize() {
        boolean korean = texts.locale().getLanguage().equals("ko");
        (korean ? koreanButton : englishButton).setSelected(true);
        labels.forEach((node, key) -> node.setText(texts.get(BUNDLE, key)));
        tips.forEach((node, key) -> {
            if (node.getTooltip() == null) {
                node.setTooltip(new Tooltip());
            }
            node.getTooltip().setText(texts.get(BUNDLE, key));
        });
        refreshPlayButton();
        refreshSpeed();
        refreshReadout();
        refreshTitle();
        if (shownNotice != null) {
            noticeText.setText(texts.get(BUNDLE, shownNotice.key(), shownNotice.argArray()));
        }
        dialogs.localize();
    }

    private void text(Labeled node, String key) {
        labels.put(node, key);
        node.setText(texts.get(BUNDLE, key));
    }

    private void tip(Control node, String key) {
        tips.put(node, key);
    }

    // ------------------------------------------------------------------ readouts

    private void refreshReadout() {
        ViewState s = playhead.state();
        int step = s == null ? 0 : s.step();
        long tUs = s == null ? 0 : s.tUs();
        int produced = player.produced();
        stepLabel.setText(texts.get(BUNDLE, "status.step", step, produced, tUs / 1000.0));
        updatingScrub = true;
        try {
            if (scrubBar.getMax() != produced) {
                scrubBar.setMax(produced);
            }
            if (scrubBar.getValue() != step) {
                scrubBar.setValue(step);
            }
        } finally {
            updatingScrub = false;
        }
        RunSession session = player.session();
        RunSession.Status status = player.statusProperty().get();
        runStatus.getStyleClass().removeAll("failed", "cut");
        if (session == null) {
            runStatus.setText("");
            return;
        }
        switch (status) {
            case RUNNING -> runStatus.setText(texts.get(BUNDLE, "run.running", produced));
            case FINISHED -> runStatus.setText(texts.get(BUNDLE, "run.finished", produced));
            case CUT -> {
                runStatus.setText(texts.get(BUNDLE, "run.cut", produced));
                runStatus.getStyleClass().add("cut");
            }
            case FAILED -> {
                runStatus.setText(texts.get(BUNDLE, "run.failed", String.valueOf(session.failure())));
                runStatus.getStyleClass().add("failed");
            }
            case CANCELLED -> runStatus.setText(texts.get(BUNDLE, "run.cancelled"));
            default -> runStatus.setText("");
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

    private void refreshSpeed() {
        speedValue.setText(texts.get(BUNDLE, "speed.value", player.speed()));
    }

    /** The welcome run, or a restart of it with other settings: its title has a translation. */
    private boolean isWelcome(RunSession session) {
        return welcomeTitle != null && MainWindow.WELCOME_NAME.equals(session.name())
                && welcomeTitle.equals(session.scenario().title());
    }

    private void refreshTitle() {
        RunSession session = player.session();
        String lessonTitle = session == null ? null : lessons.titleOf(session);
        String name = session == null ? null
                : lessonTitle != null ? lessonTitle
                : isWelcome(session) ? texts.get(BUNDLE, "welcome.title")
                : session.scenario().title() != null ? session.scenario().title() : session.name();
        scenarioTitle.setText(name == null ? "" : name);
        if (window != null) {
            window.setTitle(name == null ? texts.get(BUNDLE, "window.title") : texts.get(BUNDLE, "window.titleWith", name));
        }
    }

    // ------------------------------------------------------------------ notices and dialogs

    private void showNotice(Notice n) {
        if (n == null) {
            return;
        }
        shownNotice = n;
        noticeText.setText(texts.get(BUNDLE, n.key(), n.argArray()));
        noticeBox.getStyleClass().remove("error");
        if (n.kind() == Notice.Kind.ERROR) {
            noticeBox.getStyleClass().add("error");
        }
        noticeBox.setVisible(true);
        noticeTimer.stop();
        if (n.kind() == Notice.Kind.INFO) {
            noticeTimer.playFromStart();
        }
    }

    private void hideNotice() {
        noticeTimer.stop();
        noticeBox.setVisible(false);
        shownNotice = null;
    }

    /** The sheet of every key ({@code ?}); shown again, it closes. */
    public void showHelp() {
        dialogs.toggleHelp();
    }

    // ------------------------------------------------------------------ for the window, the tests, the screenshots

    /** Stops the frames and every run; called when the window closes. */
    public void dispose() {
        if (frames != null) {
            frames.stop();
        }
        noticeTimer.stop();
        player.dispose();
        if (experiments != null) {
            experiments.close();
        }
    }

    public PlayerModel player() {
        return player;
    }

    public Playhead playhead() {
        return playhead;
    }

    public Texts texts() {
        return texts;
    }

    /** Lesson mode: the Lessons button, the list and the lesson player. */
    public LessonMode lessons() {
        return lessons;
    }

    /** The region that holds the stage view (for snapshots). */
    public Region stageRegion() {
        return stageRegion;
    }

    /** The last problems or read-error dialog shown, or null. */
    Alert problemsDialog() {
        return dialogs.problems();
    }

    /** The root of the window's scene graph. */
    Parent root() {
        return root;
    }

    /** The regions of the window, by name, for tests: stage, code, history, why, parameters. */
    Map<String, StackPane> regions() {
        Map<String, StackPane> m = new LinkedHashMap<>();
        m.put("stage", stageRegion);
        m.put("code", codeRegion);
        m.put("history", historyRegion);
        m.put("why", whyRegion);
        m.put("parameters", parametersRegion);
        return m;
    }
}
