package io.iocplab.app.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A long C call wraps under itself with a continuation indent; nothing is lost or added but the breaks. */
class WrappedCodeTest {

    @Test
    void aLineThatFitsStaysAsWritten() {
        assertEquals(List.of("    Sleep(10);"), WrappedCode.wrap("    Sleep(10);", 40));
    }

    @Test
    void aLongCallBreaksAfterACommaAndGoesOnDeeperThanItStarts() {
        String call = "        GetQueuedCompletionStatus(hcpP, &bytes, &key, &ov, INFINITE);";
        List<String> lines = WrappedCode.wrap(call, 40);
        assertEquals(List.of(
                "        GetQueuedCompletionStatus(hcpP,",
                "            &bytes, &key, &ov,",
                "            INFINITE);"), lines);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 40), lines::toString);
        assertEquals(call.replace(" ", ""), String.join("", lines).replace(" ", ""), "the same characters");
    }

    @Test
    void aWordLongerThanTheLineIsCutAtTheEdgeNotLost() {
        List<String> lines = WrappedCode.wrap("x".repeat(50), 20);
        assertEquals(String.join("", lines).replace(" ", ""), "x".repeat(50));
        assertTrue(lines.stream().allMatch(l -> l.length() <= 20), lines::toString);
    }
}
