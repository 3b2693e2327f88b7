package io.iocplab.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The IOCP Lab window: {@link MainWindow} on the welcome scenario, as the user left it ({@link Prefs}): at
 * the first launch in the system's language (Korean on a Korean system, English otherwise; switchable in
 * the window).
 *
 * <p>{@code io.iocplab.Main} is not an {@code Application}; it calls {@link #launchWindow(String[])}
 * when given no arguments.
 */
public final class IocpLabApp extends Application {

    private MainWindow window;

    /**
     * How many separate rectangles JavaFX repaints in a frame (its default is 6, its most 15). While
     * a run plays, the stage changes cards far apart at every step (thread chips, socket cards, the
     * gauge); with few rectangles they merge into big ones and everything between them, unchanged,
     * is painted again.
     */
    static final String DIRTY_REGIONS = "15";

    /** Starts JavaFX and opens the window; returns when the window is closed. */
    public static void launchWindow(String[] args) {
        renderingOptions();
        Application.launch(IocpLabApp.class, args);
    }

    /** The toolkit's options the window is drawn with, unless given on the command line; before JavaFX starts. */
    static void renderingOptions() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        }
    }

    @Override
    public void start(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(MainWindow.WIDTH, screen.getWidth() * 0.96);
        double height = Math.min(MainWindow.HEIGHT, screen.getHeight() * 0.94);
        window = MainWindow.restore(stage, Prefs.standard(), width, height).showWelcome();
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.controller().dispose();
        }
    }
}
