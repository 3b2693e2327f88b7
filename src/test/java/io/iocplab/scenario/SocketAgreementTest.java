package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.iocplab.sim.EventSink;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "Valid files that fail": each of the reproductions, which failed deterministically 5 runs
 * of 5, now runs to its end on real sockets with the outcome the model gives, with the trace on (everything on
 * the machine's thread) and off (the peers' receives on their own thread).
 */
class SocketAgreementTest {

    private static List<SimEvent> run(String text) throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", text);
        List<SimEvent> events = new ArrayList<>();
        ScenarioRunner.run(s, events::add);
        ScenarioRunner.run(s, EventSink.NONE);
        return events;
    }

    private static List<String> completions(List<SimEvent> events) {
        return events.stream().filter(e -> e instanceof IoComplete).map(e -> (IoComplete) e)
                .map(c -> c.api() + " " + c.overlapped() + " " + c.status() + " " + c.bytes() + " " + c.buffers()).toList();
    }

    private static List<String> returns(List<SimEvent> events, String api) {
        return events.stream().filter(e -> e instanceof ApiReturn r && r.api().name().equals(api)).map(e -> (ApiReturn) e)
                .map(r -> r.ok() + " " + r.error()).toList();
    }

    @Test
    void a_reset_after_unread_data_discards_the_data_as_the_model_says() throws Exception {
        List<SimEvent> e = run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 1, send: hello }, { at: 2, close: reset } ]
                threads:
                  T:
                    - Sleep: 10
                    - WSARecv: { socket: S, buffers: [16], overlapped: R }
                """);
        assertEquals(List.of("false 10054"), returns(e, "WSARecv"), "the receive after the reset fails at once");
    }

    @Test
    void a_pending_receive_and_a_reset_after_part_of_the_data_was_read() throws Exception {
        List<SimEvent> e = run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 1, send: helloworld }, { at: 3, close: reset } ]
                threads:
                  T:
                    - Sleep: 2
                    - WSARecv: { socket: S, buffers: [5], overlapped: A }
                    - WSARecv: { socket: S, buffers: [16], overlapped: B }
                    - Sleep: 5
                    - WSARecv: { socket: S, buffers: [16], overlapped: C }
                """);
        assertEquals(List.of("WSARecv A 0 5 [hello]", "WSARecv B 0 5 [world]"), completions(e));
        assertEquals(List.of("true 0", "true 0", "false 10054"), returns(e, "WSARecv"));
    }

    @Test
    void a_peer_that_sends_after_the_servers_closesocket() throws Exception {
        List<SimEvent> e = run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 5, send: hello }, { at: 6, send: again }, { at: 7, send: more }, { at: 8, close: graceful } ]
                threads:
                  T: [ closesocket: S ]
                """);
        assertEquals(List.of("connect", "send", "send", "send", "close"),
                e.stream().filter(x -> x instanceof PeerAction).map(x -> ((PeerAction) x).action().json()).toList());
    }

    @Test
    void a_reset_after_closesocket_and_after_unread_data() throws Exception {
        run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 }, U: { port: P, key: 2 } }
                peers:
                  S: [ { at: 5, close: reset } ]
                  U: [ { at: 1, send: unread }, { at: 5, close: reset } ]
                threads:
                  T: [ Sleep: 2, closesocket: S, closesocket: U ]
                """);
    }

    @Test
    void the_zero_byte_receive_completes_with_0_bytes_and_leaves_the_data_readable() throws Exception {
        List<SimEvent> e = run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 5, send: hello } ]
                threads:
                  T:
                    - WSARecv: { socket: S, buffers: [0], overlapped: Z }
                    - GetQueuedCompletionStatus: {}
                    - WSARecv: { socket: S, buffers: [16], overlapped: R }
                    - GetQueuedCompletionStatus: {}
                    - WSARecv: { socket: S, buffers: [0], overlapped: Z }
                """);
        assertEquals(List.of("WSARecv Z 0 0 []", "WSARecv R 0 5 [hello]"), completions(e));
        assertEquals(List.of("false 997", "true 0", "false 997"), returns(e, "WSARecv"),
                "pending, then at once (the data was still there), then pending again");
        assertEquals(List.of("true 0", "true 0"), returns(e, "GetQueuedCompletionStatus"), "TRUE with 0 bytes");
    }

    @Test
    void sends_racing_a_reset_that_is_on_its_way() throws Exception {
        List<SimEvent> e = run("""
                ports: { P: {} }
                latency: 1
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 1, send: hi }, { at: 1, close: reset } ]
                threads:
                  T:
                    - Sleep: 1
                    - WSASend: { socket: S, data: abc, overlapped: W1 }
                    - WSARecv: { socket: S, buffers: [4], overlapped: R }
                    - Sleep: 2
                    - WSASend: { socket: S, data: abc, overlapped: W2 }
                """);
        // W1 goes out after the peer's RST left it (real time) but before it reaches the socket (virtual time):
        // the model completes it, the real RST that is already there is taken as the model's, one latency later
        assertEquals(List.of("true 0", "false 10054"), returns(e, "WSASend"));
        assertEquals(List.of("WSASend W1 0 3 [abc]", "WSARecv R 0 2 [hi]"), completions(e),
                "'hi' reaches the pending receive just before the reset does, at the same virtual time");
    }

    @Test
    void a_fin_then_a_reset_while_data_and_the_fin_are_still_unread() throws Exception {
        run("""
                ports: { P: {} }
                sockets: { S: { port: P, key: 1 } }
                peers:
                  S: [ { at: 1, send: abc }, { at: 1, close: graceful } ]
                threads:
                  T: [ Sleep: 3, WSASend: { socket: S, data: x, overlapped: W }, WSARecv: { socket: S, buffers: [1], overlapped: R } ]
                """.replace("{ at: 1, close: graceful } ]", "{ at: 1, close: graceful }, { at: 2, close: reset } ]"));
    }

    @Test
    void what_a_real_peer_cannot_do_after_its_close_is_refused_where_it_is_written() {
        InvalidScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", """
                        ports: { P: {} }
                        sockets: { S: {}, U: {} }
                        peers:
                          S: [ { at: 1, close: graceful }, { at: 2, send: late } ]
                          U: [ { at: 1, close: reset }, { at: 2, close: graceful } ]
                        """));
        assertEquals(List.of("t.yaml:4:36: peers.S[1]: comes after the peer's close (FIN): it sends nothing more; only "
                        + "a reset may follow",
                "t.yaml:5:33: peers.U[1]: comes after the peer's reset (RST): its socket is gone, a reset is a peer's "
                        + "last action"), e.problems().stream().map(Problem::toString).toList());
    }
}
