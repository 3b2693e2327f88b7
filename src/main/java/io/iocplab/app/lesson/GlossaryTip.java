package io.iocplab.app.lesson;

import io.iocplab.lesson.Glossary;
import io.iocplab.lesson.Lang;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The glossary where a student reads: hovering a step's narration shows the course's terms it uses, each with its
 * one-line definition ({@code lessons/glossary.yaml}), in the window's language.
 */
final class GlossaryTip {
    private GlossaryTip() {}

    /** A tooltip with the terms {@code text} uses and their definitions, or null when it uses none. */
    static Tooltip of(String text, Lang lang) {
        String lines = lines(text, lang);
        if (lines.isEmpty()) {
            return null;
        }
        Tooltip tip = new Tooltip(lines);
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.setShowDelay(Duration.millis(400));
        tip.setShowDuration(Duration.INDEFINITE);
        return tip;
    }

    /** "term: definition", one line per term the text uses. */
    static String lines(String text, Lang lang) {
        List<Glossary.Entry> used = Glossary.packed().usedIn(text, lang);
        StringBuilder sb = new StringBuilder();
        for (Glossary.Entry e : used) {
            sb.append(sb.length() == 0 ? "" : "\n").append(e.term().get(lang)).append(": ").append(e.defines().get(lang));
        }
        return sb.toString();
    }
}
