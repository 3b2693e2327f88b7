package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace's lines: field names and order, escaping, and the same bytes every time. */
class TraceWriterTest {

    private static List<SimEvent> sample() {
        Map<String, Long> perThread = new LinkedHashMap<>();
        perThread.put("T2", 3L);
        perThread.put("T1", 0L);
        return List.of(
                new PortState(0, 0, 0, "P", 2, 1, List.of(new PacketView(10, 7, "A", 0), new PacketView(0, 0, null, 64)),
                        List.of("T2", "T1"), List.of("T1", "T2"), false),
                new ThreadState(5, 1, 1, "T1", ThreadState.State.WAITING, ThreadState.Wait.PORT, null,
                        Api.GetQueuedCompletionStatus, 0),
                new ThreadState(6, 2, 2, "T2", ThreadState.State.RUNNING, null, 3, null, -1),
                new ApiReturn(7, 3, 3, "T1", Api.GetQueuedCompletionStatus, false, 258,
                        CallResult.Dequeued.none("P"), 0),
                new IoComplete(8, 4, 4, "S1", Api.WSARecv, "R", 0, 5, List.of("hel", "lo"), true),
                new PortDequeue(8, 5, 4, "P", "T2", List.of(new PacketView(5, 11, "R", 0)), Release.Cause.SLEPT, "T1"),
                new PeerAction(9, 6, 5, "S1", PeerAction.Action.SEND, 5, "hello", 50000, 50001),
                new Summary(10, 7, 6, 3, 12, perThread));
    }

    @Test
    void writesEveryTypeWithTheContractsFieldsInOrder() {
        List<String> lines = sample().stream().map(TraceWriter::line).toList();
        assertEquals(List.of(
                "{\"t_us\":0,\"seq\":0,\"moment\":0,\"type\":\"port.state\",\"port\":\"P\",\"concurrency\":2,"
                        + "\"running\":1,\"queue\":[{\"bytes\":10,\"key\":7,\"overlapped\":\"A\",\"status\":0},"
                        + "{\"bytes\":0,\"key\":0,\"overlapped\":null,\"status\":64}],"
                        + "\"waiters\":[\"T2\",\"T1\"],\"associated\":[\"T1\",\"T2\"],\"closed\":false}",
                "{\"t_us\":5,\"seq\":1,\"moment\":1,\"type\":\"thread.state\",\"thread\":\"T1\",\"state\":\"waiting\","
                        + "\"wait\":\"port\",\"cpu\":null,\"call\":\"GetQueuedCompletionStatus\",\"step\":0}",
                "{\"t_us\":6,\"seq\":2,\"moment\":2,\"type\":\"thread.state\",\"thread\":\"T2\",\"state\":\"running\","
                        + "\"wait\":null,\"cpu\":3,\"call\":null,\"step\":-1}",
                "{\"t_us\":7,\"seq\":3,\"moment\":3,\"type\":\"api.return\",\"thread\":\"T1\","
                        + "\"api\":\"GetQueuedCompletionStatus\",\"ok\":false,\"error\":258,\"port\":\"P\",\"bytes\":null,"
                        + "\"key\":null,\"overlapped\":null,\"step\":0}",
                "{\"t_us\":8,\"seq\":4,\"moment\":4,\"type\":\"io.complete\",\"socket\":\"S1\",\"api\":\"WSARecv\","
                        + "\"overlapped\":\"R\",\"status\":0,\"bytes\":5,\"buffers\":[\"hel\",\"lo\"],\"packet\":true}",
                "{\"t_us\":8,\"seq\":5,\"moment\":4,\"type\":\"port.dequeue\",\"port\":\"P\",\"thread\":\"T2\","
                        + "\"packets\":[{\"bytes\":5,\"key\":11,\"overlapped\":\"R\",\"status\":0}],"
                        + "\"release\":\"slept\",\"freed_by\":\"T1\"}",
                "{\"t_us\":9,\"seq\":6,\"moment\":5,\"type\":\"peer\",\"socket\":\"S1\",\"action\":\"send\","
                        + "\"bytes\":5,\"data\":\"hello\",\"local_port\":50000,\"remote_port\":50001}",
                "{\"t_us\":10,\"seq\":7,\"moment\":6,\"type\":\"summary\",\"packets\":3,\"context_switches\":12,"
                        + "\"per_thread\":{\"T2\":3,\"T1\":0}}"), lines);
    }

