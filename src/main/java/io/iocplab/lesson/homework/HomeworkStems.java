package io.iocplab.lesson.homework;

import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.Words;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;

/**
 * How homework asks its questions: each at a moment named by its time, each naming its actors (a thread, a port,
 * the sweep), never by what happened there, which may be the answer to the question before. The sentences are
 * the bundle's ({@link Sentences}, keys {@code homework.*}).
 *
 * <p>A "does it wake" question asks about the span from its moment to the next step's moment, written as a time
 * ("before t = 10.050 ms"). For that to be exact, no wake-up of the thread may fall at that very time, on either
 * side of the next moment: {@link #straddles} finds such a run, and homework does not keep it.
 */
final class HomeworkStems {
    private HomeworkStems() {}

    /** "At t = 10.052 ms" / "t = 10.052 ms 시점". */
    static Text moment(LessonRun run, int step) {
        return Sentences.text("homework.at", Words.ms(run.events().get(run.pointOf(step)).tUs()));
    }

    /** The question of a prediction kind, in the engine's words, about the step's moment of {@code run}. */
    static Text question(Prediction p, LessonRun run, int step) {
        String key = "homework.question." + p.kind().key();
        return p.kind() == Prediction.Kind.WAKES ? Sentences.text(key, p.subject(), horizon(run, step))
                : Sentences.text(key, p.subject());
    }

    /** A hint that fits every question of a kind (homework's questions have no author to write one). */
    static Text hint(Prediction.Kind kind) {
        return Sentences.text("homework.hint." + kind.key());
    }

    /** The first step of homework in the window: what changed from the lesson's scenario, one line each. */
    static Text changes(List<Text> changes) {
        StringBuilder en = new StringBuilder();
        StringBuilder ko = new StringBuilder();
        for (Text c : changes) {
            en.append("\n\u2022 ").append(c.en());
            ko.append("\n\u2022 ").append(c.ko());
        }
        return Sentences.text("homework.changed", new Text(en.toString(), ko.toString()));
    }

    /** "Homework (seed 3): the lesson's title". */
    static Text title(Lesson lesson, long seed) {
        return Sentences.text("homework.title", Long.toString(seed), lesson.title());
    }

    /** "before t = 10.050 ms" / "t = 10.050 ms 전에": the next step's moment, or the end of the run. */
    private static Text horizon(LessonRun run, int step) {
        int next = nextPoint(run, step);
        if (next < 0) {
            return Sentences.text("homework.beforeTheEnd");
        }
        return Sentences.text("homework.before", Words.ms(run.events().get(next).tUs()));
    }

    private static int nextPoint(LessonRun run, int step) {
        return step + 1 < run.lesson().steps().size() ? run.pointOf(step + 1) : -1;
    }

    /**
     * Whether a "does it wake" question of the run would be ambiguous: its thread leaves its wait at the very time
     * of the next step's moment, so "before that time" would not say on which side.
     */
    static boolean straddles(LessonRun run) {
        List<SimEvent> events = run.events();
        for (LessonStep s : run.lesson().steps()) {
            if (s.predict() == null || s.predict().kind() != Prediction.Kind.WAKES) {
                continue;
            }
            int next = nextPoint(run, s.index());
            if (next < 0) {
                continue;
            }
            long t = events.get(next).tUs();
            for (int i = run.pointOf(s.index()) + 1; i < events.size() && events.get(i).tUs() <= t; i++) {
                if (events.get(i) instanceof ThreadState ts && ts.thread().equals(s.predict().subject())
                        && ts.state() != ThreadState.State.WAITING) {
                    if (ts.tUs() == t) {
                        return true;            // its first wake-up is at the span's end
                    }
                    break;
                }
            }
        }
        return false;
    }
}
