package io.iocplab.app.editor;

import io.iocplab.app.code.CodeLines;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.TraceFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.reactfx.Subscription;

/**
 * The controller of {@code editor.fxml}: a scenario file as YAML in a code area, checked as one types.
 *
 * <p>Rules:
 * <ul>
 *   <li>A quarter of a second after the typing stops, the text is read by the same loader as File &gt; Open
 *       ({@link ScenarioLoader#loadString}); each of its {@code FILE:LINE:COLUMN} problems is marked where it is
 *       (the word underlined, a red mark beside the line number with the message as its tip) and listed under
 *       the text; a click on one puts the caret there.</li>
 *   <li>The C pane shows the C of each thread of the last text that had no problem, and says so when the text
 *       has problems now.</li>
 *   <li>Run (Ctrl+Enter) hands the scenario to the main window, which runs it as an opened file; a text with
 *       problems does not run. Save as writes the text whole or not at all.</li>
 *   <li>Ctrl+Space offers the words that fit at the caret ({@link Completion}).</li>
 * </ul>
 * JavaFX thread only; every text comes from the bundle {@value #BUNDLE} and follows the language.
 */
public final class EditorController {
    static final String BUNDLE = "editor";
    private static final Duration QUIET = Duration.ofMillis(250);

    @FXML private Label title;
    @FXML private Label fileName;
    @FXML private Button runButton;
    @FXML private Button saveButton;
    @FXML private StackPane yamlRegion;
    @FXML private Label cTitle;
    @FXML private StackPane cRegion;
    @FXML private Label problemsTitle;
    @FXML private ListView<Problem> problemList;

    private final Texts texts;
    private final String name;
    private final BiConsumer<String, Scenario> runner;
    private final CodeArea yaml = new CodeArea();
    private final CodeArea c = new CodeArea();
    private final ContextMenu completions = new ContextMenu();
    private List<Problem> problems = List.of();
    private Scenario valid;
    private boolean stale;
    private String message;
    private Subscription typing;
    private BiConsumer<String, String> onRun = (n, t) -> { };
    private Stage window;

    /**
     * @param name   the file name problems are reported under and the run is named by
     * @param runner runs a scenario in the main window
     */
    EditorController(Texts texts, String name, String text, BiConsumer<String, Scenario> runner) {
        this.texts = texts;
        this.name = name;
        this.runner = runner;
        yaml.replaceText(text);
        yaml.getUndoManager().forgetHistory();
    }

