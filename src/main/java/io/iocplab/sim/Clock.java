package io.iocplab.sim;

/** The machine's virtual time, in microseconds; it only moves forward, from one action to the next. */
@FunctionalInterface
interface Clock {
    long now();
}
