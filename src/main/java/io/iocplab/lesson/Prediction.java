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
 *                  thread ({@link Kind#WAKES}, {@link Kind#RETURNS}, {@link Kind#GETS}) it is about
 * @param explain   the author's "why", shown after the answer, or null
 * @param pos       where {@code predict:} is written
 * @param answerPos where {@code answer:} is written
 */
public record Prediction(Text question, Kind kind, String subject, Text explain, Pos pos, Pos answerPos) {

    /** The kinds of answer. */
    public enum Kind {
        /** Which thread's GetQueuedCompletionStatus returns the next packet of the port? Choices: its threads. */
        NEXT_RELEASE(true),
        /** Does the (waiting) thread leave its wait before the next step's point? yes/no. */
        WAKES(false),
        /** What does the thread's next GetQueuedCompletionStatus return? The four kinds of return. */
        RETURNS(false),
        /** The port's running count at its next port.state. */
        RUNNING(true),
        /** The port's queue depth after it next changes. */
        QUEUE(true),
        /** Which packet (OVERLAPPED, key) the thread's next GetQueuedCompletionStatus hands it. */
        GETS(false);

        private final boolean aboutPort;

        Kind(boolean aboutPort) {
            this.aboutPort = aboutPort;
        }

        /** Whether the subject is a port (else a thread). */
        public boolean aboutPort() {
            return aboutPort;
        }

        /** The name in lesson files: next-release, wakes, returns, running, queue, gets. */
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
