package io.iocplab.app;

import io.iocplab.app.code.CodeView;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.history.HistoryView;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Pointer;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.FrameClock;
import io.iocplab.app.run.Keys;
import io.iocplab.app.run.Keys.Command;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.side.ParametersPanel;
import io.iocplab.app.side.WhyPanel;
import io.iocplab.app.stage.StageView;
import io.iocplab.app.widgets.FitPane;
import io.iocplab.app.widgets.GiveWay;
import io.iocplab.app.widgets.ToolbarPane;
import io.iocplab.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The controller of {@code main.fxml}: fills the regions with the views, connects the toolbar, the
 * control bar and the keys to the {@link PlayerModel}, and hands each toolbar action to the class
 * that does it: {@link ControlBar}, {@link NoticeBar}, {@link FileActions} (open, drag and drop,
 * export), {@link LanguageButtons}, {@link PresenterMode}, {@link ToolWindows} (compare, experiments),
 * {@link LessonMode} and {@link ShellDialogs} (help). It holds no state of the run itself: the player does.
 *
 * <p>Rules:
 * <ul>
 *   <li>JavaFX thread only. It never waits for the engine: each frame (a {@link FrameClock})
 *       calls {@link PlayerModel#tick}, which reads what the engine produced so far.</li>
 *   <li>Every visible text comes from the {@value #BUNDLE} bundle through {@link Texts}, and is set
 *       again when the language changes ({@link #localize()}); the views do the same with theirs.</li>
 * </ul>
 */
public final class MainController {
    /** The shell's bundle, {@code io.iocplab.app.messages}. */
    static final String BUNDLE = "messages";

    @FXML private BorderPane root;
    @FXML private ToolbarPane toolbar;
    @FXML private Label scenarioTitle;
    @FXML private MenuButton viewButton;
    @FXML private SplitMenuButton openButton;
    @FXML private SplitPane rows;
    @FXML private SplitPane lowerRow;
    @FXML private ToggleButton englishButton;
    @FXML private ToggleButton koreanButton;
    @FXML private ToggleButton presenterButton;
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
    @FXML private Button playButton;
    @FXML private Region playIcon;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private Slider scrubBar;
    @FXML private Label stepLabel;
    @FXML private Label runStatus;

    private final Texts texts;
    private final Appearance look;
    private final Prefs prefs;
    private final Playhead playhead;
    private final PlayerModel player;
    private final ShellDialogs dialogs;
    private final FileActions files;
    private final ToolWindows tools;
    private final FrameClock frames;

    private ShellLabels labels;
    private ScenarioTitle title;
    private CodeView code;
    private StageView stage;
    private WhyPanel why;
    private ParametersPanel parameters;
    private ControlBar controlBar;
    private NoticeBar notices;
    private LanguageButtons languages;
    private PresenterMode presenter;
    private LessonMode lessons;
    private ViewMenu viewMenu;
    private Blank blank;
    private RunSession restarting;

    /** {@code prefs} receives every change the user makes (language, theme, zoom, folders, files). */
    MainController(Texts texts, Appearance look, Prefs prefs) {
        this.texts = texts;
        this.look = look;
        this.prefs = prefs;
        this.playhead = new Playhead();
        this.player = new PlayerModel(playhead);
        this.dialogs = new ShellDialogs(texts, look, prefs);
        this.files = new FileActions(dialogs, player, this::load, l -> lessons.open(l), n -> notices.show(n));
        this.tools = new ToolWindows(texts, look, player, this::load);
        this.frames = new FrameClock(player::tick);
    }

    // ------------------------------------------------------------------ set-up

    @FXML
    private void initialize() {
        labels = new ShellLabels(texts, root);     // before the views are in the regions
        title = new ScenarioTitle(texts, player, scenarioTitle);
        code = new CodeView(playhead, texts);
        parameters = new ParametersPanel(texts, this::applyChange);
        // on a small screen, or in presenter mode's large type, the stage is drawn smaller rather than cut
        stage = new StageView(playhead, texts);
        stageRegion.getChildren().setAll(new FitPane(stage.node(), false));
        codeRegion.getChildren().setAll(code.node());
        historyRegion.getChildren().setAll(new HistoryView(playhead, texts).node());
        why = new WhyPanel(playhead, texts);
        whyRegion.getChildren().setAll(scrolling(why.node()));
        parametersRegion.getChildren().setAll(scrolling(parameters.node()));
        ProgressStore progress = ProgressStore.standard();
        lessons = new LessonMode(player, texts, lessonsButton, this::load, this::showSide, progress);
        title.setLessonTitles(lessons::titleOf);

        languages = new LanguageButtons(texts, englishButton, koreanButton);
        int at = toolbar.getChildren().indexOf(scenarioTitle);
        toolbar.getChildren().remove(at);                  // out first: the GiveWay takes it as its own child
        toolbar.getChildren().add(at, new GiveWay(scenarioTitle));
        presenter = new PresenterMode(texts, look, presenterButton,
                List.of(openButton, root.lookup("#exportPngButton"), root.lookup("#exportTraceButton"),
                        root.lookup("#compareButton"), root.lookup("#experimentsButton"), viewButton,
                        root.lookup("#speedLabel"), speedSlider, speedValue, root.lookup("#resetButton")),
                columns, rows, lowerRow, sideColumn, stageRegion);
        viewMenu = new ViewMenu(texts, look, viewButton);
        new RecentFiles(texts, prefs, openButton, this::open);
        look.presenterProperty().addListener((o, was, now) -> code.setCompact(now && !presenter.shows(PresenterMode.Part.CODE)));
        notices = new NoticeBar(texts, noticeBox, noticeText);
        progress.onTrouble(n -> notices.show(n));                // a progress file set aside, or not saved
        controlBar = new ControlBar(texts, player, playhead, playButton, playIcon, speedSlider, speedValue, scrubBar,
                stepLabel, runStatus);
        texts.localeProperty().addListener((o, was, now) -> {
            prefs.setLanguage(now);
            localize();
        });
        look.themeProperty().addListener((o, was, now) -> prefs.setTheme(now));
        look.zoomProperty().addListener((o, was, now) -> prefs.setZoom(now.doubleValue()));
        player.noticeProperty().addListener((o, was, now) -> notices.show(now));
        player.sessionProperty().addListener((o, was, now) -> sessionShown(now));
        localize();

        frames.start();
    }

    /** A side panel in a scroll pane: a long answer or many knobs scroll, never cut. */
    private static Node scrolling(Node panel) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("side-scroll");
        return scroll;
    }

    /** Connects the controller to its window: keys, drag and drop, full screen, the blank screen, closing. */
    void attach(Stage stage, Scene scene, Blank blank) {
        this.blank = blank;
        title.setWindow(stage);
        dialogs.setOwner(stage);
        tools.setOwner(stage);
        Keys.listen(scene, this::command);
        Keys.focusOnWindow(scene);
        files.acceptDrops(scene);
        presenter.attach(stage);
        look.attach(scene);
        stage.setOnHidden(e -> dispose());
        title.refresh();
    }

    // ------------------------------------------------------------------ runs

    /**
     * Opens a scenario or lesson file: a valid scenario starts a new run (shown once it has begun, the current
     * one until then), a valid lesson starts that lesson; one with mistakes shows them in a dialog and changes
     * nothing else.
     *
     * @return whether a run or a lesson was started
     */
    public boolean open(Path file) {
        return files.open(file);
    }

    /** Starts the welcome scenario (its title is shown in the window's language). */
    public void loadWelcome() {
        load(Welcome.NAME, Welcome.scenario());
    }

    /** Starts a run of {@code scenario}, named {@code name} in messages, and shows it from step 0. */
    public RunSession load(String name, Scenario scenario) {
        RunSession session = RunSession.start(name, scenario);
        player.open(session);
        return session;
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
        code.setScenario(s);
        stage.setScenario(s);
        why.setScenario(s);
        if (session != restarting) {
            playhead.selectionProperty().set(null);
            parameters.setScenario(s);
            title.setOpened(s);
        }
        restarting = null;
        title.refresh();
        controlBar.refreshReadout();
    }

    /** Shows {@code panel} in place of the side column (why, parameters); null puts the side column back. */
    private void showSide(Node panel) {
        presenter.showSide(panel);
    }

    // ------------------------------------------------------------------ commands: keys, buttons (named in main.fxml)

    /**
     * Does what a key (or its button) asks; returns whether it did something (else the key goes on to
     * the window). The clicker's PgDn and PgUp are Continue and Back while a lesson is open.
     */
    public boolean command(Command c) {
        if (c == Command.NEXT && lessons.walk() != null) {
            lessons.next();
            return true;
        }
        if (c == Command.PREVIOUS && lessons.walk() != null) {
            lessons.back();
            return true;
        }
        if (player.apply(c)) {
            return true;
        }
        switch (c) {
            case RESET -> player.reset();
            case HELP -> showHelp();
            case PRESENTER -> setPresenter(!presenter.isOn());
            case OPEN -> files.chooseAndOpen();
            case BLANK -> blank.toggle();
            case POINT_NEXT -> Pointer.move(playhead, 1);
            case POINT_PREVIOUS -> Pointer.move(playhead, -1);
            case SHOW_CODE -> {
                boolean done = presenter.toggle(PresenterMode.Part.CODE);
                code.setCompact(presenter.isOn() && !presenter.shows(PresenterMode.Part.CODE));
                return done;
            }
            case SHOW_TIMELINE -> {
                return presenter.toggle(PresenterMode.Part.TIMELINE);
            }
            case SHOW_PARAMETERS -> {
                return presenter.toggle(PresenterMode.Part.PARAMETERS);
            }
            case ZOOM_IN -> look.zoomBy(1);
            case ZOOM_OUT -> look.zoomBy(-1);
            case ZOOM_RESET -> look.resetZoom();
            case THEME -> viewMenu.nextTheme();
            case CLOSE -> {
                return false;                       // Esc leaves full screen by itself
            }
            default -> throw new IllegalStateException("unknown command " + c);
        }
        return true;
    }

    @FXML private void onHome() { player.home(); }
    @FXML private void onStepBack() { player.stepBack(); }
    @FXML private void onPlayPause() { player.togglePlay(); }
    @FXML private void onStepForward() { player.stepForward(); }
    @FXML private void onEnd() { player.end(); }
    @FXML private void onReset() { player.reset(); }
    @FXML private void onOpen() { files.chooseAndOpen(); }
    @FXML private void onExportPng() { files.chooseAndExportPng(); }
    @FXML private void onExportTrace() { files.chooseAndExportTrace(); }
    @FXML private void onCompare() { tools.compare(); }
    @FXML private void onExperiments() { tools.experiments(); }
    @FXML private void onPresenter() { setPresenter(presenterButton.isSelected()); }
    @FXML private void onHelp() { showHelp(); }
    @FXML private void onNoticeClicked() { notices.hide(); }
    @FXML private void onNoticeClose() { notices.hide(); }

    // ------------------------------------------------------------------ export, language, presenter mode, help

    /** Saves the window as it is now as a PNG file (the picture is taken now, written in the background). */
    public void exportPng(Path target) {
        files.exportPng(target);
    }

    /** Saves the run's events so far as a JSONL trace (written in the background). */
    public void exportTrace(Path target) {
        files.exportTrace(target);
    }

    /** Switches every text of the window to {@code locale} (English or Korean). */
    public void setLocale(Locale locale) {
        languages.select(locale);
    }

    /** Presenter mode: type sized for the back of the room, only what a demonstration needs, full screen. */
    public void setPresenter(boolean on) {
        presenter.set(on);
    }

    /** Presenter mode itself (its parts, and turning it on without full screen). */
    public PresenterMode presenter() {
        return presenter;
    }

    /** The theme, the zoom and presenter mode, shared with the windows this one opens. */
    public Appearance look() {
        return look;
    }

    /** The blank screen of the clicker's {@code .} or {@code B}. */
    public Blank blank() {
        return blank;
    }

    public boolean isPresenter() {
        return presenter.isOn();
    }

    /** The sheet of every key ({@code ?}); shown again, it closes. */
    public void showHelp() {
        dialogs.toggleHelp();
    }

    private void localize() {
        languages.select(texts.locale());
        labels.localize();
        controlBar.localize();
        title.refresh();
        notices.localize();
        dialogs.localize();
        viewMenu.localize();
    }

    // ------------------------------------------------------------------ for the window, the tests, the screenshots

    /** Stops the frames and every run, closes the experiments window; called when the window closes. */
    public void dispose() {
        frames.stop();
        notices.stop();
        player.dispose();
        tools.close();
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

    /** The root of the window's scene graph. */
    Parent root() {
        return root;
    }
}
