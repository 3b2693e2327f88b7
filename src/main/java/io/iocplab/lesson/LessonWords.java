package io.iocplab.lesson;

import io.iocplab.scenario.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson's words against the course's {@link Glossary}: every text a student reads (title, summary, each
 * step's narration, question and "why") in both languages, each forbidden variant reported at the step (or at
 * the top of the file for the title and summary) with the term to use instead.
 */
final class LessonWords {
    private LessonWords() {}

    static List<Problem> drift(Lesson lesson, Glossary glossary) {
        List<Problem> out = new ArrayList<>();
        check(out, lesson, glossary, Pos.NONE, "title", lesson.title());
        check(out, lesson, glossary, Pos.NONE, "summary", lesson.summary());
        for (LessonStep s : lesson.steps()) {
            String path = "steps[" + s.index() + "]";
            check(out, lesson, glossary, s.pos(), path + ".say", s.say());
            if (s.predict() != null) {
                check(out, lesson, glossary, s.predict().pos(), path + ".predict.question", s.predict().question());
                check(out, lesson, glossary, s.predict().pos(), path + ".predict.explain", s.predict().explain());
            }
        }
        return out;
    }

    private static void check(List<Problem> out, Lesson lesson, Glossary glossary, Pos pos, String path, Text text) {
        if (text == null) {
            return;
        }
        for (Lang lang : Lang.values()) {
            for (Glossary.Drift d : glossary.find(text.get(lang), lang)) {
                out.add(new Problem(lesson.file(), pos.line(), pos.column(), path + "." + lang.code()
                        + ": the glossary forbids " + d.describe(lang)));
            }
        }
    }
}
