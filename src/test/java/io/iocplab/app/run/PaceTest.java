package io.iocplab.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A player at 2.5 units a second moves 5 units in 2 seconds, whatever its frame rate; a stall does not jump it. */
class PaceTest {
    @Test
    void fractionsCarryOverSoTheSpeedHoldsAtAnyFrameRate() {
        assertEquals(5, moved(new Pace(), 2.5, 16, 0.125), "2 s at 8 frames a second");
        assertEquals(5, moved(new Pace(), 2.5, 64, 0.03125), "2 s at 32 frames a second");
        assertEquals(0, moved(new Pace(), 2.5, 1, 0.125), "less than a unit in one frame: nothing yet");
    }

    @Test
    void aStalledFrameCountsForAQuarterOfASecond() {
        Pace pace = new Pace();
        assertEquals(1_000, pace.advance(4_000, 3.0));
        assertEquals(0, pace.advance(4_000, -1.0), "a clock that went back moves nothing");
    }

    @Test
    void resetDropsTheFraction() {
        Pace pace = new Pace();
        assertEquals(0, moved(pace, 1, 3, 0.25), "three quarters of a unit");
        pace.reset();
        assertEquals(0, pace.advance(1, 0.25), "a quarter again, not the fourth quarter");
    }

    private static long moved(Pace pace, double speed, int frames, double seconds) {
        long moved = 0;
        for (int i = 0; i < frames; i++) {
            moved += pace.advance(speed, seconds);
        }
        return moved;
    }
}
