package io.iocplab.lesson;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences the lesson package makes (the engine's answers and explanations, how a cue reads, homework's
 * stems and changes), in English and Korean, from the resource bundle {@value #BUNDLE} like every other text of
 * the program. A pattern is a {@link MessageFormat}; its arguments are put in as text: a {@link Text} in the
 * pattern's language, a {@link WithParticle} with the Korean particle its word takes ({@link KoreanParticles}),
 * anything else as {@link String#valueOf} writes it (numbers are never regrouped: 1000 stays 1000).
 */
public final class Sentences {
    /** The bundle: {@code sentences.properties} (English) and {@code sentences_ko.properties}. */
    public static final String BUNDLE = "io.iocplab.lesson.sentences";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Sentences() {}

    /** A word followed, in Korean, by the form of {@code particle} its reading takes ("Sleep으로", "T1로"). */
    public record WithParticle(Text word, KoreanParticles.Particle particle) {}

    /** {@code word} with the particle after it in Korean. */
    public static WithParticle with(Text word, KoreanParticles.Particle particle) {
        return new WithParticle(word, particle);
    }

    /** Virtual time as "5.050 ms", as every sentence of the course writes it. */
    public static String ms(long us) {
        return Words.ms(us);
    }

    /** The sentence {@code key} in both languages, with its arguments. */
    public static Text text(String key, Object... args) {
        return new Text(format(Lang.EN, key, args), format(Lang.KO, key, args));
    }

    /** The sentence {@code key} in one language. */
    public static String format(Lang lang, String key, Object... args) {
        Locale locale = lang == Lang.KO ? Locale.KOREAN : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Sentences.class.getClassLoader(), NO_FALLBACK);
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = in(lang, args[i]);
        }
        return new MessageFormat(bundle.getString(key), locale).format(texts);
    }

    private static String in(Lang lang, Object arg) {
        if (arg instanceof Text t) {
            return t.get(lang);
        }
        if (arg instanceof WithParticle w) {
            return lang == Lang.KO ? KoreanParticles.with(w.word().ko(), w.particle()) : w.word().en();
        }
        return String.valueOf(arg);
    }
}
