package io.iocplab.app.model;

/** What the user clicked on the stage, to be explained ("why?") and highlighted. */
public sealed interface Selection {
    record Thread(String name) implements Selection {}

    /** A queued packet: the port and its position in the queue (0 = next to leave). */
    record Packet(String port, int index) implements Selection {}

    /** The running-count gauge of a port. */
    record Gauge(String port) implements Selection {}

    record Socket(String name) implements Selection {}
}
