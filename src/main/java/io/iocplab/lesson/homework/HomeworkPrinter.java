package io.iocplab.lesson.homework;

import io.iocplab.lesson.Choice;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Sentences;
import io.iocplab.lesson.Text;
import java.util.List;

/**
 * A homework problem as the student reads it ({@code lessons homework}): the title, what was changed from the
 * lesson's scenario, the changed scenario (indented, ready to save and run), the sweep to run if the lesson has
 * one, the questions with their choices a), b), c)..., and with {@code --answers} the key with the engine's
 * explanations. The same homework gives the same text, character for character.
 */
final class HomeworkPrinter {
    private HomeworkPrinter() {}

    /** The problem (the changes, the scenario, the questions) and, with {@code answers}, the key. */
    static String render(Homework h, Lang lang, boolean answers) {
        StringBuilder sb = new StringBuilder();
        sb.append(Sentences.format(lang, "print.title", h.lesson().id(), h.seed(), h.lesson().title())).append("\n\n");
        sb.append(Sentences.format(lang, "print.changed")).append('\n');
        for (Text c : h.changes()) {
            sb.append("  - ").append(c.get(lang)).append('\n');
        }
        sb.append('\n').append(Sentences.format(lang, "print.scenario")).append("\n\n");
        for (String line : h.scenarioYaml().split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        if (h.lesson().sweep() != null) {
            sb.append('\n').append(Sentences.format(lang, "print.sweep"))
                    .append("\n\n    iocplab sweep FILE.yaml ").append(h.lesson().sweep().options()).append('\n');
        }
        sb.append('\n').append(Sentences.format(lang, "print.questions")).append('\n');
        for (Homework.Question q : h.questions()) {
            sb.append('\n').append(q.number()).append(". ").append(q.context().get(lang)).append(":\n   ")
                    .append(q.question().get(lang)).append('\n');
            List<Choice> choices = q.answer().choices();
            for (int i = 0; i < choices.size(); i++) {
                sb.append("     ").append(letter(i)).append(") ").append(choices.get(i).label().get(lang)).append('\n');
            }
        }
        if (answers) {
            sb.append('\n').append(Sentences.format(lang, "print.answers")).append('\n');
            for (Homework.Question q : h.questions()) {
                List<Choice> choices = q.answer().choices();
                int right = choices.indexOf(q.answer().correctChoice());
                sb.append(q.number()).append(". ").append(letter(right)).append(") ")
                        .append(choices.get(right).label().get(lang)).append("\n   ")
                        .append(q.answer().explanation().get(lang)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String letter(int i) {
        return Character.toString((char) ('a' + i));
    }
}
