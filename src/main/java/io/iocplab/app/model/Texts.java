package io.iocplab.app.model;

import io.iocplab.lesson.KoreanParticles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Every visible string of the window, in the language chosen at run time. Views read their text
 * through {@link #get} and redraw when {@link #localeProperty()} changes. Each part of the window
 * has its own bundle under {@code io/iocplab/app/} (shell, stage, history …), English as the base
 * and Korean beside it; a missing Korean key falls back to English, never to the system locale. A Korean
 * particle after a filled-in word is written both ways in the bundle ("{0}을(를)") and settled by the word
 * ({@link KoreanParticles#settle}).
 */
public final class Texts {
    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(Locale.ENGLISH);

    public Texts(Locale initial) {
        locale.set(initial.getLanguage().equals("ko") ? KOREAN : ENGLISH);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text of {@code key} in bundle {@code io.iocplab.app.<bundle>}, formatted with MessageFormat. */
    public String get(String bundle, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("io.iocplab.app." + bundle, locale.get(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = b.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        String text = new MessageFormat(pattern, locale.get()).format(args);
        return locale.get() == KOREAN ? KoreanParticles.settle(text) : text;
    }
}
