package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What every bundle of the window must be, checked the same way for each: English and Korean have
 * the same keys, every pattern parses as a {@link MessageFormat} in its language, and each Korean
 * text is written in Hangul unless it is notation (numbers and symbols, the same in both languages).
 */
public final class Bundles {
    private Bundles() {}

    /** The bundle {@code io/iocplab/app/NAME[SUFFIX].properties}, read as UTF-8. */
    public static Properties load(String name, String suffix) {
        String path = "/io/iocplab/app/" + name + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream(path)) {
            assertNotNull(in, "no bundle " + path);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The checks of the class comment for bundle {@code name}; {@code notation} names the keys exempt from Hangul. */
    public static void assertBothLanguages(String name, Predicate<String> notation) {
        Properties en = load(name, "");
        Properties ko = load(name, "_ko");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()),
                name + ": English and Korean keys");
        for (String key : en.stringPropertyNames()) {
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
            String text = ko.getProperty(key);
            new MessageFormat(text, Locale.KOREAN);
            if (!notation.test(key)) {
                assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                        () -> name + ": " + key + " is not translated: " + text);
            }
        }
    }
}
