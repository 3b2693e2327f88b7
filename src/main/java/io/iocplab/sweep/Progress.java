package io.iocplab.sweep;

import java.time.Duration;

/**
 * How far a sweep has come, reported after each run that finished.
 *
 * @param done          runs finished so far, at least 1
 * @param total         runs in the sweep
 * @param elapsed       real time since the sweep started
 * @param estimatedLeft real time still to go, estimated as elapsed / done × (total − done)
 */
public record Progress(int done, int total, Duration elapsed, Duration estimatedLeft) {

    static Progress of(int done, int total, long elapsedNanos) {
        long left = done == 0 ? 0 : Math.round((double) elapsedNanos / done * (total - done));
        return new Progress(done, total, Duration.ofNanos(elapsedNanos), Duration.ofNanos(left));
    }

    /** Whether every run has finished. */
    public boolean complete() {
        return done == total;
    }
}
