package io.iocplab.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.scenario.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Ctrl+Space offers at a caret, read from the text (the caret is where the | is). */
class CompletionTest {
    private static Completion at(String withCaret) {
        int caret = withCaret.indexOf('|');
        return Completion.at(withCaret.replace("|", ""), caret);
    }

    @Test
    void aStepNameAfterADashInThreads() {
        Completion c = at("ports:\n  P: {}\nthreads:\n  T1:\n    - GetQ|\n");
        assertEquals(List.of("GetQueuedCompletionStatus", "GetQueuedCompletionStatusEx"), c.choices());
        assertEquals("ports:\n  P: {}\nthreads:\n  T1:\n    - ".length(), c.from());
        assertEquals(Vocabulary.steps(), at("threads:\n  T1:\n    - |").choices());
    }

    @Test
    void aStepsArgumentsInsideItsBraces() {
        assertEquals(List.of("socket", "buffers", "overlapped", "flags", "completionRoutine", "buffer"),
                at("threads:\n  T1:\n    - WSARecv: { |").choices());
        assertEquals(List.of("overlapped"), at("threads:\n  T1:\n    - WSARecv: { socket: S1, buffers: [4], ov|").choices());
        assertEquals(List.of("timeout"), at("threads:\n  T1:\n    - GetQueuedCompletionStatus: { port: P, t|").choices());
    }

    @Test
    void aTopLevelKeyAtTheStartOfALineAndASectionsKeysInItsEntries() {
        assertEquals(List.of("threads"), at("ports:\n  P: {}\nthr|").choices());
        assertEquals(List.of("concurrency"), at("ports:\n  P: { |").choices());
        assertEquals(List.of("port", "key", "sendBuffer"), at("sockets:\n  S1: { |").choices());
        assertEquals(List.of("port", "key", "sendBuffer"), at("listeners:\n  L: { |").choices());
        assertEquals(List.of("at", "connect", "send", "close", "stopReading", "resumeReading"),
                at("peers:\n  S1:\n    - { |").choices());
        assertTrue(at("echo:\n  wor|").choices().contains("workers"));
    }

    @Test
    void nothingWhereNoWordFits() {
        assertEquals(List.of(), at("threads:\n  T1:\n    - Sleep: 1|").choices());
        assertEquals(List.of(), at("title: a wor|").choices());
    }
}
