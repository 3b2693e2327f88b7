package io.iocplab.lesson;

import io.iocplab.scenario.Scenario;
import java.util.List;

/**
 * A lesson as read from {@code lessons/NN-slug.yaml} (see {@code lessons/README.md}).
 *
 * @param id           the file's name without {@code .yaml}, e.g. {@code 06-lifo}
 * @param file         the file as it was named when loaded (problems are reported under it)
 * @param scenario     the scenario the lesson runs
 * @param scenarioText the lesson file's text with everything but the {@code scenario:} block blanked out,
 *                     so that lines and columns stay those of the lesson file (homework re-reads it)
 * @param vary         what homework may vary (see {@link io.iocplab.lesson.homework.Homework}); empty means everything that applies
 * @param sweep        the lesson's sweep over its scenario, or null (see {@link LessonSweep})
 */
public record Lesson(String id, String file, Text title, Text summary, Scenario scenario, String scenarioText,
                     List<LessonStep> steps, List<String> vary, LessonSweep sweep) {
    public Lesson {
        steps = List.copyOf(steps);
        vary = List.copyOf(vary);
    }

    /** The lesson's number, the digits its id starts with ("06" for 06-lifo), or the id. */
    public String number() {
        int i = 0;
        while (i < id.length() && Character.isDigit(id.charAt(i))) {
            i++;
        }
        return i == 0 ? id : id.substring(0, i);
    }

    /** The same lesson over another scenario (homework's varied runs). */
    public Lesson withScenario(Scenario other) {
        return new Lesson(id, file, title, summary, other, scenarioText, steps, vary, sweep);
    }

    public long predictions() {
        return steps.stream().filter(s -> s.predict() != null).count();
    }
}
