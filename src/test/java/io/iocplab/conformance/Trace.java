package io.iocplab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The trace of one run of a conformance scenario, exactly as {@code iocplab run FILE} writes it
 * (the same {@link TraceWriter} bytes), parsed line by line, with the questions the spec's
 * outcome column asks: what did a call return, and what were C, W and Q after a step.
 *
 * <p>"After a step" is {@link #portAfter(Event)}: the last {@code port.state} written at or before
 * the microsecond of that step's event; "before" is {@link #portBefore(Event)}, the last one written
 * before that microsecond. The conformance files give every step its own microsecond (each Win32
 * call takes 1 us and the files order the threads with Sleep and Compute), so these are the states
 * just before the step and once the step, with everything it set off in the kernel, is done.
 */
final class Trace {
    static final String GQCS = "GetQueuedCompletionStatus";
    static final String PQCS = "PostQueuedCompletionStatus";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final byte[] bytes;
    private final List<String> lines;
    private final List<Event> events;

    private Trace(String file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
        String text = new String(bytes, StandardCharsets.UTF_8);
        this.lines = text.lines().toList();
        List<Event> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                var node = JSON.readTree(line);
                parsed.add(node.get("type").asText().equals("api.return") ? new Call(node) : new Event(node));
            } catch (JsonProcessingException e) {
                throw new AssertionError(file + ": a trace line is not JSON: " + line, e);
            }
        }
        this.events = List.copyOf(parsed);
    }

    // ------------------------------------------------------------------ running a file

    /** The directory of the conformance scenarios (the test resources on the class path). */
    static Path directory() {
        URL url = Trace.class.getResource("/conformance");
        if (url == null) {
            throw new IllegalStateException("no /conformance directory among the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every conformance scenario file, by name, sorted. */
    static List<String> files() {
        try (Stream<Path> s = Files.list(directory())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and runs {@code conformance/FILE}, and returns its trace. */
    static Trace run(String file) {
        Path path = directory().resolve(file);
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(path);
        } catch (InvalidScenarioException e) {
            throw new AssertionError(file + " is not a valid scenario:\n" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceWriter writer = new TraceWriter(out);
        ScenarioRunner.run(scenario, writer::write);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Trace t = new Trace(file, out.toByteArray());
        assertTrue(!t.events.isEmpty() && t.events.get(t.events.size() - 1).is("summary"),
                () -> file + ": the trace does not end with its summary");
        return t;
    }

    String file() {
        return file;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    List<String> lines() {
        return lines;
    }

    List<Event> events() {
        return events;
    }

    // ------------------------------------------------------------------ api.return

    /** Every return of {@code api} to {@code thread}, in order. */
    List<Call> returns(String thread, String api) {
        return events.stream().filter(e -> e instanceof Call c && c.thread().equals(thread) && c.api().equals(api))
                .map(Call.class::cast).toList();
    }

    /** The one return of {@code api} to {@code thread} (it must have returned exactly once). */
    Call returned(String thread, String api) {
        List<Call> all = returns(thread, api);
        assertEquals(1, all.size(), () -> file + ": expected exactly one " + api + " return to " + thread + ", got "
                + all);
        return all.get(0);
    }

    /** The {@code nth} (1-based) return of {@code api} to {@code thread}. */
    Call returned(String thread, String api, int nth) {
        List<Call> all = returns(thread, api);
        assertTrue(all.size() >= nth, () -> file + ": expected at least " + nth + " " + api + " returns to " + thread
                + ", got " + all);
        return all.get(nth - 1);
    }

    // ------------------------------------------------------------------ port.state

    /** Every state of {@code port}, in order. */
    List<Port> portStates(String port) {
        return events.stream().filter(e -> e.is("port.state") && e.text("port").equals(port)).map(Port::of).toList();
    }

    /** Every state of the file's only port. */
    List<Port> portStates() {
        return portStates(onlyPort());
    }

    /** The state of {@code port} before the step of {@code e}: the last port.state before its microsecond. */
    Port portBefore(Event e, String port) {
        return last(portStates(port), p -> p.event().tUs() < e.tUs(), "before " + e);
    }

    Port portBefore(Event e) {
        return portBefore(e, onlyPort());
    }

    /** The state of {@code port} once the step of {@code e} is done: the last port.state at or before its microsecond. */
    Port portAfter(Event e, String port) {
        return portAt(e.tUs(), port);
    }

    Port portAfter(Event e) {
        return portAfter(e, onlyPort());
    }

    /** The state of {@code port} at virtual time {@code tUs} (the last port.state written at or before it). */
    Port portAt(long tUs, String port) {
        return last(portStates(port), p -> p.event().tUs() <= tUs, "at t_us " + tUs);
    }

    Port portAt(long tUs) {
        return portAt(tUs, onlyPort());
    }

    Port lastPortState(String port) {
        List<Port> all = portStates(port);
        assertTrue(!all.isEmpty(), () -> file + ": no state of port " + port);
        return all.get(all.size() - 1);
    }

    Port lastPortState() {
        return lastPortState(onlyPort());
    }

    private String onlyPort() {
        List<String> names = events.stream().filter(e -> e.is("port.state")).map(e -> e.text("port")).distinct().toList();
        assertEquals(1, names.size(), () -> file + ": name the port, the trace has " + names);
        return names.get(0);
    }

    private Port last(List<Port> states, Predicate<Port> which, String what) {
        Port found = null;
        for (Port p : states) {
            if (which.test(p)) {
                found = p;
            }
        }
        if (found == null) {
            fail(file + ": no port state " + what);
        }
        return found;
    }

    // ------------------------------------------------------------------ other events

    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.is(type)).toList();
    }

    /** Every thread.state of {@code thread}, in order. */
    List<Event> threadStates(String thread) {
        return events.stream().filter(e -> e.is("thread.state") && e.text("thread").equals(thread)).toList();
    }

    /** The thread.state events where {@code thread} starts waiting on {@code wait} (port, sleep, io, ...). */
    List<Event> waits(String thread, String wait) {
        return threadStates(thread).stream()
                .filter(e -> "waiting".equals(e.text("state")) && wait.equals(e.text("wait"))).toList();
    }

    /** The thread.state where {@code thread} exits. */
    Event exit(String thread) {
        List<Event> all = threadStates(thread).stream().filter(e -> "exited".equals(e.text("state"))).toList();
        assertEquals(1, all.size(), () -> file + ": " + thread + " should exit once, got " + all);
        return all.get(0);
    }

    /** The last thread.state of {@code thread} written at or before {@code e}. */
    Event threadAt(String thread, Event e) {
        Event found = null;
        for (Event s : threadStates(thread)) {
            if (s.seq() <= e.seq()) {
                found = s;
            }
        }
        assertTrue(found != null, () -> file + ": no state of " + thread + " by " + e);
        return found;
    }

    /** The events strictly between two events of the trace. */
    List<Event> between(Event from, Event to) {
        return events.stream().filter(e -> e.seq() > from.seq() && e.seq() < to.seq()).toList();
    }

    /** Every io.complete, in order. */
    List<Event> ioCompletes() {
        return ofType("io.complete");
    }

    /** The one io.complete of the operation with OVERLAPPED {@code overlapped}. */
    Event ioComplete(String overlapped) {
        List<Event> all = ioCompletes().stream().filter(e -> overlapped.equals(e.text("overlapped"))).toList();
        assertEquals(1, all.size(), () -> file + ": expected one io.complete for " + overlapped + ", got " + all);
        return all.get(0);
    }

    Event summary() {
        return events.get(events.size() - 1);
    }
}
