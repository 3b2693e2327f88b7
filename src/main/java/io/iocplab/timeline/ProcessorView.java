package io.iocplab.timeline;

/**
 * One virtual processor and what runs on it.
 *
 * <p>Invariant: {@code thread} is the one thread whose latest {@code thread.state} is RUNNING with
 * {@code cpu == index}, or null when the processor is idle.
 */
public record ProcessorView(int index, String thread) {

    public boolean idle() {
        return thread == null;
    }
}
