package io.iocplab.lesson;

import io.iocplab.lesson.read.LessonLoader;
import java.io.IOException;
import java.nio.file.Path;

/** The course's lesson files for tests: loaded, or the test fails with the file's problems. */
public final class TestLessons {
    /** The course's folder, as the tests run it (the module's root). */
    public static final Path LESSONS = Path.of("lessons");

    private TestLessons() {}

    public static Lesson load(Path f) {
        try {
            return LessonLoader.load(f);
        } catch (IOException | InvalidLessonException e) {
            throw new AssertionError(f + ": " + e.getMessage(), e);
        }
    }
}
