package io.iocplab.app.run;

/**
 * How far a playing player moves in one frame: its speed times the frame's real seconds, in whole
 * units (events for the main window's player, virtual µs for the comparison's).
 *
 * <p>Rules: a frame counts for at most {@link #MAX_FRAME_SECONDS} (after a stall, the player goes
 * on rather than jumps); the fraction of a unit a frame leaves over carries to the next frame, so a
 * speed of 2.5 units a second moves 5 units in 2 seconds whatever the frame rate; {@link #reset}
 * drops the carried fraction (on play, on a seek, at the end of what is there to show).
 */
public final class Pace {
    /** The longest frame counted, in seconds. */
    public static final double MAX_FRAME_SECONDS = 0.25;

    private double carry;

    /** The whole units to move after a frame of {@code seconds} at {@code speed} units a second. */
    public long advance(double speed, double seconds) {
        carry += speed * Math.max(0, Math.min(seconds, MAX_FRAME_SECONDS));
        long moves = (long) Math.floor(carry);
        carry -= moves;
        return moves;
    }

    /** Forgets the fraction carried over. */
    public void reset() {
        carry = 0;
    }
}
