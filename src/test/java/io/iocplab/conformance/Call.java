package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An {@code api.return} line: what one Win32 call returned. The checks read like the spec's
 * outcome column and return {@code this}, so that one call is checked in one statement:
 * {@code t.returned("T1", GQCS).fails(258).noPacket()}.
 */
final class Call extends Event {
    Call(JsonNode json) {
        super(json);
    }

    String thread() {
        return text("thread");
    }

    String api() {
        return text("api");
    }

    /** ok is true and the error is 0. */
    Call succeeds() {
        assertTrue(bool("ok"), () -> "expected the call to succeed: " + this);
        assertEquals(0, num("error"), () -> "a successful call has error 0: " + this);
        return this;
    }

    /** ok is false (FALSE or SOCKET_ERROR) and GetLastError/WSAGetLastError is {@code error}. */
    Call fails(int error) {
        assertFalse(bool("ok"), () -> "expected the call to fail with " + error + ": " + this);
        assertEquals(error, num("error"), () -> "error of " + this);
        return this;
    }

    /** One output field: a whole number, a string, a boolean, or null (present and JSON null). */
    Call out(String field, Object expected) {
        JsonNode n = get(field);
        if (expected == null) {
            assertTrue(n.isNull(), () -> "expected '" + field + "' null: " + this);
        } else if (expected instanceof Number number) {
            assertTrue(n.isIntegralNumber(), () -> "expected '" + field + "' = " + expected + ": " + this);
            assertEquals(number.longValue(), n.asLong(), () -> "'" + field + "' of " + this);
        } else if (expected instanceof Boolean b) {
            assertEquals(b, n.isBoolean() ? n.asBoolean() : null, () -> "'" + field + "' of " + this);
        } else {
            assertEquals(expected.toString(), n.isNull() ? null : n.asText(), () -> "'" + field + "' of " + this);
        }
        return this;
    }

    /** GetQueuedCompletionStatus wrote this packet: *lpNumberOfBytes, *lpCompletionKey, *lpOverlapped. */
    Call packet(long bytes, long key, String overlapped) {
        return out("bytes", bytes).out("key", key).out("overlapped", overlapped);
    }

    /** GetQueuedCompletionStatus took no packet: *lpOverlapped is NULL; bytes and key are not written. */
    Call noPacket() {
        return out("bytes", null).out("key", null).out("overlapped", null);
    }

    /** How a waiting thread was released ({@code release}) and whose stop freed the slot ({@code freed_by}). */
    Call released(String how, String freedBy) {
        return out("release", how).out("freed_by", freedBy);
    }
}
