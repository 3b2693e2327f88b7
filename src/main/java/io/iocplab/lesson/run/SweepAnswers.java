package io.iocplab.lesson.run;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.LessonSweep;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The answers of a lesson's sweep ({@link LessonSweep}): which configuration has the highest throughput
 * ({@code best-throughput}), which the most context switches per packet ({@code most-switches}), both as
 * {@link io.iocplab.sweep.Measures} defines them.
 *
 * <p>Rules:
 * <ul>
 *   <li>The choices are every configuration, in configuration order; a choice's id is
 *       {@link io.iocplab.sweep.Configuration#describe()} ({@code threads=8 concurrency=0}), its label
 *       {@link LessonSweep#label}.</li>
 *   <li>The answer is the configuration with the highest value of the kind's measure, and it must be clear:
 *       above the next one by at least {@link #MARGIN} of the next one's value. Two runs closer than that make
 *       the question a coin toss, and a run without the measure (no packet dequeued) cannot be ranked: then
 *       there is no answer, and {@code lessons check} says why.</li>
 * </ul>
 */
final class SweepAnswers {
    /** How far ahead the answer must be of the next configuration: 5 %. */
    static final double MARGIN = 0.05;

    private SweepAnswers() {}

    /**
     * What a kind measures: the value of a row, how a number of it is written, and its unit (for the messages of
     * {@code lessons check}; the explanation's sentences are the bundle's, {@code answer.sweep.KIND}).
     */
    private record Measure(ToDoubleFunction<Measures> of, String format, String unit) {
        String en(double v) {
            return number(v) + " " + unit;
        }

        String number(double v) {
            return String.format(Locale.ROOT, format, v);
        }
    }

    private static Measure measure(Prediction.Kind kind) {
        return switch (kind) {
            case BEST_THROUGHPUT -> new Measure(Measures::throughput, "%.0f", "packets per virtual second");
            case MOST_SWITCHES -> new Measure(Measures::contextSwitchesPerPacket, "%.3f", "context switches per packet");
            default -> throw new IllegalArgumentException(kind + " is not answered by a sweep");
        };
    }

    /**
     * The answer of a sweep's rows.
     *
     * @param subject   the sweep, as {@link LessonSweep#describe()} writes it
     * @param decidedAt the event that settles it on the stage (the stage run's last event)
     */
    static Computed answer(Prediction.Kind kind, String subject, List<Row> rows, int decidedAt) {
        Measure m = measure(kind);
        List<Choice> choices = new ArrayList<>();
        for (Row r : rows) {
            double v = m.of().applyAsDouble(r.measures());
            if (Double.isNaN(v)) {
                return Computed.none("the run " + r.configuration().describe() + " dequeued no packet, so it has no "
                        + m.unit());
            }
            choices.add(new Choice(r.configuration().describe(), LessonSweep.label(r.configuration())));
        }
        List<Row> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble((Row r) -> m.of().applyAsDouble(r.measures())).reversed());
        Row first = ranked.get(0);
        Row second = ranked.get(1);
        double z = value(m, ranked.get(ranked.size() - 1));
        double a = value(m, first);
        double b = value(m, second);
        if (a < b * (1 + MARGIN)) {
            return Computed.none("no clear answer: " + first.configuration().describe() + " (" + m.en(a) + ") and "
                    + second.configuration().describe() + " (" + m.number(b) + ") are within "
                    + Math.round(MARGIN * 100) + "% of each other");
        }
        Text lowest = null;
        for (Row r : rows) {
            if (value(m, r) == z) {
                Text label = LessonSweep.label(r.configuration());
                lowest = lowest == null ? label : Sentences.text("answer.sweep.and", lowest, label);
            }
        }
        long less = Math.round((a - b) * 100 / a);
        Text explanation = Sentences.text("answer.sweep." + kind.key(), LessonSweep.label(first.configuration()),
                m.number(a), rows.size(), LessonSweep.label(second.configuration()), m.number(b), less, lowest,
                m.number(z));
        return Computed.of(new Answer(kind, subject, choices, first.configuration().describe(), decidedAt,
                explanation));
    }

    private static double value(Measure m, Row r) {
        return m.of().applyAsDouble(r.measures());
    }
}
