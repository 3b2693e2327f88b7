package io.iocplab.sim;

import java.util.List;

/**
 * What the client end of a scenario socket does. A peer is a real socket; its actions happen at
 * virtual times and reach the server one loopback latency later.
 */
public sealed interface Peer {

    /** A peer that does nothing but read what the server sends. */
    Peer SILENT = new Scripted(List.of());

    /** A client outside the program (live mode): it does what a person or another program makes it do. */
    Peer OUTSIDE = new Outside();

    /**
     * A client outside the program, accepted by live mode's real listener: its bytes, FIN and RST are real and come
     * when they come; what the server sends it, it reads by itself.
     */
    record Outside() implements Peer {}

    /**
     * A fixed script from the scenario's {@code peers:} block, in time order; a client's starts with a
     * {@link Connect}.
     */
    record Scripted(List<Action> actions) implements Peer {}

    /**
     * A closed-loop client of an echo server: sends {@code messages} messages of {@code size} bytes,
     * each one {@code thinkUs} after the whole echo of the previous one came back, verifies every
     * echoed byte, then closes gracefully. The bytes are drawn from the run's seeded randomness.
     */
    record Echo(int messages, int size, long thinkUs, long startUs) implements Peer {}

    /** One scripted action at a virtual time. */
    sealed interface Action {
        long atUs();
    }

    /** A client connects to a listener (a client's first action, and only its first). */
    record Connect(long atUs, String listener) implements Action {}

    record Send(long atUs, String data) implements Action {}

    /** The peer stops reading: what reaches it waits, and the server's sends wait once its send buffer is full. */
    record StopReading(long atUs) implements Action {}

    /** The peer reads again: at once what reached it meanwhile, then what arrives. */
    record ResumeReading(long atUs) implements Action {}

    /** A graceful close (FIN) or, when {@code reset}, an abortive one (RST). */
    record Close(long atUs, boolean reset) implements Action {}
}
