package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, "Crashes that leak": the echo workload's workers read every packet on their port as a client's
 * (keys 1..N) or as the shutdown (key 0), like a real server whose key points at its per-socket data. A file
 * that would hand them anything else (a post with another key, a socket of its own on that port) is refused
 * where it says so, instead of crashing a worker (the ArrayIndexOutOfBounds and NullPointerException)
 * or failing an echo with a wrong diagnosis.
 */
class EchoBoundariesTest {
    private static final String ECHO = "ports: { P: { concurrency: 1 } }\n"
            + "echo: { workers: 1, clients: 2, messages: 2, size: 4 }\n";

    private static List<String> problemsOf(String text) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void a_post_with_a_key_that_is_not_the_workloads_is_refused_at_the_key() {
        for (String key : List.of("5", "1")) {
            assertEquals(List.of("t.yaml:4:55: threads.T[0].PostQueuedCompletionStatus.key: " + key + " on P, the "
                    + "echo workload's port, whose workers take key 0 as the shutdown and keys 1..2 as their clients' "
                    + "sockets; post key 0 to stop a worker, or post to a port of your own"),
                    problemsOf(ECHO + "threads:\n  T: [ { PostQueuedCompletionStatus: { bytes: 1, key: " + key
                            + ", overlapped: A } } ]\n"));
        }
    }

    @Test
    void a_socket_of_the_file_on_the_workloads_port_is_refused() {
        assertEquals(List.of("t.yaml:3:23: sockets.S.port: P is the echo workload's port, whose workers know only "
                        + "their own clients' keys (1..2); give S a port of its own"),
                problemsOf(ECHO + "sockets: { S: { port: P, key: 1 } }\n"));
        assertEquals(List.of("t.yaml:5:61: threads.T[0].CreateIoCompletionPort.port: P is the echo workload's port, "
                        + "whose workers know only their own clients' keys; associate the socket with a port of your own"),
                problemsOf(ECHO + "sockets: { S: {} }\n"
                        + "threads:\n  T: [ { CreateIoCompletionPort: { socket: S, key: 1, port: P } } ]\n"));
    }

    @Test
    void the_shutdown_key_and_ports_of_the_files_own_are_fine() throws Exception {
        Scenario s = ScenarioLoader.loadString("t.yaml", "ports: { P: { concurrency: 1 }, Q: {} }\n"
                + "echo: { port: P, workers: 2, clients: 2, messages: 2, size: 4 }\n"
                + "sockets: { S: { port: Q, key: 1 } }\n"
                + "threads:\n  T: [ { PostQueuedCompletionStatus: { port: P, bytes: 0, key: 0, overlapped: null } },"
                + " { PostQueuedCompletionStatus: { port: Q, bytes: 1, key: 5, overlapped: A } } ]\n");
        List<SimEvent> events = new ArrayList<>();
        Summary summary = ScenarioRunner.run(s, events::add);
        assertEquals(1L, summary.perThread().get("W1"), "W1 took the file's shutdown packet and left");
        List<String> echoes = events.stream().filter(e -> e instanceof PeerAction p && p.action() == PeerAction.Action.RECV)
                .map(e -> ((PeerAction) e).socket()).toList();
        assertEquals(List.of("C1", "C2", "C1", "C2"), echoes, "W2 echoed every message of both clients");
    }
}
