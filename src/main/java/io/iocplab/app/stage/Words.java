package io.iocplab.app.stage;

import io.iocplab.app.model.Texts;
import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.PacketView;

/**
 * The stage's words: keys of the bundle {@code io.iocplab.app.stage} in the language {@link Texts}
 * holds now, plus the few value formats every card shares (an OVERLAPPED label, an error).
 */
final class Words {
    static final String BUNDLE = "stage";

    private final Texts texts;

    Words(Texts texts) {
        this.texts = texts;
    }

    String get(String key, Object... args) {
        return texts.get(BUNDLE, key, args);
    }

    /** An OVERLAPPED pointer as C shows it: its label, or NULL. */
    static String ov(String label) {
        return label == null ? "NULL" : label;
    }

    /** A Win32 status as a student reads it: "ERROR_NETNAME_DELETED (64)". */
    static String error(int code) {
        return Win32Error.name(code) + " (" + code + ")";
    }

    /** A short name for a packet: its OVERLAPPED label, or key/bytes when it has none. */
    static String packetName(PacketView p) {
        return p.overlapped() != null ? p.overlapped() : "key " + p.key();
    }
}
