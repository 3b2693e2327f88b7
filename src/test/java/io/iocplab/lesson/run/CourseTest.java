package io.iocplab.lesson.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.TestLessons;
import io.iocplab.lesson.read.Fields;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.scenario.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every lesson of the course passes {@code lessons check}: this is how CI runs it. */
class CourseTest {
    static final Path LESSONS = Path.of("lessons");

    @Test
    void everyLessonPassesCheck() throws IOException {
        LessonCheck.Result r = LessonCheck.check(LESSONS);
        assertEquals(List.of(), r.problems().stream().map(Problem::toString).collect(Collectors.toList()));
        assertTrue(r.ok());
        assertTrue(r.files().size() >= 22, "the course has at least 22 lessons, has " + r.files().size());
    }

    @Test
    void everyLessonIsAFewMinutesWithAPrediction() throws IOException {
        for (Path f : LessonLoader.files(LESSONS)) {
            Lesson l = load(f);
            assertTrue(l.steps().size() >= 4 && l.steps().size() <= 8, l.id() + ": 4 to 8 steps, has "
                    + l.steps().size());
            assertTrue(l.predictions() >= 1, l.id() + ": at least one prediction");
        }
    }

    @Test
    void lessonsAreNumberedInOrderFromOne() throws IOException {
        List<Path> files = LessonLoader.files(LESSONS);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(String.format("%02d", i + 1), load(files.get(i)).number());
        }
    }

    @Test
    void everyPointAndAnswerIsResolved() throws IOException {
        for (Path f : LessonLoader.files(LESSONS)) {
            Lesson l = load(f);
            LessonRun run = LessonRun.run(l);
            int previous = -1;
            for (LessonStep s : l.steps()) {
                int p = run.pointOf(s.index());
                assertTrue(p >= previous && p >= 0, l.id() + " step " + s.index() + " point " + p);
                previous = p;
                if (s.predict() != null) {
                    Answer a = run.answerOf(s.index()).orElseThrow();
                    assertTrue(a.decidedAt() > p, l.id() + " step " + s.index() + ": decided after the point");
                    assertTrue(a.choices().size() >= 2);
                    assertFalse(a.explanation().en().isBlank());
                    assertTrue(a.explanation().ko().codePoints().anyMatch(Fields::hangul));
                }
                if (s.codeThread() != null) {
                    CodeFocus c = run.codeOf(s.index());
                    assertEquals(s.codeThread(), c.thread());
                }
            }
        }
    }

    static Lesson load(Path f) {
        return TestLessons.load(f);
    }
}
