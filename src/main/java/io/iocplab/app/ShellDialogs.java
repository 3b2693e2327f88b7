package io.iocplab.app;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import io.iocplab.scenario.Problem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The shell's dialogs: the file choosers, the mistakes of a scenario file, a file that cannot be
 * read, the sheet of keys and, from it, About. Every text comes from the {@code messages} bundle in the current
 * language; every dialog is shown without waiting ({@code show()}, never {@code showAndWait()}), so
 * the window goes on playing behind it. The choosers remember the last folder used.
 */
final class ShellDialogs {
    private static final String BUNDLE = MainController.BUNDLE;
    private static final String MAIN_CSS = ShellDialogs.class.getResource("main.css").toExternalForm();
    /** The widest a dialog's text is laid out, in em of the window's font (about 80 characters of code). */
    private static final double TEXT_EM = 56;

    private final Texts texts;
    private final Appearance look;
    private final Prefs prefs;
    private Window owner;
    private Path lastDirectory;
    private Alert problems;
    private Alert help;
    private Alert about;

    ShellDialogs(Texts texts, Appearance look, Prefs prefs) {
        this.texts = texts;
        this.look = look;
        this.prefs = prefs;
        this.lastDirectory = prefs.lastFolder().orElse(null);
    }

    void setOwner(Window owner) {
        this.owner = owner;
    }

