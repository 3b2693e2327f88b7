package io.iocplab.sim;

/**
 * What a simulated thread executes, one step at a time. A scripted program ({@link ProgramCursor})
 * ignores what its calls return; a workload's program (the echo worker) decides its next step
 * from them, as a real worker loop does.
 */
interface Program {

    /** The next step, or null when the thread's program ends (it exits). */
    Step next();

    /** The step's line in the program's listing, for the code view; -1 if it has none. */
    int indexOf(Step step);

    /** What the last call returned, before {@link #next()} is asked again. */
    default void returned(SimThread.PendingReturn result) {
    }
}
