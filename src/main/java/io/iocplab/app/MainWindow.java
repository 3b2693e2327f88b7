package io.iocplab.app;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.model.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds the main window on a stage: the scene from {@code main.fxml} and {@code main.css}, its
 * {@link MainController}, in a language. Used by {@link IocpLabApp}, {@link Screenshots} and the tests.
 */
public final class MainWindow {
    /** The size the window is designed for (and the screenshots are taken at). */
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 1000;

    private final Stage stage;
    private final Scene scene;
    private final MainController controller;

    private MainWindow(Stage stage, Scene scene, MainController controller) {
        this.stage = stage;
        this.scene = scene;
        this.controller = controller;
    }

    /**
     * Puts the main window on {@code stage} (not shown yet, no run loaded), {@code width} by
     * {@code height}, its texts in {@code locale} (Korean for any {@code ko} locale, else English).
     */
    public static MainWindow create(Stage stage, Locale locale, double width, double height) {
        AppFonts.load();
        Texts texts = new Texts(locale);
        MainController controller = new MainController(texts);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("main.fxml"));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load main.fxml", e);
        }
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();                        // a stage used before (tests) keeps no old size
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        controller.attach(stage, scene);
        return new MainWindow(stage, scene, controller);
    }

    /** Loads the welcome scenario and plays it, so the window opens on something moving. */
    public MainWindow showWelcome() {
        controller.loadWelcome();
        controller.player().play();
        return this;
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public MainController controller() {
        return controller;
    }

}
