package io.iocplab.app.lesson;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.Prediction;
import io.iocplab.lesson.Text;
import io.iocplab.lesson.run.LessonRun;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The numbers of a lesson's sweep as the narration shows them once the student has answered a question about
 * it ({@link SweepResultsView} draws them). No JavaFX.
 *
 * <p>Rules:
 * <ul>
 *   <li>One line per configuration, in configuration order ({@link LessonRun#sweepRows()}), labelled as the
 *       student's choice for it was: the {@link Choice} whose id is the configuration's
 *       {@link io.iocplab.sweep.Configuration#describe()}.</li>
 *   <li>The <b>best</b> line has the highest throughput; every bar is the line's throughput over the best's,
 *       from 0 to 1 (0 for a run without a throughput: it dequeued nothing).</li>
 *   <li>A line <b>wins</b> an answered question when it is that question's right answer: the engine's answer,
 *       never recomputed here. Only the questions already answered mark their winner.</li>
 *   <li>The <b>stage</b> line is the lesson's own scenario, the run the stage shows ({@link LessonRun#stageRow()}).</li>
 * </ul>
 *
 * @param lines one per configuration
 * @param best  the index of the line with the highest throughput, or -1 if no run has one
 * @param stage the index of the line shown on the stage, or -1
 */
public record SweepResults(List<Line> lines, int best, int stage) {

    public SweepResults {
        lines = List.copyOf(lines);
    }

    /**
     * One configuration's run.
     *
     * @param label             the configuration in both languages, as its choice reads
     * @param throughput        packets per virtual second ({@link Measures#throughput()}), NaN without packets
     * @param switchesPerPacket context switches per packet, NaN without packets
     * @param bar               throughput over the best throughput, 0 to 1
     * @param onStage           whether this run is the one on the stage
     * @param wins              the kinds of the answered questions this configuration is the answer of
     */
    public record Line(Text label, double throughput, double switchesPerPacket, double bar, boolean onStage,
                       Set<Prediction.Kind> wins) {
        public Line {
            wins = Set.copyOf(wins);
        }
    }

    /**
     * The results of {@code run}'s sweep after the answered sweep questions {@code answered} (their answers, in
     * step order), or null when there is nothing to show yet: no sweep rows, or no question answered.
     */
    public static SweepResults of(LessonRun run, List<Answer> answered) {
        List<Row> rows = run.sweepRows();
        if (rows.isEmpty() || answered.isEmpty()) {
            return null;
        }
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            double t = rows.get(i).measures().throughput();
            if (!Double.isNaN(t) && (best < 0 || t > rows.get(best).measures().throughput())) {
                best = i;
            }
        }
        double top = best < 0 ? 0 : rows.get(best).measures().throughput();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String id = r.configuration().describe();
            Measures m = r.measures();
            double t = m.throughput();
            double bar = Double.isNaN(t) || top <= 0 ? 0 : t / top;
            Set<Prediction.Kind> wins = EnumSet.noneOf(Prediction.Kind.class);
            for (Answer a : answered) {
                if (a.isCorrect(id)) {
                    wins.add(a.kind());
                }
            }
            lines.add(new Line(labelOf(answered.get(0), id), t, m.contextSwitchesPerPacket(), bar,
                    i == run.stageRow(), wins));
        }
        return new SweepResults(lines, best, run.stageRow());
    }

    private static Text labelOf(Answer answer, String id) {
        return answer.choices().stream().filter(c -> c.id().equals(id)).map(Choice::label).findFirst()
                .orElse(Text.both(id));
    }
}
