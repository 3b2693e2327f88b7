package io.iocplab.scenario;

import io.iocplab.sim.event.ListenerState;
import io.iocplab.sim.event.PacketView;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small JSON writer for trace lines: objects one after the other in a buffer of UTF-8 bytes
 * ({@link JsonBytes}, which escapes strings so that every line is valid JSON and stays one line), their
 * fields in the order they are given.
 *
 * <p>Values: null, String, Boolean, Number (integers as digits, finite floating point numbers by
 * {@code toString}), Enum (lower-case name), {@link PacketView} (as bytes, key, overlapped, status),
 * {@link ListenerState.PendingAccept} (as overlapped, socket, receive, client),
 * List, and Map with String keys in the map's own iteration order. Anything else is a programming
 * error and throws {@link IllegalArgumentException}: a trace is never written with a guessed value.
 *
 * <p>Field names, and strings of up to {@value #SHORT} characters (the names of threads, ports, sockets,
 * types), are encoded once and copied after that ({@link QuotedStrings}).
 */
final class Json {
    /** Strings this long or shorter are kept encoded; longer ones (data) are encoded each time. */
    static final int SHORT = 32;
    /** {@code "name":} per field name. */
    private static final QuotedStrings NAMES = new QuotedStrings(256, ':');
    private static final QuotedStrings SHORT_STRINGS = new QuotedStrings(1024, (char) 0);
    private static final byte[] LINE_END = "}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** A packet's fields, always these four. */
    private static final byte[] BYTES = "{\"bytes\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = ",\"key\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OVERLAPPED = ",\"overlapped\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS = ",\"status\":".getBytes(StandardCharsets.US_ASCII);

    private final JsonBytes out = new JsonBytes();
    private boolean first;

    /** An empty buffer: {@link #begin()} starts an object. */
    Json() {
    }

    /** Begins the next object after whatever the buffer holds. */
    Json begin() {
        out.put('{');
        first = true;
        return this;
    }

    /** Adds one field to the object being written. */
    Json field(String name, Object value) {
        name(name);
        value(value);
        return this;
    }

    Json field(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    Json field(String name, long value) {
        name(name);
        out.number(value);
        return this;
    }

    Json field(String name, boolean value) {
        name(name);
        out.raw(value ? TRUE : FALSE);
        return this;
    }

    /** Adds a field whose value is an object already finished by {@link #end()} (a trace event's arguments). */
    Json object(String name, String finished) {
        name(name);
        out.raw(finished.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Ends the object being written and the line: <code>}\n</code>. */
    void endLine() {
        out.raw(LINE_END);
    }

    /** The finished object, without a line end; the buffer must hold only this object. */
    String end() {
        out.put('}');
        return out.text();
    }

    /** The bytes held. */
    int size() {
        return out.size();
    }

    /** Drops what was written after the first {@code size} bytes (a line that could not be finished). */
    void truncate(int size) {
        out.truncate(size);
    }

    /** Writes the bytes held to {@code stream} and empties the buffer. */
    void drainTo(OutputStream stream) throws IOException {
        out.drainTo(stream);
    }

    private void name(String name) {
        if (!first) {
            out.put(',');
        }
        first = false;
        out.raw(NAMES.quoted(name));
    }

    private void string(String s) {
        if (s == null) {
            out.raw(NULL);
        } else if (s.length() <= SHORT) {
            out.raw(SHORT_STRINGS.quoted(s));
        } else {
            out.string(s);
        }
    }

    private void value(Object v) {
        if (v == null || v instanceof String) {
            string((String) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.number(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            out.raw(b ? TRUE : FALSE);
        } else if (v instanceof BigInteger i) {
            out.ascii(i.toString());
        } else if (v instanceof BigDecimal d) {
            out.ascii(d.toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            if (!Double.isFinite(((Number) v).doubleValue())) {
                throw new IllegalArgumentException("a trace value must be a finite number, not " + v);
            }
            out.ascii(v.toString());
        } else if (v instanceof Enum<?> e) {
            string(e.name().toLowerCase(Locale.ROOT));
        } else if (v instanceof PacketView p) {
            packet(p);
        } else if (v instanceof ListenerState.PendingAccept a) {
            pendingAccept(a);
        } else if (v instanceof List<?> list) {
            out.put('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.put(',');
                }
                value(list.get(i));
            }
            out.put(']');
        } else if (v instanceof Map<?, ?> map) {
            object(map);
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " in a trace: " + v);
        }
    }

    private void object(Map<?, ?> map) {
        out.put('{');
        boolean firstEntry = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("a trace object key must be a string, not " + e.getKey());
            }
            if (!firstEntry) {
                out.put(',');
            }
            firstEntry = false;
            string(key);
            out.put(':');
            value(e.getValue());
        }
        out.put('}');
    }

    private void pendingAccept(ListenerState.PendingAccept a) {
        out.put('{');
        first = true;
        name("overlapped");
        string(a.overlapped());
        name("socket");
        string(a.socket());
        name("receive");
        out.number(a.receive());
        name("client");
        string(a.client());
        out.put('}');
        first = false;
    }

    private void packet(PacketView p) {
        out.raw(BYTES);
        out.number(p.bytes());
        out.raw(KEY);
        out.number(p.key());
        out.raw(OVERLAPPED);
        string(p.overlapped());
        out.raw(STATUS);
        out.number(p.status());
        out.put('}');
    }
}
