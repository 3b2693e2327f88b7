package io.iocplab.timeline;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * An answer to "why?" before it is put into words: a message key of the bundle
 * {@value #BUNDLE} and its arguments.
 *
 * <p>Rules: the text is the key's {@link MessageFormat} pattern in the asked locale, formatted with
 * the arguments; an argument that is itself an {@code Explanation} (a clause such as "because T3
 * blocked in Sleep") is put into words first, in the same locale. Only English (the base bundle)
 * and Korean ({@code _ko}) exist; any other locale gets English, whatever the default locale is.
 */
public record Explanation(String key, List<Object> args) {
    /** The resource bundle of the texts. */
    public static final String BUNDLE = "io.iocplab.timeline.why";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Explanation {
        Objects.requireNonNull(key, "key");
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Explanation of(String key, Object... args) {
        return new Explanation(key, Arrays.asList(args));
    }

    /** The explanation in words, in this locale. */
    public String text(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Explanation.class.getClassLoader(),
                NO_FALLBACK);
        List<Object> words = new ArrayList<>(args.size());
        for (Object a : args) {
            words.add(a instanceof Explanation e ? e.text(locale) : a);
        }
        return new MessageFormat(bundle.getString(key), locale).format(words.toArray());
    }
}
