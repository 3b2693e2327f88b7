package io.iocplab.lesson;

import java.util.Objects;

/**
 * A text in English and in Korean. A lesson never has one without the other: the loader refuses a
 * file where either is missing or blank.
 */
public record Text(String en, String ko) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ko, "ko");
    }

    public String get(Lang lang) {
        return lang == Lang.KO ? ko : en;
    }

    /** The same text in both languages (names, numbers). */
    public static Text both(String s) {
        return new Text(s, s);
    }
}
