package io.iocplab.timeline;

import io.iocplab.sim.event.ThreadState.Wait;

/**
 * A thread came back from a wait while its port's running count was already at (or over) the
 * concurrency value, and was counted anyway: the way the count overshoots (iocp-semantics.md §2,
 * Model decision 3). A thread leaving a wait is counted again without any limit check.
 *
 * @param port          the port whose count it joined
 * @param from          what it had waited on (SLEEP, IO, SUSPENDED, EVENT; PORT for a GQCS that timed out)
 * @param runningBefore the running count just before it was counted again
 * @param concurrency   the port's concurrency value
 * @param tUs           when it came back
 */
public record Comeback(String port, Wait from, int runningBefore, int concurrency, long tUs) {}
