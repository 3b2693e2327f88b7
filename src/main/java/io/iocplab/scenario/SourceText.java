package io.iocplab.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file someone handed the program (a scenario, a lesson, a sweep table) with a bound on
 * its size: at most {@code maxBytes + 1} bytes are ever read, so a huge file, {@code /dev/zero} or a
 * FIFO that never ends costs no more memory than the limit. The text must be UTF-8: a malformed byte
 * is a {@link java.nio.charset.MalformedInputException}, never a replacement character.
 */
public final class SourceText {
    private SourceText() {}

    /** A file larger than the limit it was read with. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("larger than " + Limits.bytes(limit) + ", the limit for this kind of file");
        }
    }

    /** The file's text, at most {@code maxBytes} bytes of UTF-8 (a byte-order mark is kept; readers drop it). */
    public static String read(Path file, int maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
