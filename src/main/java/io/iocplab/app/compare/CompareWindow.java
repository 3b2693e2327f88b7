package io.iocplab.app.compare;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The A/B comparison window on its own stage: {@code compare.fxml} with the shell's {@code main.css}
 * and {@code compare.css}, its {@link CompareController}, and two runs of the scenario started at
 * once with the default setup (the concurrency value as in the scenario against another, when the
 * scenario has one). Its texts follow the main window's language; closing it stops both runs.
 */
public final class CompareWindow {
    /** The size the window is designed for (and its screenshot is taken at). */
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 1000;

    private final Stage stage;
    private final CompareController controller;

    private CompareWindow(Stage stage, CompareController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /**
     * Puts the window on {@code stage}, {@code width} by {@code height}, and starts its first runs
     * (not shown yet). {@code language} is the main window's: this window's texts follow it, and
     * the main window keeps no reference to this one (a binding listens weakly).
     *
     * @param runName the scenario's name in messages (its file name)
     */
    public static CompareWindow create(Stage stage, Texts language, Scenario scenario, String runName,
                                       double width, double height) {
        return create(stage, language, new Appearance(), scenario, runName, width, height);
    }

    /** As {@link #create(Stage, Texts, Scenario, String, double, double)}, looking as {@code look} says. */
    public static CompareWindow create(Stage stage, Texts language, Appearance look, Scenario scenario,
                                       String runName, double width, double height) {
        Texts texts = new Texts(language.locale());
        texts.localeProperty().bind(language.localeProperty());
        CompareController controller = new CompareController(texts, scenario, runName);
        FXMLLoader loader = new FXMLLoader(CompareWindow.class.getResource("compare.fxml"));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load compare.fxml", e);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(CompareWindow.class.getResource("/io/iocplab/app/main.css").toExternalForm());
        scene.getStylesheets().add(CompareWindow.class.getResource("compare.css").toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        look.attachTool(scene);
        controller.attach(stage, scene);
        return new CompareWindow(stage, controller);
    }

    /** Opens the window beside {@code owner} on the owner's scenario and shows it (at most the screen's size). */
    public static CompareWindow open(Window owner, Texts language, Appearance look, Scenario scenario,
                                     String runName) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        CompareWindow w = create(stage, language, look, scenario, runName, Math.min(WIDTH, screen.getWidth()),
                Math.min(HEIGHT, screen.getHeight()));
        stage.show();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    public CompareController controller() {
        return controller;
    }
}
