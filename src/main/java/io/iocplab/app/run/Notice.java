package io.iocplab.app.run;

import java.util.Arrays;
import java.util.List;

/**
 * Something the window should tell the user once ("Restarted with the new settings at step 120"):
 * a key of the shell's {@code messages} bundle and its arguments, put into words by the window.
 *
 * @param serial a number that differs from one notice to the next, so two equal messages in a row
 *               are still two notices
 */
public record Notice(Kind kind, String key, List<Object> args, long serial) {

    /** How the window shows it: a passing note, or an error that stays until read. */
    public enum Kind { INFO, ERROR }

    public Notice {
        args = List.copyOf(args);
    }

    static Notice info(long serial, String key, Object... args) {
        return new Notice(Kind.INFO, key, Arrays.asList(args), serial);
    }

    static Notice error(long serial, String key, Object... args) {
        return new Notice(Kind.ERROR, key, Arrays.asList(args), serial);
    }

    /** The arguments as an array, for {@code Texts.get(bundle, key, args)}. */
    public Object[] argArray() {
        return args.toArray();
    }
}
