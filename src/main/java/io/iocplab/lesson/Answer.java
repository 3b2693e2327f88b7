package io.iocplab.lesson;

import java.util.List;

/**
 * The answer to a {@link Prediction}, computed from the run, never written by the lesson's author.
 *
 * @param kind        the prediction's kind
 * @param subject     the port or thread it is about, or the sweep ({@link LessonSweep#describe()}) for the
 *                    kinds answered from the lesson's sweep
 * @param choices     what the student chooses from, in display order; the correct one is among them
 * @param correct     the {@link Choice#id()} of the right choice
 * @param decidedAt   the index of the event that settles it (the player may show it when revealing)
 * @param explanation what happened, in both languages (engine-made, with times and values)
 */
public record Answer(Prediction.Kind kind, String subject, List<Choice> choices, String correct, int decidedAt,
                     Text explanation) {
    public Answer {
        choices = List.copyOf(choices);
        if (choices.stream().noneMatch(c -> c.id().equals(correct))) {
            throw new IllegalArgumentException("the correct answer " + correct + " is not among the choices");
        }
    }

    public boolean isCorrect(String choiceId) {
        return correct.equals(choiceId);
    }

    public Choice correctChoice() {
        return choices.stream().filter(c -> c.id().equals(correct)).findFirst().orElseThrow();
    }
}
