package io.iocplab.app.lesson;

import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonLoader;
import io.iocplab.lesson.PackedCourse;
import io.iocplab.scenario.Limits;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The course the window offers: the lesson files packed into the program ({@link PackedCourse}), so
 * {@code java -jar iocplab.jar} finds them from any folder.
 *
 * <p>Rules: the lessons are those {@link LessonLoader#files} finds in that folder of the class path, in
 * file order. A file that does not load is left out of {@link #lessons()} and its problems are kept in
 * {@link #problems()} as {@code FILE:LINE:COLUMN: message} lines; the others are offered. Reading takes a
 * moment: call it off the JavaFX thread.
 */
public record Course(List<Lesson> lessons, List<String> problems) {
    /** Where the lesson files are on the class path. */
    public static final String RESOURCES = PackedCourse.RESOURCES;

    public Course {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** The course packed with the program. */
    public static Course packed() {
        return from(Course.class.getClassLoader());
    }

    /** The course under {@value #RESOURCES} of {@code loader}'s class path. */
    public static Course from(ClassLoader loader) {
        try {
            return PackedCourse.read(loader, Course::read);
        } catch (IOException | RuntimeException e) {
            return new Course(List.of(), List.of(RESOURCES + ": cannot read the lessons: " + e.getMessage()));
        }
    }

    private static Course read(Path dir) throws IOException {
        List<Lesson> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : LessonLoader.files(dir)) {
            String name = file.getFileName().toString();
            try {
                lessons.add(LessonLoader.loadString(name, SourceText.read(file, Limits.MAX_FILE_BYTES)));
            } catch (InvalidLessonException e) {
                for (Problem p : e.problems()) {
                    problems.add(p.toString());
                }
            } catch (IOException e) {
                problems.add(new Problem(name, 1, 1, "cannot read: " + e.getMessage()).toString());
            }
        }
        return new Course(lessons, problems);
    }
}