    /** Remembers the folder of a file the user saved, for the next chooser (and the next launch). */
    void usedFile(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            lastDirectory = dir;
            prefs.setLastFolder(dir);
        }
    }

    /** Remembers a scenario file the user opened: its folder, and the file among the recent ones. */
    void openedFile(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            lastDirectory = dir;
        }
        prefs.opened(file);
    }

    // ------------------------------------------------------------------ choosers

    /** Asks for a scenario file to open; null when the user cancels. */
    Path chooseScenario() {
        FileChooser chooser = chooser("dialog.open.title", "dialog.open.filter", "*.yaml", "*.yml");
        File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }

    /** Asks where to save a file, suggesting {@code name}; null when the user cancels. */
    Path chooseTarget(String title, String filter, String pattern, String name) {
        FileChooser chooser = chooser(title, filter, pattern);
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        usedFile(file.toPath());
        return file.toPath();
    }

    private FileChooser chooser(String title, String filter, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(BUNDLE, title));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(BUNDLE, filter), patterns));
        if (lastDirectory != null && Files.isDirectory(lastDirectory)) {
            chooser.setInitialDirectory(lastDirectory.toFile());
        }
        return chooser;
    }

    // ------------------------------------------------------------------ problems

    /**
     * The mistakes of a scenario file, one {@code FILE:LINE:COLUMN: message} line each, exactly as the
     * command line prints them (so they can be searched for and copied); a long line wraps, never cut.
     * The dialog's own words are in the window's language.
     */
    void showProblems(Path file, List<Problem> found) {
        Alert alert = alert(Alert.AlertType.ERROR, "dialog.problems.title");
        alert.setHeaderText(texts.get(BUNDLE, "dialog.problems.header", file.getFileName().toString(), found.size()));
        // a blank line between two problems: a long one wraps, and each still reads as one
        TextArea lines = new TextArea(found.stream().map(Problem::toString).collect(Collectors.joining("\n\n")));
        lines.setEditable(false);
        lines.setWrapText(true);
        lines.setId("problems-text");
        lines.getStyleClass().add("problems-text");
        Label note = new Label(texts.get(BUNDLE, "dialog.problems.note"));
        note.setWrapText(true);
        note.setId("problems-note");
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(new VBox(8, note, lines));
        alert.getDialogPane().getStyleClass().add("problems-dialog");
        replaceProblems(alert);
    }

    /** A file that could not be read at all. */
    void showReadError(Path file, Exception e) {
        Alert alert = alert(Alert.AlertType.ERROR, "dialog.readError.title");
        alert.setHeaderText(texts.get(BUNDLE, "dialog.readError.header", file.toString(),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        alert.getDialogPane().getStyleClass().add("problems-dialog");
        replaceProblems(alert);
    }

    private void replaceProblems(Alert alert) {
        if (problems != null) {
            problems.close();
        }
        problems = alert;
        alert.show();
    }

    // ------------------------------------------------------------------ keys

    /** Shows the sheet of every key, or closes it when it is showing. */
    void toggleHelp() {
        if (help != null && help.isShowing()) {
            help.close();
            return;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-sheet");
        int row = 0;
        for (Keys.Binding b : Keys.SHEET) {
            HBox keys = new HBox(4);
            for (String k : b.keys()) {
                Label key = new Label(Keys.label(k, w -> texts.get(BUNDLE, w)));
                key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                key.getStyleClass().add("help-key");
                keys.getChildren().add(key);
            }
            grid.add(keys, 0, row);
            Label does = new Label(texts.get(BUNDLE, b.command().key()));
            does.setWrapText(true);
            does.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(does, 1, row);
            row++;
        }
        Label clicker = new Label(texts.get(BUNDLE, "help.clicker"));
        clicker.setWrapText(true);
        clicker.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Alert alert = alert(Alert.AlertType.NONE, "help.title");
        alert.setHeaderText(texts.get(BUNDLE, "help.header"));
        javafx.scene.control.ScrollPane sheet = new javafx.scene.control.ScrollPane(new VBox(12, grid, clicker));
        sheet.setFitToWidth(true);
        sheet.getStyleClass().add("help-scroll");
        alert.getDialogPane().setContent(sheet);
        alert.getDialogPane().getStyleClass().add("help-dialog");
        alert.initModality(Modality.NONE);
        ButtonType aboutButton = new ButtonType(texts.get(BUNDLE, "about.open"), ButtonBar.ButtonData.HELP_2);
        alert.getButtonTypes().add(0, aboutButton);
        Button opensAbout = (Button) alert.getDialogPane().lookupButton(aboutButton);
        opensAbout.setId("about-button");
        opensAbout.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();                                // the sheet stays; About opens over it
            showAbout();
        });
        help = alert;
        alert.show();
    }

    // ------------------------------------------------------------------ about

    /** The About dialog: version, what it runs on, where the rules come from, the licences ({@link AboutDialog}). */
    void showAbout() {
        if (about != null) {
            about.close();
        }
        Alert alert = alert(Alert.AlertType.NONE, "about.title");
        alert.setHeaderText(AboutDialog.header(texts));
        alert.setGraphic(AboutDialog.graphic());
        alert.getDialogPane().setContent(AboutDialog.content(texts));
        alert.getDialogPane().getStyleClass().add("about-dialog");
        alert.initModality(Modality.NONE);
        about = alert;
        alert.show();
    }

    /** The language changed: a sheet of keys or an About on screen is shown again in the new one. */
    void localize() {
        if (help != null && help.isShowing()) {
            help.close();
            toggleHelp();
        }
        if (about != null && about.isShowing()) {
            showAbout();
        }
    }

    private Alert alert(Alert.AlertType type, String titleKey) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(texts.get(BUNDLE, titleKey));
        alert.getButtonTypes().setAll(new ButtonType(texts.get(BUNDLE, "dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        DialogPane pane = alert.getDialogPane();
        pane.getStylesheets().add(MAIN_CSS);
        double ownerW = owner == null ? 1280 : owner.getWidth();
        double ownerH = owner == null ? 720 : owner.getHeight();
        look.style(pane, ownerH);
        // as wide as its text wants, but never wider or taller than the window it belongs to
        double font = look.fontPx(ownerH);
        pane.setPrefWidth(Math.min(ownerW * 0.9, TEXT_EM * font));
        pane.setMaxWidth(ownerW * 0.95);
        pane.setMaxHeight(ownerH * 0.9);
        alert.setResizable(true);
        return alert;
    }
}
