package io.iocplab.cli;

import static io.iocplab.cli.CommandLineRun.iocplab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iocplab run welcome.yaml --perfetto out.json}: the file is valid Chrome trace-event JSON, as
 * chrome://tracing and ui.perfetto.dev read it, and says what the run did: a track per thread with its states,
 * the port's counters, one flow per packet taken from the port.
 */
class PerfettoExportTest {
    @TempDir
    static Path dir;
    static JsonNode root;
    static List<JsonNode> trace;
    static List<JsonNode> jsonl;

    @BeforeAll
    static void runTheWelcomeScenario() throws Exception {
        Path scenario = dir.resolve("welcome.yaml");
        try (InputStream in = PerfettoExportTest.class.getResourceAsStream("/io/iocplab/app/scenarios/welcome.yaml")) {
            Files.write(scenario, in.readAllBytes());
        }
        Path out = dir.resolve("welcome.json");
        CommandLineRun.Result r = iocplab("run", scenario.toString(), "--perfetto", out.toString());
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        root = json.readTree(out.toFile());
        trace = new ArrayList<>();
        root.get("traceEvents").forEach(trace::add);
        jsonl = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            jsonl.add(json.readTree(line));
        }
    }

    @Test
    void everyDurationEventIsClosedAndEveryCompleteEventHasADuration() {
        Map<String, Deque<JsonNode>> stacks = new HashMap<>();
        int slices = 0;
        for (JsonNode e : trace) {
            String ph = e.get("ph").asText();
            assertTrue(e.has("ph") && e.has("pid") && (ph.equals("M") || e.get("ts").isIntegralNumber()), e::toString);
            String track = e.get("pid") + "/" + e.path("tid");
            switch (ph) {
                case "B" -> stacks.computeIfAbsent(track, k -> new ArrayDeque<>()).push(e);
                case "E" -> {
                    Deque<JsonNode> s = stacks.get(track);
                    assertTrue(s != null && !s.isEmpty(), "an E without its B: " + e);
                    s.pop();
                }
                case "X" -> {
                    slices++;
                    assertTrue(e.get("dur").isIntegralNumber() && e.get("dur").asLong() > 0, e::toString);
                }
                default -> { }
            }
        }
        stacks.forEach((track, s) -> assertTrue(s.isEmpty(), "a B without its E on " + track));
        assertTrue(slices > 20, "slices: " + slices);
    }

    @Test
    void eachThreadHasOneTrackWhoseStatesFollowOneAnother() {
        Map<Integer, String> names = new HashMap<>();
        for (JsonNode e : trace) {
            if (e.get("name").asText().equals("thread_name") && e.get("pid").asInt() == 1) {
                names.put(e.get("tid").asInt(), e.get("args").get("name").asText());
            }
        }
        assertEquals(Set.of("main", "W1", "W2", "W3"), Set.copyOf(names.values()));
        Set<String> states = new LinkedHashSet<>();
        Map<Integer, Long> ends = new HashMap<>();
        for (JsonNode e : trace) {
            if (e.get("ph").asText().equals("X") && e.get("pid").asInt() == 1) {
                int tid = e.get("tid").asInt();
                long ts = e.get("ts").asLong();
                assertTrue(ts >= ends.getOrDefault(tid, 0L), "states overlap on " + names.get(tid) + " at " + ts);
                ends.put(tid, ts + e.get("dur").asLong());
                states.add(e.get("name").asText());
            }
        }
        assertTrue(states.containsAll(List.of("running", "ready", "waiting on the port", "waiting: sleep",
                "waiting: event")), states::toString);
    }

    @Test
    void thePortsCountersAreNumbersAndFollowTheRun() {
        Map<String, List<Long>> values = new HashMap<>();
        for (JsonNode e : trace) {
            if (e.get("ph").asText().equals("C")) {
                JsonNode v = e.get("args").get("value");
                assertTrue(v.isIntegralNumber(), e::toString);
                values.computeIfAbsent(e.get("name").asText(), k -> new ArrayList<>()).add(v.asLong());
            }
        }
        assertEquals(Set.of("P running", "P queue", "P concurrency"), values.keySet());
        assertEquals(List.of(2L), values.get("P concurrency"));
        long maxRunning = values.get("P running").stream().mapToLong(Long::longValue).max().orElseThrow();
        long maxQueue = values.get("P queue").stream().mapToLong(Long::longValue).max().orElseThrow();
        long traceMaxRunning = jsonl.stream().filter(l -> l.get("type").asText().equals("port.state"))
                .mapToLong(l -> l.get("running").asLong()).max().orElseThrow();
        long traceMaxQueue = jsonl.stream().filter(l -> l.get("type").asText().equals("port.state"))
                .mapToLong(l -> l.get("queue").size()).max().orElseThrow();
        assertEquals(traceMaxRunning, maxRunning);
        assertEquals(traceMaxQueue, maxQueue);
        assertTrue(maxRunning > 2, "the overshoot after a Sleep shows: " + maxRunning);
    }

    @Test
    void everyPacketTakenIsOneFlowFromItsSourceToTheThreadThatTookIt() {
        Map<Long, JsonNode> starts = new HashMap<>();
        Map<Long, JsonNode> ends = new HashMap<>();
        for (JsonNode e : trace) {
            String ph = e.get("ph").asText();
            if (ph.equals("s")) {
                assertEquals(null, starts.put(e.get("id").asLong(), e), "two starts for flow " + e);
            } else if (ph.equals("f")) {
                assertEquals(null, ends.put(e.get("id").asLong(), e), "two ends for flow " + e);
                assertEquals("e", e.get("bp").asText());
            }
        }
        assertEquals(starts.keySet(), ends.keySet(), "every flow has its start and its end");
        long packets = jsonl.get(jsonl.size() - 1).get("packets").asLong();
        assertEquals(packets, starts.size(), "one flow per packet dequeued");
        Map<Integer, String> threads = new HashMap<>();
        for (JsonNode e : trace) {
            if (e.get("name").asText().equals("thread_name") && e.get("pid").asInt() == 1) {
                threads.put(e.get("tid").asInt(), e.get("args").get("name").asText());
            }
        }
        Map<String, Integer> tookPerThread = new HashMap<>();
        boolean fromSocket = false;
        boolean fromPoster = false;
        for (long id : starts.keySet()) {
            JsonNode s = starts.get(id);
            JsonNode f = ends.get(id);
            assertTrue(s.get("ts").asLong() <= f.get("ts").asLong(), "a flow goes forward in time: " + s + " " + f);
            assertEquals(1, f.get("pid").asInt(), "a flow ends on a thread");
            tookPerThread.merge(threads.get(f.get("tid").asInt()), 1, Integer::sum);
            fromSocket |= s.get("pid").asInt() == 2;
            fromPoster |= s.get("pid").asInt() == 1 && threads.get(s.get("tid").asInt()).equals("main");
        }
        assertTrue(fromSocket && fromPoster, "completions come from sockets, shutdown packets from main");
        JsonNode perThread = jsonl.get(jsonl.size() - 1).get("per_thread");
        perThread.fields().forEachRemaining(t -> assertEquals(t.getValue().asInt(),
                tookPerThread.getOrDefault(t.getKey(), 0), "packets taken by " + t.getKey()));
    }

    @Test
    void theSameRunGivesTheSameFile() throws Exception {
        Path again = dir.resolve("again.json");
        Path scenario = dir.resolve("welcome.yaml");
        assertEquals(0, iocplab("run", scenario.toString(), "--perfetto", again.toString(), "--trace",
                dir.resolve("again.jsonl").toString()).code());
        assertEquals(Files.readString(dir.resolve("welcome.json")), Files.readString(again));
        assertFalse(Files.readString(again).isEmpty());
    }
}
