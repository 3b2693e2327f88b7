package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of mistake (files in {@code src/test/resources/malformed/}): each names the exact
 * {@code file:line:column} and a message that names the key and what was expected.
 */
class MalformedScenarioTest {

    private static List<String> problems(String resource) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString(resource, Resources.text(resource)));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> problemsOf(String text) {
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("t.yaml", text));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void unknownStepSuggestsTheClosestName() {
        assertEquals(List.of("malformed/unknown-step.yaml:7:7: threads.T1[2]: unknown step "
                        + "'GetQueuedCompletionStatu' (did you mean GetQueuedCompletionStatus?)"),
                problems("malformed/unknown-step.yaml"));
    }

    @Test
    void unknownThreadInSuspendThread() {
        assertEquals(List.of("malformed/unknown-thread.yaml:5:22: threads.main[0].SuspendThread: "
                + "unknown thread 'T3' (did you mean T1?)"), problems("malformed/unknown-thread.yaml"));
    }

    @Test
    void unknownPort() {
        assertEquals(List.of("malformed/unknown-port.yaml:5:42: threads.T1[0].GetQueuedCompletionStatus.port: "
                + "unknown port 'Q' (ports: P)"), problems("malformed/unknown-port.yaml"));
    }

    @Test
    void negativeTime() {
        assertEquals(List.of("malformed/negative-time.yaml:3:14: threads.T1[0].Sleep: negative time '-5' "
                + "(expected a time in milliseconds, 0 or more)"), problems("malformed/negative-time.yaml"));
    }

    @Test
    void missingArgumentIsReportedAtTheStep() {
        assertEquals(List.of("malformed/missing-argument.yaml:5:7: threads.main[0].PostQueuedCompletionStatus: "
                        + "missing argument 'key' (expected the completion key, a whole number)"),
                problems("malformed/missing-argument.yaml"));
    }

    @Test
    void portLeftOutWhileTheFileHasSeveral() {
        assertEquals(List.of("malformed/port-omitted.yaml:6:7: threads.T1[0].GetQueuedCompletionStatus: "
                + "missing argument 'port' (the file has several ports: P, Q)"), problems("malformed/port-omitted.yaml"));
    }

    @Test
    void unknownArgumentKey() {
        assertEquals(List.of("malformed/unknown-argument.yaml:5:36: threads.T1[0].GetQueuedCompletionStatus: "
                + "unknown argument 'timout' (did you mean timeout?)"), problems("malformed/unknown-argument.yaml"));
    }

    @Test
    void yamlSyntaxErrorIsOneProblem() {
        List<String> p = problems("malformed/syntax-error.yaml");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("malformed/syntax-error.yaml:3:8: YAML syntax: "), p.get(0));
    }

    @Test
    void wrongType() {
        assertEquals(List.of("malformed/wrong-type.yaml:2:7: cpus: expected a whole number from 1 to 256 "
                + "(decimal or 0x hex), got 'many'"), problems("malformed/wrong-type.yaml"));
    }

    @Test
    void unknownTopLevelKey() {
        assertEquals(List.of("malformed/unknown-key.yaml:2:1: thread: unknown key (did you mean threads?)"),
                problems("malformed/unknown-key.yaml"));
    }

    @Test
    void reportsEveryProblemAtOnceInFileOrder() {
        String f = "malformed/several-problems.yaml:";
        assertEquals(List.of(
                f + "1:7: cpus: 0 is out of range (expected a whole number from 1 to 256)",
                f + "2:8: until: expected a time in milliseconds, got 'soon'",
                f + "6:15: sockets.S1.port: unknown port 'Q' (ports: P)",
                f + "8:3: peers: unknown socket 'S2' (did you mean S1?)",
                f + "12:14: threads.T1[0].Sleep: expected a time in milliseconds, got '1.5ms'",
                f + "13:21: threads.T1[1].ResumeThread: unknown thread 'T2' (did you mean T1?)",
                f + "17:22: threads.T1[2].Loop.steps[0].Compute: negative time '-2' "
                        + "(expected a time in milliseconds, 0 or more)",
                f + "18:13: threads.T1[2].Loop.steps[1]: unknown step 'Frobnicate'"),
                problems("malformed/several-problems.yaml"));
    }

    @Test
    void emptyFileAndNonMapFile() {
        assertEquals(List.of("t.yaml:1:1: the file is empty (expected a scenario: a map with ports and threads)"),
                problemsOf(""));
        assertEquals(1, problemsOf("- Sleep: 1\n").size());
    }

    @Test
    void duplicateNames() {
        assertEquals(List.of("t.yaml:3:3: threads.T1: written twice (first on line 2)"),
                problemsOf("threads:\n  T1: []\n  T1: []\n"));
    }

    @Test
    void stepWithSeveralKeys() {
        assertEquals(List.of("t.yaml:3:7: threads.T1[0]: a step is a map with one key, this one has 2 "
                + "('Sleep', 'Compute'); write each step on its own '- ' line"),
                problemsOf("threads:\n  T1:\n    - Sleep: 1\n      Compute: 2\n"));
    }

    @Test
    void argumentsOfTheWrongShape() {
        List<String> p = problemsOf("ports: { P: {} }\nsockets: { S: { port: P } }\nthreads:\n  T1:\n"
                + "    - GetQueuedCompletionStatus: 10\n"
                + "    - GetQueuedCompletionStatus: { timeout: forever }\n"
                + "    - ExitThread: 1\n"
                + "    - Sleep\n"
                + "    - PostQueuedCompletionStatus: { bytes: -1, key: 1, overlapped: { label: A, hEventLowBit: true } }\n"
                + "    - WSARecv: { socket: S, buffers: [], overlapped: R }\n"
                + "    - WSASend: { socket: S, overlapped: R }\n"
                + "    - WSAGetOverlappedResult: { socket: S, overlapped: null }\n"
                + "    - CloseHandle: S\n"
                + "    - Loop: { times: -1, steps: [] }\n");
        assertEquals(List.of(
                "t.yaml:5:34: threads.T1[0].GetQueuedCompletionStatus: expected its arguments as a map "
                        + "(port, timeout), got '10'",
                "t.yaml:6:45: threads.T1[1].GetQueuedCompletionStatus.timeout: expected a time in milliseconds "
                        + "or INFINITE, got 'forever'",
                "t.yaml:7:19: threads.T1[2].ExitThread: takes no arguments, got '1'",
                "t.yaml:8:7: threads.T1[3].Sleep: missing its argument (expected a time in milliseconds)",
                "t.yaml:9:44: threads.T1[4].PostQueuedCompletionStatus.bytes: -1 is out of range "
                        + "(expected a whole number from 0 to 4294967295)",
                "t.yaml:9:94: threads.T1[4].PostQueuedCompletionStatus.overlapped.hEventLowBit: "
                        + "only WSARecv and WSASend start I/O with an hEvent",
                "t.yaml:10:38: threads.T1[5].WSARecv.buffers: expected at least one WSABUF length, got an empty list",
                "t.yaml:11:7: threads.T1[6].WSASend: missing argument 'data' (a string) or 'buffers' "
                        + "(a list of strings)",
                "t.yaml:12:56: threads.T1[7].WSAGetOverlappedResult.overlapped: expected an OVERLAPPED label, "
                        + "got nothing",
                "t.yaml:13:20: threads.T1[8].CloseHandle: 'S' is a socket; close it with closesocket",
                "t.yaml:14:22: threads.T1[9].Loop.times: -1 is out of range (expected a whole number from 0 "
                        + "to 2147483647)"), p);
    }

    @Test
    void peerEntries() {
        List<String> p = problemsOf("sockets: { S: {} }\npeers:\n  S:\n    - { at: 5, send: a }\n"
                + "    - { at: 4, close: gently }\n    - { send: b }\n    - { at: 9 }\n");
        assertEquals(List.of(
                "t.yaml:5:23: peers.S[1].close: expected graceful or reset, got 'gently'",
                "t.yaml:6:7: peers.S[2]: missing argument 'at' (expected the time of the action in milliseconds)",
                "t.yaml:7:7: peers.S[3]: missing the action: connect (a listener), send (a string), close (graceful or reset), "
                        + "stopReading or resumeReading"), p);
    }

    @Test
    void aKeyNeedsAPortAndNoPortsMeansNoDefault() {
        assertEquals(List.of(
                "t.yaml:1:22: sockets.S.key: a completion key needs a port to associate with (add port:)",
                "t.yaml:2:17: threads.T[0].GetQueuedCompletionStatus: missing argument 'port' "
                        + "(the file declares no ports)"),
                problemsOf("sockets: { S: { key: 1 } }\nthreads: { T: [ GetQueuedCompletionStatus ] }\n"));
    }

    @Test
    void aBrokenSectionDoesNotEchoIntoReferences() {
        assertEquals(List.of(
                "t.yaml:1:8: ports: expected a map of port names, e.g. P: { concurrency: 2 }, got a list"),
                problemsOf("ports: [P]\nthreads: { T: [ { GetQueuedCompletionStatus: { port: P } } ] }\n"));
    }

    @Test
    void aListOfStepsThatContainsItselfIsOneProblem() {
        assertEquals(List.of("t.yaml:2:7: threads.T1: a list of steps cannot contain itself (through a YAML alias); "
                        + "to repeat steps use Loop with times: forever"),
                problemsOf("threads:\n  T1: &l\n    - Loop: { times: 1, steps: *l }\n    - Loop: { times: 2, steps: *l }\n"));
    }

    @Test
    void titleMustBeText() {
        assertEquals(List.of("t.yaml:1:8: title: expected text, got a list"), problemsOf("title: [a]\nthreads: {}\n"));
    }
}
