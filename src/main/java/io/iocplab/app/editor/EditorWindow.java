package io.iocplab.app.editor;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The scenario editor on its own stage: {@code editor.fxml} with the shell's {@code main.css} and
 * {@code editor.css}, its {@link EditorController}; texts follow the main window's language, and its look (theme,
 * zoom) the main window's {@link Appearance}.
 */
public final class EditorWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final Stage stage;
    private final EditorController controller;

    private EditorWindow(Stage stage, EditorController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /**
     * Puts the editor on {@code stage} with {@code text}, named {@code name}; {@code runner} runs a scenario in the
     * main window.
     */
    public static EditorWindow create(Stage stage, Texts language, Appearance look, String name, String text,
                                      BiConsumer<String, Scenario> runner, double width, double height) {
        Texts texts = new Texts(language.locale());
        texts.localeProperty().bind(language.localeProperty());
        EditorController controller = new EditorController(texts, name, text, runner);
        FXMLLoader loader = new FXMLLoader(EditorWindow.class.getResource("editor.fxml"));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load editor.fxml", e);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(EditorWindow.class.getResource("/io/iocplab/app/main.css").toExternalForm());
        scene.getStylesheets().add(EditorWindow.class.getResource("editor.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        look.attachTool(scene);
        controller.attach(stage);
        return new EditorWindow(stage, controller);
    }

    /** Opens the editor beside {@code owner} and shows it (at most the screen's size). */
    public static EditorWindow open(Window owner, Texts language, Appearance look, String name, String text,
                                    BiConsumer<String, Scenario> runner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        EditorWindow w = create(stage, language, look, name, text, runner, Math.min(WIDTH, screen.getWidth()),
                Math.min(HEIGHT, screen.getHeight()));
        stage.show();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    public EditorController controller() {
        return controller;
    }
}