    @FXML
    private void initialize() {
        yaml.getStyleClass().add("yaml");
        yaml.setId("yamlArea");
        yamlRegion.getChildren().setAll(new VirtualizedScrollPane<>(yaml));
        c.setEditable(false);
        c.setId("cArea");
        cRegion.getChildren().setAll(new VirtualizedScrollPane<>(c));
        problemList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.line() + ":" + p.column() + "  " + p.message());
            }
        });
        problemList.setOnMouseClicked(e -> goTo(problemList.getSelectionModel().getSelectedItem()));
        typing = yaml.multiPlainChanges().successionEnds(QUIET).subscribe(ignore -> check());
        yaml.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN).match(e)) {
                complete();
                e.consume();
            } else if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e)) {
                run();
                e.consume();
            }
        });
        texts.localeProperty().addListener((o, was, now) -> localize());
        check();
        localize();
    }

    /** Told the name and text of each scenario run from here. */
    public void setOnRun(BiConsumer<String, String> onRun) {
        this.onRun = onRun;
    }

    void attach(Stage stage) {
        this.window = stage;
        stage.setOnHidden(e -> typing.unsubscribe());
        localize();
    }

    // ------------------------------------------------------------------ checking as one types

    /** Reads the text now: marks its problems, and shows the C of its threads when it has none. */
    public void check() {
        String text = yaml.getText();
        try {
            Scenario s = ScenarioLoader.loadString(name, text);
            problems = List.of();
            valid = s;
            stale = false;
            showC(s);
        } catch (InvalidScenarioException e) {
            problems = e.problems();
            stale = valid != null;
        }
        yaml.setStyleSpans(0, YamlColours.of(text, problems));
        yaml.setParagraphGraphicFactory(gutter());
        problemList.getItems().setAll(problems);
        refreshTitles();
    }

    /** The line numbers, each with a red mark when its line has a problem (its messages as the tip). */
    private IntFunction<Node> gutter() {
        IntFunction<Node> numbers = LineNumberFactory.get(yaml);
        Map<Integer, List<String>> byLine = new TreeMap<>();
        for (Problem p : problems) {
            byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.message());
        }
        return paragraph -> {
            Region mark = new Region();
            List<String> here = byLine.get(paragraph + 1);
            if (here != null) {
                mark.getStyleClass().add("problem-mark");
                mark.setId("problem-mark-" + (paragraph + 1));
                Tooltip.install(mark, new Tooltip(texts.get(BUNDLE, "mark.tip", paragraph + 1, String.join("\n", here))));
            } else {
                mark.getStyleClass().add("no-mark");
            }
            HBox box = new HBox(numbers.apply(paragraph), mark);
            box.getStyleClass().add("gutter");
            return box;
        };
    }

    private void showC(Scenario s) {
        StringBuilder sb = new StringBuilder();
        for (String thread : threads(s)) {
            CListing listing = CListing.of(s, thread);
            CodeLines lines = CodeLines.of(listing, texts);
            sb.append("// ").append(lines.title()).append('\n');
            for (CodeLines.Row r : lines.rows()) {
                sb.append(r.code());
                if (r.comment() != null) {
                    sb.append("    // ").append(r.comment());
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        c.replaceText(sb.toString());
    }

    private static Set<String> threads(Scenario s) {
        Set<String> out = new LinkedHashSet<>(s.threads().keySet());
        if (s.echo() != null) {
            out.add("main");
            for (int i = 1; i <= s.echo().workers(); i++) {
                out.add(s.echo().workerName(i));
            }
        }
        return out;
    }

    private void goTo(Problem p) {
        if (p == null) {
            return;
        }
        int[] range = YamlColours.range(yaml.getText(), p.line(), p.column());
        yaml.moveTo(range[0]);
        yaml.requestFollowCaret();
        yaml.requestFocus();
    }

    // ------------------------------------------------------------------ completion

    /** Offers the words that fit at the caret; one that fits alone is written at once. */
    public void complete() {
        Completion at = Completion.at(yaml.getText(), yaml.getCaretPosition());
        completions.hide();
        if (at.choices().isEmpty()) {
            return;
        }
        if (at.choices().size() == 1) {
            yaml.replaceText(at.from(), at.to(), at.choices().get(0));
            return;
        }
        List<MenuItem> items = new ArrayList<>();
        for (String word : at.choices()) {
            MenuItem item = new MenuItem(word);
            item.setOnAction(e -> yaml.replaceText(at.from(), at.to(), word));
            items.add(item);
        }
        completions.getItems().setAll(items);
        Bounds caret = yaml.getCaretBounds().orElse(null);
        if (caret != null) {
            completions.show(yaml, caret.getMinX(), caret.getMaxY());
        }
    }

    /** The completion menu (for tests). */
    ContextMenu completions() {
        return completions;
    }

    // ------------------------------------------------------------------ run and save

    @FXML
    private void onRun() {
        run();
    }

    /** Runs the text in the main window, if it has no problem. */
    public void run() {
        check();
        if (!problems.isEmpty()) {
            message = texts.get(BUNDLE, "fixFirst");
            goTo(problems.get(0));
        } else {
            runner.accept(name, valid);
            onRun.accept(name, yaml.getText());
            message = texts.get(BUNDLE, "ran", name);
        }
        refreshTitles();
    }

    @FXML
    private void onSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(BUNDLE, "save.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(BUNDLE, "save.filter"), "*.yaml"));
        chooser.setInitialFileName(name.endsWith(".yaml") ? Path.of(name).getFileName().toString() : name + ".yaml");
        File file = chooser.showSaveDialog(window);
        if (file != null) {
            save(file.toPath());
        }
    }

    /** Writes the text to {@code target}, whole or not at all. */
    public void save(Path target) {
        try (TraceFile file = TraceFile.create(target)) {
            file.stream().write(yaml.getText().getBytes(StandardCharsets.UTF_8));
            file.commit();
            message = texts.get(BUNDLE, "saved", target.getFileName());
        } catch (IOException | RuntimeException e) {
            message = texts.get(BUNDLE, "saveFailed", target.getFileName(), String.valueOf(e.getMessage()));
        }
        refreshTitles();
    }

    // ------------------------------------------------------------------ texts

    private void localize() {
        title.setText(texts.get(BUNDLE, "title"));
        fileName.setText(name);
        runButton.setText(texts.get(BUNDLE, "run"));
        runButton.setTooltip(new Tooltip(texts.get(BUNDLE, "run.tip")));
        saveButton.setText(texts.get(BUNDLE, "save"));
        saveButton.setTooltip(new Tooltip(texts.get(BUNDLE, "save.tip")));
        if (window != null) {
            window.setTitle(texts.get(BUNDLE, "window.title", name));
        }
        if (valid != null) {
            showC(valid);
        }
        refreshTitles();
    }

    private void refreshTitles() {
        cTitle.setText(texts.get(BUNDLE, stale ? "c.stale" : "c.title"));
        String state = problems.isEmpty() ? texts.get(BUNDLE, "problems.none")
                : texts.get(BUNDLE, "problems.count", problems.size());
        problemsTitle.setText(message == null ? state : message + "  " + state);
    }

    // ------------------------------------------------------------------ for tests

    /** The code area of the YAML text. */
    public CodeArea yaml() {
        return yaml;
    }

    /** The C pane's text. */
    public String cText() {
        return c.getText();
    }

    /** The problems marked now. */
    public List<Problem> problems() {
        return problems;
    }
}
