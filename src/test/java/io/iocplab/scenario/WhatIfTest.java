package io.iocplab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.Step;
import io.iocplab.sim.WhatIf;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.StopRules;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fork at a stop: the same scenario with one more action right after moment m. Its past (every event up to
 * moment m) is the original's byte for byte (the OS's port numbers aside), its future differs, every stop of it is whole, and its file, read
 * back, runs to the same trace every time.
 */
class WhatIfTest {
    private static final String WELCOME = Resources.text("io/iocplab/app/scenarios/welcome.yaml");

    private static Scenario welcome() throws InvalidScenarioException {
        return ScenarioLoader.loadString("welcome.yaml", WELCOME);
    }

    private static List<SimEvent> events(Scenario s) {
        List<SimEvent> out = new ArrayList<>();
        ScenarioRunner.run(s, out::add);
        return out;
    }

    /**
     * The trace lines up to a moment, byte for byte but for the real TCP port numbers of {@code peer} lines, which
     * the OS picks anew for every run (the project's determinism tests mask them the same way).
     */
    private static List<String> lines(List<SimEvent> events, long upToMoment) {
        return events.stream().filter(e -> e.moment() <= upToMoment).map(TraceWriter::line)
                .map(l -> l.replaceAll(",\"local_port\":\\d+,\"remote_port\":\\d+}$", ",\"local_port\":_,\"remote_port\":_}"))
                .toList();
    }

    /** The moment of the first receive that completed on socket C2. */
    private static long firstCompletionOf(List<SimEvent> events, String socket) {
        return events.stream().filter(e -> e instanceof io.iocplab.sim.event.IoComplete c && c.socket().equals(socket))
                .findFirst().orElseThrow().moment();
    }

    @Test
    void aResetAtAStopKeepsThePastByteForByteAndChangesTheFuture() throws Exception {
        List<SimEvent> original = events(welcome());
        long m = firstCompletionOf(original, "C2");
        Scenario fork = welcome().withWhatIf(new WhatIf.Client(m, "C2", WhatIf.Client.Kind.RESET, null));
        List<SimEvent> forked = events(fork);

        assertEquals(lines(original, m), lines(forked, m), "the past up to moment " + m);
        SimEvent first = forked.stream().filter(e -> e.moment() == m + 1).findFirst().orElseThrow();
        SimEvent last = forked.stream().filter(e -> e.moment() == m).reduce((a, b) -> b).orElseThrow();
        assertTrue(first instanceof PeerAction p && p.socket().equals("C2") && p.action() == PeerAction.Action.RESET,
                "moment m + 1 is the reset: " + TraceWriter.line(first));
        assertEquals(last.tUs(), first.tUs(), "at the stop's own time");
        assertNotEquals(lines(original, Long.MAX_VALUE), lines(forked, Long.MAX_VALUE), "the future differs");
        long sendsOfC2 = forked.stream().filter(e -> e instanceof PeerAction p && p.socket().equals("C2")
                && p.action() == PeerAction.Action.SEND).count();
        assertEquals(1, sendsOfC2, "C2 sent its first message only");
        assertEquals(List.of(), StopRules.check(forked, fork.cpus()), "every stop of the fork is whole");
        assertTrue(forked.get(forked.size() - 1) instanceof Summary, "the fork runs to its end");
    }

    @Test
    void aSavedForkRunsToTheSameTraceEveryTime() throws Exception {
        List<SimEvent> original = events(welcome());
        long m = firstCompletionOf(original, "C3");
        Scenario fork = welcome().withWhatIf(new WhatIf.Client(m, "C3", WhatIf.Client.Kind.CLOSE, null))
                .withWhatIf(new WhatIf.Call(m + 4, "main", new Step.PostQueuedCompletionStatus("P", 0, 0, null,
                        Step.Source.NONE)))
                .withWhatIf(new WhatIf.EchoWork(m + 6, 2000, 0, 0));
        String file = ForkFile.text(WELCOME, fork.whatIf());
        Scenario loaded = ScenarioLoader.loadString("fork.yaml", file);
        assertEquals(3, loaded.whatIf().size(), file);

        List<String> inMemory = lines(events(fork), Long.MAX_VALUE);
        List<String> once = lines(events(loaded), Long.MAX_VALUE);
        List<String> twice = lines(events(loaded), Long.MAX_VALUE);
        assertEquals(inMemory, once, "the file is the fork");
        assertEquals(once, twice, "same file, same trace");
        assertEquals(lines(original, m), lines(events(loaded), m));

        String again = ForkFile.text(file, loaded.whatIf());
        assertEquals(file, again, "a fork of the file keeps one what-if section");
    }

