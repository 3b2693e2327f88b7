package io.iocplab.app;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The IOCP Lab window.
 *
 * <p>For now a placeholder: the name, a word on what is coming, and how to run a
 * scenario headless today. The layout is {@code main.fxml} (styled by {@code main.css});
 * every visible string comes from the {@code messages} bundle of this package, in the
 * system's default locale. The bundled NanumGothic font is loaded before the scene is
 * built, so Hangul renders on machines that have no Korean font installed.
 *
 * <p>{@code io.iocplab.Main} is not an {@code Application}; it calls
 * {@link #launchWindow(String[])} when given no arguments.
 */
public final class IocpLabApp extends Application {

    /** Base name of the resource bundle that holds every visible string of the window. */
    static final String MESSAGES = "io.iocplab.app.messages";

    private static final double WIDTH = 760;
    private static final double HEIGHT = 360;

    /** Starts JavaFX and opens the window; returns when the window is closed. */
    public static void launchWindow(String[] args) {
        Application.launch(IocpLabApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        show(stage, Locale.getDefault());
    }

    /** Builds the window's scene in {@code locale} and shows it on {@code stage}. */
    static void show(Stage stage, Locale locale) throws IOException {
        AppFonts.load();
        ResourceBundle messages = messages(locale);
        FXMLLoader loader = new FXMLLoader(IocpLabApp.class.getResource("main.fxml"), messages);
        stage.setTitle(messages.getString("window.title"));
        stage.setScene(new Scene(loader.load(), WIDTH, HEIGHT));
        stage.show();
    }

    /**
     * The window's strings in {@code locale}. A locale without its own bundle gets the
     * English base bundle, never the system default's (so asking for English gives
     * English even on a Korean machine).
     */
    static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
