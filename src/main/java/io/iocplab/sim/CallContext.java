package io.iocplab.sim;

import io.iocplab.kernel.CompletionPort;
import io.iocplab.kernel.Overlapped;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.SplittableRandom;

/**
 * What a call handler ({@code Win32Calls}, {@code SocketCalls}, and {@code Peers}) may do to the machine, and nothing more: read the clock, schedule
 * actions, emit events, put a thread in a wait or take it out, make a call return, and look up what a
 * name names. The machine implements it; a handler never sees the machine itself, so no part calls back
 * up into the whole.
 */
interface CallContext extends Clock {

    MachineConfig config();

    /** The run's seeded randomness (the only one: same seed, same run). */
    SplittableRandom random();

    // ------------------------------------------------------------------ time

    /** An action that belongs to no thread (a peer's action, bytes arriving), at a virtual time. */
    void at(long timeUs, Runnable action);

    /** An action of thread t; it is dropped if t changes state before then. */
    void at(long timeUs, SimThread t, Runnable action);

    // ------------------------------------------------------------------ events

    /** Whether anyone listens: an event nobody reads need not be made. */
    boolean tracing();

    /** Emits the event {@code maker} makes for this instant, sequence number and moment; made only when tracing. */
    void emit(EventMaker maker);

    /** An event of the current instant, made once its place in the run is known. */
    @FunctionalInterface
    interface EventMaker {
        SimEvent make(long tUs, long seq, long moment);
    }

    // ------------------------------------------------------------------ threads

    /** The call returns now: the program learns its result, and its next step follows after the call's cost. */
    void returnNow(SimThread t, Api api, boolean ok, int error, CallResult result, Step step);

    /**
     * The running thread leaves its processor and waits; any wait but the port's own frees its slot on
     * its port, with {@code cause} as the reason a waiter may be released [ROS-wait].
     */
    void block(SimThread t, Wait wait, Release.Cause cause, boolean alertable);

    /** A wait other than the port's ends: the thread counts again and becomes ready, unless it is suspended. */
    void wake(SimThread t);

    /**
     * The running thread ran into an alertable wait with APCs queued: it runs them (one action each), then its
     * call returns the result given with {@link SimThread#returnLater}.
     */
    void deliverApcs(SimThread t);

    /** The thread becomes ready at the end of this action (released threads keep their release order). */
    void ready(SimThread t);

    /** The running thread gives its processor to the next ready thread and joins the ready queue. */
    void yield(SimThread t);

    /** The thread ends; its association with a port ends, and its slot there is freed. */
    void exit(SimThread t);

    /** Packets left a port into the thread's hands: they count in its and the run's totals. */
    void packetsTaken(SimThread t, int n);

    // ------------------------------------------------------------------ names

    CompletionPort port(String name);

    SimThread thread(String name);

    SimSocket socket(String name);

    /** Every socket of the run, in file order. */
    Iterable<SimSocket> sockets();

    /** The listener of this name, or null when the name is not a listener's. */
    SimListener listener(String name);

    /** Every listener of the run, in file order. */
    Iterable<SimListener> listeners();

    /** The OVERLAPPED a label names: one structure per label for the whole run, or null for a null label. */
    Overlapped overlapped(String label);

    /** What the program's memory holds: the bytes that landed in each operation's buffers. */
    Memory memory();
}
