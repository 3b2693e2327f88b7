package io.iocplab.app;

import io.iocplab.app.fx.AppFonts;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
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
        return create(stage, locale, new Appearance(), Prefs.none(), width, height);
    }

    /**
     * The window as the user left it: in the language, theme and zoom of {@code prefs} (the system's
     * language at the first launch), at its last place and size if that is still on a screen, else
     * {@code width} by {@code height}; and it remembers every change in {@code prefs}.
     */
    public static MainWindow restore(Stage stage, Prefs prefs, double width, double height) {
        Appearance look = new Appearance();
        look.themeProperty().set(prefs.theme());
        look.zoomProperty().set(prefs.zoom());
        Rectangle2D place = prefs.windowBounds()
                .filter(b -> !Screen.getScreensForRectangle(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight())
                        .isEmpty())
                .orElse(null);
        MainWindow w = create(stage, prefs.language().orElse(Locale.getDefault()), look, prefs,
                place == null ? width : place.getWidth(), place == null ? height : place.getHeight());
        if (place != null) {
            stage.setX(place.getMinX());
            stage.setY(place.getMinY());
        }
        stage.setMaximized(prefs.maximized());
        stage.setOnCloseRequest(e -> prefs.setWindow(new Rectangle2D(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight()), stage.isMaximized()));
        return w;
    }

    private static MainWindow create(Stage stage, Locale locale, Appearance look, Prefs prefs, double width,
                                     double height) {
        AppFonts.load();
        Texts texts = new Texts(locale);
        MainController controller = new MainController(texts, look, prefs);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("main.fxml"));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load main.fxml", e);
        }
        Blank blank = new Blank();
        Scene scene = new Scene(new StackPane(root, blank.node()), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("main.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();                        // a stage used before (tests) keeps no old size
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        controller.attach(stage, scene, blank);
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
