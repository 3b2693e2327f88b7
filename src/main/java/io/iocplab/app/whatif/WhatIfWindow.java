package io.iocplab.app.whatif;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.app.whatif.WhatIfChoices.Action;
import io.iocplab.app.whatif.WhatIfChoices.Actor;
import io.iocplab.app.whatif.WhatIfChoices.Kind;
import io.iocplab.scenario.ForkFile;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.TraceFile;
import io.iocplab.sim.CCode;
import io.iocplab.sim.WhatIf;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Callback;

/**
 * "What if?" at a stop: who acts (a client, a thread, the echo workers), what it does, and then Fork (the main
 * window runs the fork: the same scenario with that action right after the stop's moment, the same seed, shown from
 * that stop on), Compare (the original and the fork side by side on one virtual-time playhead), or Save the fork
 * as a scenario file.
 *
 * <p>Rules: the window is about one stop (moment m of one run), said in its header; the fields shown are those the
 * chosen action takes; a value that cannot be read is said beside the buttons and nothing is done. Every text
 * comes from the bundle {@value #BUNDLE} and follows the language. JavaFX thread only.
 */
public final class WhatIfWindow {
    static final String BUNDLE = "whatif";

    /** What the window's buttons ask of the main window. */
    public interface Forks {
        /** Runs {@code fork} in the main window, shown from moment {@code moment} on. */
        void fork(Scenario fork, long moment);

        /** Opens the comparison of {@code original} (A) and {@code fork} (B), at virtual time {@code tUs}. */
        void compare(Scenario original, Scenario fork, long tUs);
    }

    private final Texts texts;
    private final Scenario original;
    private final long moment;
    private final long timeUs;
    private final Forks forks;
    private final Function<Scenario, String> sourceText;
    private final WhatIfChoices choices;
    private final Stage stage = new Stage();
    private final Label header = new Label();
    private final Label whoLabel = new Label();
    private final Label whatLabel = new Label();
    private final ComboBox<Actor> who = new ComboBox<>();
    private final ComboBox<Action> what = new ComboBox<>();
    private final GridPane fields = new GridPane();
    private final TextField data = new TextField("hello");
    private final ComboBox<String> target = new ComboBox<>();
    private final TextField bytes = new TextField("0");
    private final TextField key = new TextField("0");
    private final TextField overlapped = new TextField();
    private final TextField compute = new TextField();
    private final TextField every = new TextField("0");
    private final TextField sleep = new TextField("0");
    private final Button forkButton = new Button();
    private final Button compareButton = new Button();
    private final Button saveButton = new Button();
    private final Label message = new Label();

    /**
     * @param original   the run's scenario
     * @param moment     the stop: the moment the action follows
     * @param timeUs     that moment's virtual time
     * @param sourceText the scenario file the run came from, or null when it cannot be said (then no Save)
     */
    private WhatIfWindow(Texts texts, Scenario original, long moment, long timeUs, Forks forks,
                         Function<Scenario, String> sourceText) {
        this.texts = texts;
        this.original = original;
        this.moment = moment;
        this.timeUs = timeUs;
        this.forks = forks;
        this.sourceText = sourceText;
        this.choices = new WhatIfChoices(original);
    }

    /**
     * Opens the window for the stop after {@code moment} of a run of {@code original}, with {@code preselected}
     * (what was clicked on the stage: a socket or a thread name, or null) as who acts.
     */
    public static WhatIfWindow open(Window owner, Texts language, Appearance look, Scenario original, long moment,
                                    long timeUs, String preselected, Forks forks,
                                    Function<Scenario, String> sourceText) {
        Texts texts = new Texts(language.locale());
        texts.localeProperty().bind(language.localeProperty());
        WhatIfWindow w = new WhatIfWindow(texts, original, moment, timeUs, forks, sourceText);
        if (owner != null) {
            w.stage.initOwner(owner);
        }
        w.build(preselected);
        look.attachTool(w.stage.getScene());
        w.stage.show();
        return w;
    }

    private void build(String preselected) {
        who.setId("whatIfWho");
        what.setId("whatIfWhat");
        forkButton.setId("whatIfFork");
        compareButton.setId("whatIfCompare");
        saveButton.setId("whatIfSave");
        message.setId("whatIfMessage");
        message.setWrapText(true);
        header.setWrapText(true);
        header.setStyle("-fx-font-weight: bold;");
        who.getItems().setAll(choices.actors());
        who.setCellFactory(cells(this::describe));
        who.setButtonCell(cells(this::describe).call(null));
        what.setCellFactory(cells(a -> texts.get(BUNDLE, "action." + a.name())));
        what.setButtonCell(cells((Action a) -> texts.get(BUNDLE, "action." + a.name())).call(null));
        who.valueProperty().addListener((o, was, now) -> {
            what.getItems().setAll(now == null ? List.of() : choices.actions(now));
            what.getSelectionModel().selectFirst();
        });
        what.valueProperty().addListener((o, was, now) -> showFields());
        if (original.echo() != null) {
            compute.setText(CCode.ms(original.echo().computeUs()));
            every.setText(String.valueOf(original.echo().blockEvery()));
            sleep.setText(CCode.ms(original.echo().blockUs()));
        }
        Actor first = choices.actors().stream().filter(a -> a.name() != null && a.name().equals(preselected))
                .findFirst().orElse(choices.actors().isEmpty() ? null : choices.actors().get(0));
        who.setValue(first);
        fields.setHgap(8);
        fields.setVgap(6);
        forkButton.setOnAction(e -> act(true));
        compareButton.setOnAction(e -> act(false));
        saveButton.setOnAction(e -> chooseAndSave());
        saveButton.setDisable(sourceText.apply(original) == null);
        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.addRow(0, whoLabel, who);
        top.addRow(1, whatLabel, what);
        HBox buttons = new HBox(8, forkButton, compareButton, saveButton);
        VBox root = new VBox(10, header, top, fields, buttons, message);
        root.setPadding(new Insets(12));
        root.setPrefWidth(520);
        stage.setScene(new Scene(root));
        texts.localeProperty().addListener((o, was, now) -> localize());
        localize();
    }

