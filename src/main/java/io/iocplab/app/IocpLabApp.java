package io.iocplab.app;

import io.iocplab.app.fx.ClassPathJavaFx;
import io.iocplab.lesson.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The IOCP Lab window: {@link MainWindow} on the welcome scenario, or on the file given on the command line
 * ({@code iocplab FILE.yaml}, the one launch parameter), as the user left it ({@link Prefs}): at the first
 * launch in the system's language (Korean on a Korean system, English otherwise; switchable in the window),
 * with the program's icon.
 *
 * <p>{@code io.iocplab.Main} is not an {@code Application}; the command line calls {@link #launchWindow}
 * through {@link AppDesktop}. {@code --lang} (a named launch parameter) sets the window's language too.
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

    /** The launch parameter that names the window's language: {@code --lang=ko}. */
    private static final String LANG = "lang";

    /**
     * Starts JavaFX and opens the window, on {@code file} when it is not null (as File &gt; Open opens it: a
     * scenario runs, a lesson starts, a file with mistakes shows them over the welcome run), in {@code language}
     * when it is not null (else as the window was left); returns when the window is closed.
     */
    public static void launchWindow(Path file, Lang language) {
        renderingOptions();
        ClassPathJavaFx.quietWarning();
        List<String> args = new ArrayList<>();
        if (language != null) {
            args.add("--" + LANG + "=" + language.code());
        }
        if (file != null) {
            args.add(file.toString());
        }
        Application.launch(IocpLabApp.class, args.toArray(String[]::new));
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
        window = MainWindow.restore(stage, Prefs.standard(), width, height);
        String language = getParameters().getNamed().get(LANG);
        if (language != null) {
            window.controller().setLocale(Locale.forLanguageTag(language));
        }
        AppIcon.set(stage);
        stage.show();
        List<String> file = getParameters().getUnnamed();
        if (file.isEmpty() || !window.controller().open(Path.of(file.get(0)))) {
            window.showWelcome();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.controller().dispose();
        }
    }
}
