package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** How the stage's queue cards and waiter entries follow their packets and threads. */
class ShiftTest {
    private static int shift(List<String> before, List<String> after) {
        return Shift.of(before, after, Objects::equals);
    }

    @Test
    void theHeadPacketLeavesTheQueue() {
        assertEquals(1, shift(List.of("p1", "p2", "p3"), List.of("p2", "p3")));
        assertEquals(1, shift(List.of("p1", "p2", "p3"), List.of("p2", "p3", "p4")), "and one came in at the tail");
        assertEquals(2, shift(List.of("p1", "p2", "p3"), List.of("p3", "p4", "p5")));
    }

    @Test
    void aThreadIsPushedOnTheStackOrPoppedFromIt() {
        assertEquals(-1, shift(List.of("T1", "T2"), List.of("T3", "T1", "T2")), "T3 waits: it is the new top");
        assertEquals(1, shift(List.of("T3", "T1", "T2"), List.of("T1", "T2")), "T3 was released");
    }

    @Test
    void nothingMovesWhenNothingLinesUp() {
        assertEquals(0, shift(List.of("a", "b"), List.of("a", "b", "c")), "only added at the end");
        assertEquals(0, shift(List.of("a", "b"), List.of("x", "y")));
        assertEquals(0, shift(List.of(), List.of("x")));
        assertEquals(0, shift(List.of("x"), List.of()));
    }

    @Test
    void theNodesMoveWithTheirItems() {
        List<String> nodes = new ArrayList<>(List.of("n0", "n1", "n2", "spare"));
        Shift.apply(nodes, 3, 1);                           // the head's node goes behind the others
        assertEquals(List.of("n1", "n2", "n0", "spare"), nodes);
        Shift.apply(nodes, 3, -1);                          // one pushed at the front: the spare node takes it
        assertEquals(List.of("spare", "n1", "n2", "n0"), nodes);
    }
}
