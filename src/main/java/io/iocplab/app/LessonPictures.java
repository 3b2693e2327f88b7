package io.iocplab.app;

import io.iocplab.app.fx.FxWait;
import io.iocplab.app.lesson.Course;
import io.iocplab.app.lesson.LessonMode;
import io.iocplab.app.lesson.ProgressStore;
import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Lesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;

/**
 * The README's picture of a lesson in progress ({@code lesson-en.png}, {@code lesson-ko.png}):
 * {@value #LESSON} at its first step with a question, answered wrongly, so the verdict, the engine's
 * answer and the why show. Progress goes to a temporary folder, never to the user's. Called by
 * {@code Screenshots} off the JavaFX thread.
 */
public final class LessonPictures {
    /** The lesson of the pictures. */
    static final String LESSON = "06-lifo";

    private LessonPictures() {}

    /** Writes {@code lesson-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path write(Path dir, Locale locale, String tag) throws Exception {
        if (System.getProperty(ProgressStore.HOME_PROPERTY) == null) {
            System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory("iocplab-shots").toString());
        }
        Lesson lesson = Course.packed().lessons().stream().filter(l -> l.id().equals(LESSON)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lesson " + LESSON + " packed"));
        MainWindow window = FxWait.call(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT);
            w.controller().lessons().open(lesson);
            stage.show();
            return w;
        });
        try {
            LessonMode mode = window.controller().lessons();
            FxWait.until(() -> mode.walk() != null, "lesson " + LESSON + " was not ready");
            FxWait.run(() -> {
                while (mode.walk().answer().isEmpty() && !mode.walk().atLast()) {
                    mode.next();
                }
                Answer a = mode.walk().answer().orElseThrow();
                mode.choose(a.choices().stream().filter(c -> !a.isCorrect(c.id())).findFirst().orElseThrow().id());
            });
            return FxWait.picture(window::scene, dir.resolve("lesson-" + tag + ".png"));
        } finally {
            FxWait.run(() -> {
                window.controller().dispose();
                window.stage().close();
            });
        }
    }
}
