package io.iocplab.echo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream a {@code TraceWriter} writes a trace into, keeping only a running SHA-256 of its lines,
 * so that two long traces are compared without holding either.
 *
 * <p>Before a line is hashed, and only in {@code peer} lines, the values of {@code local_port} and
 * {@code remote_port} (the last two fields, TraceWriter's order) become {@code _}: they are the real
 * port numbers the OS gave the run's sockets, the one thing allowed to differ between two runs of the
 * same file. Every other byte is hashed as written, line ends included. Each masked line must end
 * with those two fields holding port numbers (1 to 65535); anything else is an error.
 */
final class MaskedTraceHash extends OutputStream {
    private static final byte[] PEER = "\"type\":\"peer\"".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern PORTS = Pattern.compile(",\"local_port\":(\\d+),\"remote_port\":(\\d+)}$");

    private final MessageDigest sha256;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private long lines;
    private long bytes;
    private long masked;
    private String lastLine = "";

    MaskedTraceHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(b, start, end - start);
    }

    private void endLine() {
        byte[] raw = line.toByteArray();
        line.reset();
        lines++;
        if (isPeerLine(raw)) {
            String text = new String(raw, StandardCharsets.UTF_8);
            Matcher m = PORTS.matcher(text);
            if (!m.find() || !isPort(m.group(1)) || !isPort(m.group(2))) {
                throw new IllegalStateException("a peer line without its two real port numbers at the end: " + text);
            }
            raw = (text.substring(0, m.start()) + ",\"local_port\":_,\"remote_port\":_}")
                    .getBytes(StandardCharsets.UTF_8);
            masked++;
        }
        sha256.update(raw);
        sha256.update((byte) '\n');
        bytes += raw.length + 1;
        if (raw.length < 4096) {
            lastLine = new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** Whether the type field, the fourth of every line ({@code {"t_us":..,"seq":..,"moment":..,"type":..}), is peer. */
    private static boolean isPeerLine(byte[] raw) {
        int commas = 0;
        int i = 0;
        while (i < raw.length && commas < 3) {
            if (raw[i++] == ',') {
                commas++;
            }
        }
        if (raw.length - i < PEER.length) {
            return false;
        }
        for (int k = 0; k < PEER.length; k++) {
            if (raw[i + k] != PEER[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPort(String digits) {
        if (digits.length() > 5) {
            return false;
        }
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65_535;
    }

    /** The SHA-256 of the masked trace, in hex; only once the trace is complete (the writer flushed). */
    String hex() {
        if (line.size() > 0) {
            throw new IllegalStateException("the trace does not end with a line end");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    long lines() {
        return lines;
    }

    /** The bytes hashed: the trace's, with the ports masked. */
    long bytes() {
        return bytes;
    }

    /** Peer lines whose ports were masked. */
    long masked() {
        return masked;
    }

    String lastLine() {
        return lastLine;
    }
}
