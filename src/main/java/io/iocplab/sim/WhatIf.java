package io.iocplab.sim;

/**
 * An action a student injects into a run at a stop ("what if ... here?"): something a client does, a call made
 * on behalf of a thread, or a change to the echo workers from here on. A run with what-ifs is the same scenario
 * with these actions scripted in, so it is as deterministic as any other run.
 *
 * <p>Ordering (the rule that makes a fork's past the original's): a what-if {@code after} moment m is performed
 * as an action of its own right after the action that made moment m, before any other action, at that moment's
 * virtual time; it does not take a place in the timer queue. So everything up to and including moment m happens
 * exactly as without it, and the what-if is moment m + 1. Several what-ifs after the same moment are performed
 * one after another in their order, each its own action. A what-if after a moment the run never reaches is
 * never performed.
 */
public sealed interface WhatIf {

    /** The moment this action follows. */
    long after();

    /** What a client (the peer of a socket) does: sends bytes, closes gracefully (FIN) or resets (RST). */
    record Client(long after, String socket, Kind kind, String data) implements WhatIf {
        public enum Kind { SEND, CLOSE, RESET }
    }

    /**
     * A call made on behalf of {@code thread} at once, as if that thread made it: PostQueuedCompletionStatus,
     * CancelIoEx, CloseHandle, SuspendThread, ResumeThread or closesocket. The call returns at once (an
     * {@code api.return} for that thread, with step -1: its program has no such line); the thread itself goes on
     * as it was.
     */
    record Call(long after, String thread, Step step) implements WhatIf {}

    /**
     * The echo workers from here on: their Compute per packet, and their blocking call every {@code blockEvery}
     * packets (0: none) for {@code blockUs}.
     */
    record EchoWork(long after, long computeUs, int blockEvery, long blockUs) implements WhatIf {}
}
