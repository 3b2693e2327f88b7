package io.iocplab.lesson;

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
        boolean ko = lang == Lang.KO;
        StringBuilder sb = new StringBuilder();
        sb.append(ko ? "숙제 " : "Homework ").append(h.lesson().id()).append(" (seed ").append(h.seed()).append("): ")
                .append(h.lesson().title().get(lang)).append("\n\n");
        sb.append(ko ? "레슨의 시나리오에서 바뀐 점:" : "Changed from the lesson's scenario:").append('\n');
        for (Text c : h.changes()) {
            sb.append("  - ").append(c.get(lang)).append('\n');
        }
        sb.append('\n').append(ko ? "시나리오 (파일로 저장하면 `iocplab run 파일.yaml`로 직접 돌려 볼 수 있습니다):"
                : "The scenario (save it as a file and run it yourself: `iocplab run FILE.yaml`):").append("\n\n");
        for (String line : h.scenarioYaml().split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        if (h.lesson().sweep() != null) {
            sb.append('\n').append(ko ? "스윕 (같은 파일로 직접 돌려 볼 수 있습니다):" : "The sweep (run it yourself on the same file):")
                    .append("\n\n    iocplab sweep FILE.yaml ").append(h.lesson().sweep().options()).append('\n');
        }
        sb.append('\n').append(ko ? "문제" : "Questions").append('\n');
        for (Homework.Question q : h.questions()) {
            sb.append('\n').append(q.number()).append(". ").append(q.context().get(lang)).append(":\n   ")
                    .append(q.question().get(lang)).append('\n');
            List<Choice> choices = q.answer().choices();
            for (int i = 0; i < choices.size(); i++) {
                sb.append("     ").append(letter(i)).append(") ").append(choices.get(i).label().get(lang)).append('\n');
            }
        }
        if (answers) {
            sb.append('\n').append(ko ? "정답" : "Answers").append('\n');
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
