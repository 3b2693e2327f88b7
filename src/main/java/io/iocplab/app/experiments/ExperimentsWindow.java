package io.iocplab.app.experiments;

import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import io.iocplab.sweep.Configuration;
import io.iocplab.sweep.Knob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The experiments window: its own stage with {@code experiments.fxml} and {@code experiments.css}, in the
 * main window's language (it follows the main window's switch). Clicking a point of its charts opens that
 * configuration's run in the main window, at its start, and brings the main window to the front. Closing
 * it cancels the sweep that runs, if any.
 */
public final class ExperimentsWindow {
    static final double WIDTH = 1200;
    static final double HEIGHT = 860;

    private final Stage stage;
    private final ExperimentsController controller;

    private ExperimentsWindow(Stage stage, ExperimentsController controller) {
        this.stage = stage;
        this.controller = controller;
    }

    /**
     * Builds the window (not shown yet).
     *
     * @param main         the main window's stage, brought to the front when a run is opened
     * @param mainScenario the main window's scenario now, or null
     * @param openRun      opens a run in the main window: its name and scenario
     */
    public static ExperimentsWindow create(Stage main, Texts texts, Supplier<Scenario> mainScenario,
                                           BiConsumer<String, Scenario> openRun) {
        return create(main, texts, new Appearance(), mainScenario, openRun);
    }

    /** As {@link #create(Stage, Texts, Supplier, BiConsumer)}, looking as {@code look} says. */
    public static ExperimentsWindow create(Stage main, Texts texts, Appearance look, Supplier<Scenario> mainScenario,
                                           BiConsumer<String, Scenario> openRun) {
        ExperimentsController controller = new ExperimentsController(texts, mainScenario, (Configuration c) -> {
            openRun.accept("sweep " + c.describe(), c.scenario());
            if (main != null) {
                main.toFront();
            }
        });
        FXMLLoader loader = new FXMLLoader(ExperimentsWindow.class.getResource("/io/iocplab/app/experiments.fxml"));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load experiments.fxml", e);
        }
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(ExperimentsWindow.class.getResource("/io/iocplab/app/main.css").toExternalForm());
        scene.getStylesheets().add(ExperimentsWindow.class.getResource("/io/iocplab/app/experiments.css").toExternalForm());
        look.attachTool(scene);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.setMinWidth(700);
        stage.setMinHeight(500);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> texts.get(SweepCharts.BUNDLE, "window.title"), texts.localeProperty()));
        stage.setOnHidden(e -> controller.cancel());
        return new ExperimentsWindow(stage, controller);
    }

    /** Shows the window (again) in front, its scenario choice up to date with the main window. */
    public void show() {
        controller.mainMayHaveChanged();
        stage.show();
        stage.toFront();
    }

    /** Cancels any sweep and closes the window. */
    public void close() {
        controller.cancel();
        stage.close();
    }

    /**
     * Runs a sweep of the echo workload with {@code messages} per client as if typed in the form (for the
     * screenshots); {@code second} may be null. Returns at once; {@link #isRunning()} says when it is over.
     */
    public void run(int messages, Knob first, String firstValues, Knob second, String secondValues) {
        controller.run(Integer.toString(messages), first, firstValues, second, secondValues);
    }

    /** Whether a sweep runs now. */
    public boolean isRunning() {
        return controller.isRunning();
    }

    public Stage stage() {
        return stage;
    }
}
