package io.iocplab.app;

import io.iocplab.app.model.Texts;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * The English / 한국어 pair of the toolbar: exactly one is chosen at any time, and choosing one sets
 * the language of every text of the window ({@link Texts#localeProperty()}).
 */
final class LanguageButtons {
    private final ToggleButton english;
    private final ToggleButton korean;

    LanguageButtons(Texts texts, ToggleButton english, ToggleButton korean) {
        this.english = english;
        this.korean = korean;
        ToggleGroup languages = new ToggleGroup();
        english.setToggleGroup(languages);
        korean.setToggleGroup(languages);
        english.setUserData(Texts.ENGLISH);
        korean.setUserData(Texts.KOREAN);
        languages.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                languages.selectToggle(was);        // one language is always chosen
            } else {
                texts.localeProperty().set((Locale) now.getUserData());
            }
        });
    }

    /** Chooses the button of {@code locale}: Korean for any {@code ko} locale, else English. */
    void select(Locale locale) {
        (locale.getLanguage().equals("ko") ? korean : english).setSelected(true);
    }
}
