package io.iocplab.app;

import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The IOCP Lab window: {@link MainWindow} on the welcome scenario, in the system's language
 * (Korean on a Korean system, English otherwise; switchable in the window).
 *
 * <p>{@code io.iocplab.Main} is not an {@code Application}; it calls {@link #launchWindow(String[])}
 * when given no arguments.
 */
public final class IocpLabApp extends Application {

    private MainWindow window;

    /** Starts JavaFX and opens the window; returns when the window is closed. */
    public static void launchWindow(String[] args) {
        Application.launch(IocpLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(MainWindow.WIDTH, screen.getWidth() * 0.96);
        double height = Math.min(MainWindow.HEIGHT, screen.getHeight() * 0.94);
        window = MainWindow.create(stage, Locale.getDefault(), width, height).showWelcome();
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.controller().dispose();
        }
    }
}
