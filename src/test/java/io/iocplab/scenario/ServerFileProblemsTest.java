package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server parts of a scenario file (issue 15): listeners, clients that connect to them, AcceptEx and
 * DisconnectEx. A good file gives what the runner builds the machine from; a mistake is named where it is
 * written, with what was expected.
 */
class ServerFileProblemsTest {

    private static List<String> problems(String text) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aListenerItsClientsAndTheSocketsAcceptExNames() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                ports: { P: {} }
                listeners: { L: { port: P, key: 100 } }
                peers:
                  C1: [ { at: 2, connect: L }, { at: 5, send: hi } ]
                threads:
                  main:
                    - AcceptEx: { listen: L, socket: A1, receive: 16, overlapped: OA }
                    - Loop: { times: 2, steps: [ AcceptEx: { listen: L, socket: A2, overlapped: OB } ] }
                    - DisconnectEx: { socket: A1, reuse: true, overlapped: D }
                    - closesocket: L
                """);
        assertEquals(new Scenario.ListenerSpec("P", 100, new Step.Source(2, 14)), s.listeners().get("L"));
        assertEquals(List.of(new Peer.Connect(2_000, "L"), new Peer.Send(5_000, "hi")), s.peers().get("C1"));
        assertEquals(List.of("A1", "A2"), s.acceptSockets());
        List<Step> main = s.threads().get("main");
        assertEquals(new Step.AcceptEx("L", "A1", 16, new Step.OverlappedArg("OA", false), new Step.Source(7, 7)),
                main.get(0));
        assertEquals(new Step.DisconnectEx("A1", true, new Step.OverlappedArg("D", false), new Step.Source(9, 7)),
                main.get(2));
        assertEquals(new Step.closesocket("L", new Step.Source(10, 7)), main.get(3));
        assertEquals(true, s.usesSockets());
    }

    @Test
    void aClientConnectsToAListenerThatExists() {
        assertEquals(List.of("t.yaml:3:27: peers.C1[0].connect: unknown listener 'M' (listeners: L)"), problems("""
                listeners: { L: {} }
                peers:
                  C1: [ { at: 1, connect: M } ]
                threads: {}
                """));
    }

    @Test
    void onlyAClientsFirstActionConnects() {
        assertEquals(List.of("t.yaml:3:32: peers.C1[1].connect: only a client's first action connects it"), problems("""
                listeners: { L: {} }
                peers:
                  C1: [ { at: 1, connect: L }, { at: 2, connect: L } ]
                threads: {}
                """));
    }

    @Test
    void aSocketsPeerDoesNotConnectAndAnAcceptedSocketHasNoPeerOfItsOwn() {
        assertEquals(List.of(
                "t.yaml:4:3: peers.S: 'S' is a socket, connected from the start; a client that connects to a "
                        + "listener needs a name of its own",
                "t.yaml:5:3: peers.A1: 'A1' is accepted by AcceptEx, so its peer is the client it accepts: give "
                        + "that client a name and { at: T, connect: LISTENER } first"), problems("""
                listeners: { L: {} }
                sockets: { S: {} }
                peers:
                  S: [ { at: 1, connect: L } ]
                  A1: [ { at: 1, send: hi } ]
                threads:
                  main: [ AcceptEx: { listen: L, socket: A1, overlapped: OA } ]
                """));
    }

    @Test
    void aListenerIsNotASocketToReadFrom() {
        assertEquals(List.of(
                "t.yaml:2:14: listeners.L: 'L' is also a socket; give the listener a name of its own",
                "t.yaml:5:26: threads.main[0].WSARecv.socket: 'M' is a listener: it accepts connections and has "
                        + "none of its own (AcceptEx gives one to a socket)"), problems("""
                sockets: { L: {} }
                listeners: { L: {}, M: {} }
                threads:
                  main:
                    - WSARecv: { socket: M, buffers: [4], overlapped: R }
                """));
    }

    @Test
    void msgPeekOnlyOnABlockingReceiveAndNoOtherFlag() {
        assertEquals(List.of(
                "t.yaml:4:65: threads.main[0].WSARecv.flags: MSG_PEEK only on a blocking call (overlapped: null): "
                        + "Windows documents it for non-overlapped sockets",
                "t.yaml:5:68: threads.main[1].WSARecv.flags: expected 0 or MSG_PEEK (2), got '8' (the model does "
                        + "no other receive flag)"), problems("""
                sockets: { S: {} }
                threads:
                  main:
                    - WSARecv: { socket: S, buffers: [4], overlapped: R, flags: MSG_PEEK }
                    - WSARecv: { socket: S, buffers: [4], overlapped: null, flags: 8 }
                """));
    }

    @Test
    void sleepExAndQueueUserApc() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                threads:
                  T1: [ SleepEx: { ms: INFINITE, alertable: true }, SleepEx: { ms: 2.5 } ]
                  T2: [ QueueUserAPC: { thread: T1 } ]
                """);
        assertEquals(List.of(new Step.SleepEx(Step.INFINITE, true, new Step.Source(2, 9)),
                new Step.SleepEx(2_500, false, new Step.Source(2, 53))), s.threads().get("T1"));
        assertEquals(List.of(new Step.QueueUserAPC("T1", new Step.Source(3, 9))), s.threads().get("T2"));
        assertEquals(List.of("t.yaml:2:9: threads.T1[0].QueueUserAPC: missing argument 'thread' (expected the name "
                        + "of a thread)", "t.yaml:2:27: threads.T1[1].SleepEx: missing argument 'ms' (expected a time in "
                        + "milliseconds, or INFINITE)"),
                problems("""
                threads:
                  T1: [ QueueUserAPC: {}, SleepEx: { alertable: true } ]
                """));
    }

    @Test
    void sendBuffersAndPeersThatStopReading() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", """
                sockets: { S: { sendBuffer: 4096 } }
                listeners: { L: { sendBuffer: 64 } }
                peers:
                  S: [ { at: 1, stopReading: true }, { at: 51, resumeReading: true } ]
                  C1: [ { at: 1, connect: L }, { at: 2, stopReading: true } ]
                threads: {}
                """);
        assertEquals(4096, s.sockets().get("S").sendBuffer());
        assertEquals(64, s.listeners().get("L").sendBuffer());
        assertEquals(List.of(new Peer.StopReading(1_000), new Peer.ResumeReading(51_000)), s.peers().get("S"));
        assertEquals(List.of(
                "t.yaml:1:29: sockets.S.sendBuffer: 70000 is out of range (expected a whole number from 1 to 65536)",
                "t.yaml:3:17: peers.T[0].stopReading: the socket T has no sendBuffer, so its sends never wait and "
                        + "nothing bounds what the peer leaves unread; give it a sendBuffer (bytes, at most 65536)"),
                problems("""
                sockets: { S: { sendBuffer: 70000 }, T: {} }
                peers:
                  T: [ { at: 1, stopReading: true } ]
                threads: {}
                """));
    }

    @Test
    void acceptExNeedsAListenerAndAnOverlapped() {
        assertEquals(List.of(
                "t.yaml:4:7: threads.main[0].AcceptEx: missing argument 'overlapped' (expected an OVERLAPPED label)",
                "t.yaml:4:27: threads.main[0].AcceptEx.listen: unknown listener 'X' (listeners: L)"), problems("""
                listeners: { L: {} }
                threads:
                  main:
                    - AcceptEx: { listen: X, socket: A1 }
                """));
    }
}
