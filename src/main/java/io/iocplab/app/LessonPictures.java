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

    /** What a picture does in lesson mode once the lesson is ready (called off the JavaFX thread). */
    interface Exercise {
        void play(LessonMode mode) throws Exception;
    }

    /** Writes {@code lesson-TAG.png} into {@code dir}, the main window in {@code locale}. */
    public static Path write(Path dir, Locale locale, String tag) throws Exception {
        return picture(dir.resolve("lesson-" + tag + ".png"), locale, LESSON, LessonPictures::answerTheFirstQuestionWrongly);
    }

    /**
     * The main window in {@code locale} with lesson {@code id} open, after {@code exercise}, pictured in {@code file}.
     * Progress goes to a temporary folder, never to the user's.
     */
    static Path picture(Path file, Locale locale, String id, Exercise exercise) throws Exception {
        if (System.getProperty(ProgressStore.HOME_PROPERTY) == null) {
            System.setProperty(ProgressStore.HOME_PROPERTY, Files.createTempDirectory("iocplab-shots").toString());
        }
        Lesson lesson = lesson(id);
        MainWindow window = FxWait.call(() -> {
            Stage stage = new Stage();
            MainWindow w = MainWindow.create(stage, locale, MainWindow.WIDTH, MainWindow.HEIGHT);
            w.controller().lessons().open(lesson);
            stage.show();
            return w;
        });
        try {
            LessonMode mode = window.controller().lessons();
            FxWait.until(() -> mode.walk() != null, "lesson " + id + " was not ready");
            exercise.play(mode);
            return FxWait.picture(window::scene, file);
        } finally {
            FxWait.run(() -> {
                window.controller().dispose();
                window.stage().close();
            });
        }
    }

    /**
     * Waits for the lesson in {@code mode} to be ready, goes on to its first question and picks wrong choices until
     * the question ends (from the test thread): the picture then shows a question, the verdict, the engine's answer
     * and the author's why, the fullest a step's column gets.
     */
    static void answerTheFirstQuestionWrongly(LessonMode mode) throws Exception {
        FxWait.until(() -> mode.walk() != null, "lesson " + LESSON + " was not ready");
        FxWait.run(() -> {
            while (mode.walk().answer().isEmpty() && !mode.walk().atLast()) {
                mode.next();
            }
            Answer a = mode.walk().answer().orElseThrow();
            for (var c : a.choices()) {
                if (!a.isCorrect(c.id()) && mode.walk().chosen() == null) {
                    mode.choose(c.id());
                }
            }
        });
    }

    /** The lesson the pictures show, from the packed course. */
    static Lesson lesson() {
        return lesson(LESSON);
    }

    private static Lesson lesson(String id) {
        return Course.packed().lessons().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lesson " + id + " packed"));
    }
}