    @Test
    void everyLineIsValidJsonWithTheSameFieldsInTheSameOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (SimEvent e : sample()) {
            JsonNode node = json.readTree(TraceWriter.line(e));
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("t_us", "seq", "moment", "type"), names.subList(0, 4));
            assertEquals(e.type(), node.get("type").asText());
        }
    }

    /** The contract's names and order for each kind of call, extensions after them, {@code step} last. */
    @Test
    void writesTheOutputsOfEveryKindOfCall() {
        Map<CallResult, String> expected = new LinkedHashMap<>();
        expected.put(new CallResult.Dequeued("P", new PacketView(5, 11, "R1", 0), Release.Cause.HANDED_OFF, null),
                "\"port\":\"P\",\"bytes\":5,\"key\":11,\"overlapped\":\"R1\",\"release\":\"handed_off\",\"freed_by\":null");
        expected.put(new CallResult.DequeuedEx("P", List.of(new PacketView(1, 2, "A", 0), new PacketView(3, 2, "B", 995)),
                        Release.Cause.IMMEDIATE, null),
                "\"port\":\"P\",\"entries\":[{\"bytes\":1,\"key\":2,\"overlapped\":\"A\",\"status\":0},"
                        + "{\"bytes\":3,\"key\":2,\"overlapped\":\"B\",\"status\":995}],\"removed\":2,"
                        + "\"release\":\"immediate\",\"freed_by\":null");
        expected.put(CallResult.DequeuedEx.none("P"), "\"port\":\"P\",\"entries\":[],\"removed\":0");
        expected.put(new CallResult.Posted("P", "T3"), "\"port\":\"P\",\"delivered_to\":\"T3\"");
        expected.put(CallResult.Nothing.INSTANCE, "");
        expected.put(new CallResult.SuspendCount("T1", 2), "\"thread_handle\":\"T1\",\"previous_count\":2");
        expected.put(new CallResult.OnHandle("P"), "\"handle\":\"P\"");
        expected.put(new CallResult.Associated("S1", "P"), "\"socket\":\"S1\",\"port\":\"P\"");
        expected.put(new CallResult.SocketIo("S1", "R1", -1, null, List.of(3, 2)),
                "\"socket\":\"S1\",\"overlapped\":\"R1\",\"result\":-1,\"bytes\":null,\"wsabufs\":[3,2]");
        expected.put(new CallResult.OverlappedResult("S1", "R1", 5L),
                "\"socket\":\"S1\",\"overlapped\":\"R1\",\"bytes\":5");
        expected.put(new CallResult.Cancelled("S1", null), "\"socket\":\"S1\",\"overlapped\":null");
        expected.put(new CallResult.OnSocket("S1"), "\"socket\":\"S1\"");
        expected.forEach((result, fields) -> {
            String line = TraceWriter.line(new ApiReturn(1, 2, 3, "T", Api.Sleep, true, 0, result, 4));
            String head = "{\"t_us\":1,\"seq\":2,\"moment\":3,\"type\":\"api.return\",\"thread\":\"T\",\"api\":\"Sleep\","
                    + "\"ok\":true,\"error\":0,";
            assertEquals(head + fields + (fields.isEmpty() ? "" : ",") + "\"step\":4}", line, result::toString);
        });
    }

    @Test
    void escapesStrings() throws Exception {
        String nasty = "q\"b\\n\nr\rt\tc\u0001\u001f del\u007f é 한 😀 lone\ud800!";
        String line = TraceWriter.line(new PeerAction(0, 0, 0, "S", PeerAction.Action.SEND, 1, nasty, 1, 2));
        assertEquals("\"data\":\"q\\\"b\\\\n\\nr\\rt\\tc\\u0001\\u001F del\u007f é 한 😀 lone\\uD800!\"",
                line.substring(line.indexOf("\"data\""), line.indexOf(",\"local_port\"")));
        String unpaired = new ObjectMapper().readTree(line).get("data").asText();
        assertEquals(nasty, unpaired);
    }

    @Test
    void refusesWhatItCannotWriteFaithfully() {
        assertThrows(IllegalArgumentException.class, () -> new Json().field("x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> new Json().field("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Json().field("x", Map.of(1, "one")));
    }

    @Test
    void writesUtf8LinesEndedByNewlineTheSameBytesEveryTime() throws Exception {
        byte[] first = write(sample());
        byte[] second = write(sample());
        assertArrayEquals(first, second);
        String text = new String(first, StandardCharsets.UTF_8);
        assertEquals(sample().size(), text.split("\n", -1).length - 1);
        assertEquals(-1, text.indexOf('\r'));

        byte[] korean = write(List.of(new PeerAction(0, 0, 0, "S", PeerAction.Action.SEND, 3, "한", 1, 2)));
        String k = new String(korean, StandardCharsets.UTF_8);
        assertEquals(true, k.contains("\"data\":\"한\""));
        assertArrayEquals("한".getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(korean,
                k.substring(0, k.indexOf('한')).getBytes(StandardCharsets.UTF_8).length,
                k.substring(0, k.indexOf('한')).getBytes(StandardCharsets.UTF_8).length + 3));
    }

    /** Lines go out in blocks: many of them give exactly the lines, in order, each ended by a newline. */
    @Test
    void writesManyLinesExactlyAsOneByOne() throws Exception {
        List<SimEvent> events = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            for (SimEvent e : sample()) {
                events.add(e);
            }
        }
        StringBuilder expected = new StringBuilder();
        events.forEach(e -> expected.append(TraceWriter.line(e)).append('\n'));
        assertEquals(expected.toString(), new String(write(events), StandardCharsets.UTF_8));
    }

    /** An event that cannot be written leaves no half line behind: the lines around it are whole. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aLineThatCannotBeWrittenIsNotWrittenAtAll() throws Exception {
        Map<String, Long> unwritable = (Map) Map.of("T1", new Object());
        SimEvent bad = new Summary(3, 2, 2, 1, 0, unwritable);
        SimEvent before = sample().get(0);
        SimEvent after = sample().get(1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter w = new TraceWriter(bytes);
        w.write(before);
        assertThrows(IllegalArgumentException.class, () -> w.write(bad));
        w.write(after);
        w.flush();
        assertEquals(TraceWriter.line(before) + "\n" + TraceWriter.line(after) + "\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    private static byte[] write(List<SimEvent> events) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceWriter w = new TraceWriter(bytes);
        events.forEach(w::write);
        w.flush();
        return bytes.toByteArray();
    }
}
