package io.iocplab.lesson;

import java.util.Locale;

/** The two languages every lesson is written in. */
public enum Lang {
    EN("en"), KO("ko");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** The key a lesson file uses for this language, and the {@code --lang} value: "en" or "ko". */
    public String code() {
        return code;
    }

    /** The language for "en" or "ko" (any case), or null. */
    public static Lang of(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (l.code.equals(c)) {
                return l;
            }
        }
        return null;
    }
}