    private static <T> Callback<javafx.scene.control.ListView<T>, ListCell<T>> cells(Function<T, String> text) {
        return v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private String describe(Actor a) {
        return switch (a.kind()) {
            case CLIENT -> texts.get(BUNDLE, "who.client", a.name());
            case THREAD -> texts.get(BUNDLE, "who.thread", a.name());
            case ECHO -> texts.get(BUNDLE, "who.echo");
        };
    }

    /** Shows the fields the chosen action takes. */
    private void showFields() {
        fields.getChildren().clear();
        Action a = what.getValue();
        if (a == null) {
            return;
        }
        int row = 0;
        switch (a) {
            case SEND -> fields.addRow(row, label("field.data"), data);
            case ECHO_WORK -> {
                fields.addRow(row++, label("field.compute"), compute);
                fields.addRow(row++, label("field.every"), every);
                fields.addRow(row, label("field.sleep"), sleep);
            }
            case CLOSE, RESET -> { }
            default -> {
                target.getItems().setAll(choices.targets(a));
                target.getSelectionModel().selectFirst();
                fields.addRow(row++, label("field.target." + a.name()), target);
                if (a == Action.PostQueuedCompletionStatus) {
                    fields.addRow(row++, label("field.bytes"), bytes);
                    fields.addRow(row++, label("field.key"), key);
                }
                if (a == Action.PostQueuedCompletionStatus || a == Action.CancelIoEx) {
                    fields.addRow(row, label("field.overlapped"), overlapped);
                }
            }
        }
        if (stage.getScene() != null) {
            stage.sizeToScene();
        }
    }

    private Label label(String key) {
        return new Label(texts.get(BUNDLE, key));
    }

    // ------------------------------------------------------------------ the fork

    /** The fork the fields describe, or null (said in the message) when a value cannot be read. */
    public Scenario fork() {
        Actor actor = who.getValue();
        Action action = what.getValue();
        if (actor == null || action == null) {
            return null;
        }
        try {
            WhatIf w = choices.make(moment, actor, action, data.getText(), target.getValue(),
                    whole(bytes.getText()), whole(key.getText()), overlapped.getText(), micros(compute.getText()),
                    (int) whole(every.getText()), micros(sleep.getText()));
            return original.withWhatIf(w);
        } catch (IllegalArgumentException e) {
            message.setText(texts.get(BUNDLE, "message.invalid", e.getMessage()));
            return null;
        }
    }

    private static long whole(String s) {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0) {
                throw new IllegalArgumentException(s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s);
        }
    }

    private static long micros(String ms) {
        try {
            BigDecimal v = new BigDecimal(ms.trim()).movePointRight(3);
            if (v.signum() < 0) {
                throw new IllegalArgumentException(ms);
            }
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(ms);
        }
    }

    private void act(boolean inMainWindow) {
        Scenario fork = fork();
        if (fork == null) {
            return;
        }
        if (inMainWindow) {
            forks.fork(fork, moment);
            message.setText(texts.get(BUNDLE, "message.forked", moment));
        } else {
            forks.compare(original, fork, timeUs);
            message.setText(texts.get(BUNDLE, "message.compared"));
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(BUNDLE, "save.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(BUNDLE, "save.filter"), "*.yaml"));
        chooser.setInitialFileName("fork-" + moment + ".yaml");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            save(file.toPath());
        }
    }

    /** Saves the fork as a scenario file (the run's file with the fork's what-ifs), whole or not at all. */
    public boolean save(Path target) {
        Scenario fork = fork();
        String text = sourceText.apply(original);
        if (fork == null || text == null) {
            return false;
        }
        try (TraceFile file = TraceFile.create(target)) {
            file.stream().write(ForkFile.text(text, fork.whatIf()).getBytes(StandardCharsets.UTF_8));
            file.commit();
            message.setText(texts.get(BUNDLE, "message.saved", target.getFileName()));
            return true;
        } catch (IOException | RuntimeException e) {
            message.setText(texts.get(BUNDLE, "message.saveFailed", target.getFileName(), String.valueOf(e.getMessage())));
            return false;
        }
    }

    // ------------------------------------------------------------------ texts and for tests

    private void localize() {
        stage.setTitle(texts.get(BUNDLE, "window.title", moment));
        header.setText(texts.get(BUNDLE, "header", moment, CCode.ms(timeUs)));
        whoLabel.setText(texts.get(BUNDLE, "who"));
        whatLabel.setText(texts.get(BUNDLE, "what"));
        forkButton.setText(texts.get(BUNDLE, "fork"));
        compareButton.setText(texts.get(BUNDLE, "compare"));
        saveButton.setText(texts.get(BUNDLE, "save"));
        Actor a = who.getValue();
        who.setValue(null);
        who.setValue(a);
        showFields();
    }

    /** Chooses who acts and what it does (as the two lists do). */
    public void choose(Kind kind, String name, Action action) {
        who.setValue(choices.actors().stream().filter(a -> a.kind() == kind
                && java.util.Objects.equals(a.name(), name)).findFirst().orElseThrow());
        what.setValue(action);
    }

    /** Presses Fork. */
    public void forkHere() {
        act(true);
    }

    /** Presses Compare. */
    public void compareHere() {
        act(false);
    }

    public Stage stage() {
        return stage;
    }
}
