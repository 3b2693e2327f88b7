package io.iocplab.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.kernel.Release;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.QueueView;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The timeline stores events as bytes: every event read back equals the one appended, field by field. */
class EventStoreTest {

    static Stream<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static void assertStoredAsAppended(List<SimEvent> events, String what) {
        EventStore store = new EventStore();
        for (int i = 0; i < events.size(); i++) {
            store.add(i, events.get(i));
        }
        for (int i = 0; i < events.size(); i++) {
            SimEvent e = events.get(i);
            assertEquals(e, store.get(i), what + ", event " + i);
            assertEquals(e.tUs(), store.tUs(i), what + ", time of event " + i);
            assertEquals(e.moment(), store.moment(i), what + ", moment of event " + i);
        }
    }

    private static List<SimEvent> run(Scenario s) {
        List<SimEvent> events = new ArrayList<>();
        ScenarioRunner.run(s, events::add);
        return events;
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void everyScenarioFilesEvents(Path file) throws IOException {
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (InvalidScenarioException notAScenario) {
            return;
        }
        assertStoredAsAppended(run(s), file.toString());
    }

    @Test
    void everyLessonsEvents() throws Exception {
        for (Path file : LessonLoader.files(Path.of("lessons"))) {
            assertStoredAsAppended(run(LessonLoader.load(file).scenario()), file.toString());
        }
    }

    /** Values no run makes: nulls wherever a record allows them, extreme numbers, strings of every kind. */
    @Test
    void oddValuesComeBackAsTheyWere() {
        String odd = "q\"\\\n\u0000 é 한 😀 lone\ud800!";
        PacketView p = new PacketView(Long.MIN_VALUE, Long.MAX_VALUE, null, Integer.MIN_VALUE);
        Map<String, Long> perThread = new LinkedHashMap<>();
        perThread.put("T", 1L);
        List<SimEvent> events = new ArrayList<>(List.of(
                new ThreadState(-5, 0, 0, null, ThreadState.State.READY, null, null, null, Integer.MIN_VALUE),
                new ThreadState(Long.MAX_VALUE, 99, 7, "T", ThreadState.State.RUNNING, ThreadState.Wait.EVENT,
                        Integer.MAX_VALUE, Api.CancelIoEx, -1),
                new PortState(3, -4, -2, "P", -1, Integer.MAX_VALUE, List.of(p, p), Arrays.asList("W", null),
                        List.of(), true),
                new PortDequeue(3, 5, 2, null, null, List.of(), null, null),
                new IoComplete(4, 6, 3, null, Api.WSASend, odd, -7, Long.MIN_VALUE, Arrays.asList(odd, null, ""),
                        false),
                new PeerAction(4, 7, 3, "S", PeerAction.Action.RESET, -1, null, -1, 65535),
                new PeerAction(4, 8, 3, "S", PeerAction.Action.SEND, 3, odd, 0, 0),
                new ApiReturn(5, 9, 4, "T", Api.WSARecv, false, -1, null, 0),
                new Summary(6, 10, 5, 1, 2, perThread)));
        List<CallResult> results = List.of(
                new CallResult.Dequeued("P", p, Release.Cause.SWITCHED_PORT, "U"), CallResult.Dequeued.none(null),
                new CallResult.DequeuedEx("P", List.of(p), Release.Cause.IMMEDIATE, null),
                CallResult.DequeuedEx.none("P"), new CallResult.Posted(null, "T"), CallResult.Nothing.INSTANCE,
                new CallResult.SuspendCount("T", null), new CallResult.SuspendCount("T", -3),
                new CallResult.OnHandle(odd), new CallResult.Associated("S", null),
                new CallResult.SocketIo("S", null, -1, null, List.of()),
                new CallResult.SocketIo("S", "R", 0, Long.MIN_VALUE, List.of(Integer.MIN_VALUE, 0, 5)),
                new CallResult.OverlappedResult("S", "R", null), new CallResult.OverlappedResult("S", "R", -1L),
                new CallResult.Cancelled("S", null), new CallResult.OnSocket(odd));
        for (CallResult r : results) {
            for (Api api : Api.values()) {
                events.add(new ApiReturn(7, 11, 6, "T", api, true, 0, r, 3));
            }
        }
        assertStoredAsAppended(events, "odd values");
    }

    /**
     * A port's queues, however they move from state to state (FIFO continuations as the machine makes
     * them, with their place, and lists with no place that start over), come back as they were.
     */
    @Test
    void queuesComeBackFromTheLog() {
        SplittableRandom random = new SplittableRandom(18);
        List<SimEvent> events = new ArrayList<>();
        List<PacketView> queue = new ArrayList<>();
        long first = 0;
        long joined = 0;
        for (int i = 0; i < 5_000; i++) {
            int leave = random.nextInt(Math.min(queue.size(), 3) + 1);
            queue.subList(0, leave).clear();
            first += leave;
            for (int j = random.nextInt(3); j > 0; j--) {
                queue.add(new PacketView(joined++, random.nextInt(4), random.nextBoolean() ? null : "O" + joined, 0));
            }
            List<PacketView> shown = random.nextInt(10) == 0 ? List.copyOf(queue)
                    : QueueView.of(queue.toArray(new PacketView[0]), 0, queue.size(), first);
            String port = random.nextBoolean() ? "P" : "Q";
            events.add(new PortState(i, i, i, port, 2, 1, shown, List.of(), List.of(), false));
        }
        assertStoredAsAppended(events, "queues");
    }

    /** Waiters push and pop as a stack, the associated list grows at its end: both come back in order. */
    @Test
    void waitersAndAssociatedComeBackInOrder() {
        SplittableRandom random = new SplittableRandom(7);
        List<SimEvent> events = new ArrayList<>();
        List<String> waiters = new ArrayList<>();
        List<String> associated = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            int r = random.nextInt(10);
            if (r < 4) {
                waiters.add(0, "T" + random.nextInt(20));
            } else if (r < 7 && !waiters.isEmpty()) {
                waiters.remove(0);
            } else if (r < 8 && !waiters.isEmpty()) {
                waiters.remove(random.nextInt(waiters.size()));
            } else if (r < 9) {
                associated.add("S" + i);
            } else if (!associated.isEmpty()) {
                associated.remove(random.nextInt(associated.size()));
            }
            events.add(new PortState(i, i, i, "P", 2, 1, List.of(), List.copyOf(waiters), List.copyOf(associated),
                    false));
        }
        assertStoredAsAppended(events, "waiters");
        assertTrue(events.size() > Timeline.CHUNK, "several chunks");
    }
}