    @Test
    void aCallOnBehalfOfAThreadIsItsReturnWithNoLineOfItsProgram() throws Exception {
        List<SimEvent> original = events(welcome());
        long m = firstCompletionOf(original, "C1");
        Scenario fork = welcome().withWhatIf(new WhatIf.Call(m, "W2",
                new Step.SuspendThread("W1", Step.Source.NONE)));
        List<SimEvent> forked = events(fork);
        ApiReturn r = (ApiReturn) forked.stream().filter(e -> e.moment() == m + 1 && e instanceof ApiReturn)
                .findFirst().orElseThrow();
        assertEquals("W2", r.thread());
        assertEquals(-1, r.step());
        assertTrue(r.ok());
        assertEquals(List.of(), StopRules.check(forked, fork.cpus()));
        assertEquals(lines(original, m), lines(forked, m));
    }

    @Test
    void onTheAcceptExEchoAResetReachesTheAcceptedClientAndNewWorkKeepsTheAccepts() throws Exception {
        Scenario accepting = welcome().withEcho(welcome().echo().withAcceptEx(true));
        List<SimEvent> original = events(accepting);
        long m = firstCompletionOf(original, "C2");
        Scenario reset = accepting.withWhatIf(new WhatIf.Client(m, "C2", WhatIf.Client.Kind.RESET, null));
        Scenario lighter = reset.withWhatIf(new WhatIf.EchoWork(m, 500, 0, 0));
        List<SimEvent> resetOnly = events(reset);
        List<SimEvent> forked = events(lighter);

        assertEquals(lines(original, m), lines(forked, m), "the past up to moment " + m);
        SimEvent first = forked.stream().filter(e -> e.moment() == m + 1).findFirst().orElseThrow();
        assertTrue(first instanceof PeerAction p && p.socket().equals("C2") && p.peer().equals("client2")
                && p.action() == PeerAction.Action.RESET, "moment m + 1 is client2's reset: " + TraceWriter.line(first));
        assertTrue(sleeps(forked) < sleeps(resetOnly), "fewer blocking calls once the workers' work has none: "
                + sleeps(forked) + " sleeps, " + sleeps(resetOnly) + " without the change");
        assertEquals(List.of(), StopRules.check(forked, lighter.cpus()), "every stop of the fork is whole");
        assertTrue(forked.get(forked.size() - 1) instanceof Summary, "the fork runs to its end");
    }

    private static long sleeps(List<SimEvent> events) {
        return events.stream().filter(e -> e instanceof ThreadState t && t.waitingOn() == ThreadState.Wait.SLEEP)
                .count();
    }

    @Test
    void whatCannotBeDoneAtAStopIsRefusedWhereItIsWritten() {
        String bad = WELCOME + """
                whatIf:
                  - { after: 5, client: C1, send: "hi" }
                  - { after: 6, thread: W1, call: { GetQueuedCompletionStatus: { port: P } } }
                  - { after: 2, thread: W9, call: { ResumeThread: W1 } }
                """;
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ScenarioLoader.loadString("bad.yaml", bad));
        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertTrue(messages.stream().anyMatch(x -> x.contains("an echo client sends only its own messages")), messages::toString);
        assertTrue(messages.stream().anyMatch(x -> x.contains("may not be made at a stop")), messages::toString);
        assertTrue(messages.stream().anyMatch(x -> x.contains("W9")), messages::toString);
    }
}
