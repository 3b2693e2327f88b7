package io.iocplab.lesson;

import java.util.Locale;

/**
 * A question the student answers before seeing what happens. The lesson gives only the question and
 * the kind of answer; the correct answer and the choices are computed from the run by
 * {@link LessonRun} (see {@link Answer}), so a lesson cannot say something the model does not do.
 *
 * @param question  what the student is asked, in both languages
 * @param kind      what kind of answer the engine computes
 * @param subject   the port ({@link Kind#NEXT_RELEASE}, {@link Kind#RUNNING}, {@link Kind#QUEUE}) or the
 *                  thread ({@link Kind#WAKES}, {@link Kind#RETURNS}, {@link Kind#GETS}, {@link Kind#ERROR}) it is about; for the
 *                  kinds answered from the lesson's sweep, the sweep as {@link LessonSweep#describe()} writes it
 * @param explain   the author's "why", shown after the answer, or null
 * @param pos       where {@code predict:} is written
 * @param answerPos where {@code answer:} is written
 */
public record Prediction(Text question, Kind kind, String subject, Text explain, Pos pos, Pos answerPos) {

    /** The kinds of answer. */
    public enum Kind {
        /** Which thread's GetQueuedCompletionStatus returns the next packet of the port? Choices: its threads. */
        NEXT_RELEASE(About.PORT),
        /** Does the (waiting) thread leave its wait before the next step's point? yes/no. */
        WAKES(About.THREAD),
        /** What does the thread's next GetQueuedCompletionStatus return? The four kinds of return. */
        RETURNS(About.THREAD),
        /** The port's running count at its next port.state. */
        RUNNING(About.PORT),
        /** The port's queue depth after it next changes. */
        QUEUE(About.PORT),
        /** Which packet (OVERLAPPED, key) the thread's next GetQueuedCompletionStatus hands it. */
        GETS(About.THREAD),
        /** What GetLastError() says after the thread's next GetQueuedCompletionStatus: the cause of a FALSE. */
        ERROR(About.THREAD),
        /** Which configuration of the lesson's sweep has the highest throughput? Choices: the configurations. */
        BEST_THROUGHPUT(About.SWEEP),
        /** Which configuration of the lesson's sweep has the most context switches per packet? */
        MOST_SWITCHES(About.SWEEP);

        /** What a kind of prediction is about: a port, a thread, or the lesson's sweep (every run of it). */
        public enum About { PORT, THREAD, SWEEP }

        private final About about;

        Kind(About about) {
            this.about = about;
        }

        public About about() {
            return about;
        }

        /** Whether the subject is a port. */
        public boolean aboutPort() {
            return about == About.PORT;
        }

        /** Whether the answer comes from the lesson's sweep (the configurations are the choices) rather than its run. */
        public boolean fromSweep() {
            return about == About.SWEEP;
        }

        /** The name in lesson files: next-release, wakes, returns, running, queue, gets, error, best-throughput, most-switches. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key().equals(key)) {
                    return k;
                }
            }
            return null;
        }
    }
}
