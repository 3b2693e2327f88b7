package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One line of a trace, as parsed JSON, with typed getters for its fields. */
class Event {
    final JsonNode json;

    Event(JsonNode json) {
        this.json = json;
    }

    String type() {
        return json.get("type").asText();
    }

    long tUs() {
        return json.get("t_us").asLong();
    }

    long seq() {
        return json.get("seq").asLong();
    }

    /** The field, which must be present (it may be JSON null). */
    JsonNode get(String field) {
        JsonNode n = json.get(field);
        assertTrue(n != null, () -> "no field '" + field + "' in " + json);
        return n;
    }

    /** A text field, or null when it is JSON null. */
    String text(String field) {
        JsonNode n = get(field);
        return n.isNull() ? null : n.asText();
    }

    long num(String field) {
        JsonNode n = get(field);
        assertTrue(n.isIntegralNumber(), () -> "'" + field + "' is not a whole number in " + json);
        return n.asLong();
    }

    boolean bool(String field) {
        JsonNode n = get(field);
        assertTrue(n.isBoolean(), () -> "'" + field + "' is not a boolean in " + json);
        return n.asBoolean();
    }

    /** Whether the field is present and JSON null (the contract's "null where not written"). */
    boolean isNull(String field) {
        return get(field).isNull();
    }

    /** A list of strings, e.g. a port's waiters or an io.complete's buffers. */
    List<String> texts(String field) {
        JsonNode n = get(field);
        assertTrue(n.isArray(), () -> "'" + field + "' is not a list in " + json);
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.isNull() ? null : e.asText()));
        return out;
    }

    boolean is(String type) {
        return type().equals(type);
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
