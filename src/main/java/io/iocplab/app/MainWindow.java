package io.iocplab.app;

import io.iocplab.app.model.Texts;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
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
    /** The scenario shown at start, a resource beside this class. */
    public static final String WELCOME = "scenarios/welcome.yaml";
    /** The name the welcome run goes by in messages. */
    public static final String WELCOME_NAME = "welcome.yaml";

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

    /**
     * The name a run goes by on screen: the welcome scenario's title in the window's language, with the
     * workers, clients and concurrency value of the run itself (so a restart of it with other settings
     * is named by its own numbers), else the scenario's own title, else its file name.
     */
    public static String titleOf(Texts texts, String runName, Scenario scenario) {
        if (isWelcome(runName, scenario)) {
            EchoServer echo = scenario.echo();
            return texts.get(MainController.BUNDLE, "welcome.title", echo.workers(), echo.clients(),
                    scenario.ports().get(echo.port()));
        }
        return scenario.title() != null ? scenario.title() : runName;
    }

    /** Whether a run is of the welcome scenario (as it opens, or restarted with other settings). */
    static boolean isWelcome(String runName, Scenario scenario) {
        return WELCOME_NAME.equals(runName) && Objects.equals(WelcomeTitle.TITLE, scenario.title())
                && scenario.echo() != null;
    }

    /** The welcome scenario's own (English) title, read once, when first asked for. */
    private static final class WelcomeTitle {
        static final String TITLE = welcomeScenario().title();
    }

    /** The welcome scenario's file, read from the resources. */
    public static String welcomeText() {
        try (InputStream in = MainWindow.class.getResourceAsStream(WELCOME)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WELCOME);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The welcome scenario, read from the resources. */
    public static Scenario welcomeScenario() {
        try {
            return ScenarioLoader.loadString(WELCOME_NAME, welcomeText());
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the welcome scenario is not valid: " + e.getMessage(), e);
        }
    }
}
