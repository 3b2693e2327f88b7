package io.iocplab.lesson.run;

import io.iocplab.lesson.Answer;
/**
 * The engine's answer to a prediction, computed from a run, or why the run gives none ({@code lessons check}
 * reports it at the prediction's {@code answer:}). Exactly one of the two is non-null.
 */
record Computed(Answer answer, String why) {
    static Computed of(Answer answer) {
        return new Computed(answer, null);
    }

    static Computed none(String why) {
        return new Computed(null, why);
    }
}
