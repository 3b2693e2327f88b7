package io.iocplab.app.model;

/**
 * What a lesson stop is about: the thing its sentence or question names, which the stage scrolls into
 * view and marks. Unlike a {@link Selection} (what the student clicked, to ask why), a subject is the
 * lesson's: it is set by the stop and cleared when the lesson is left.
 */
public sealed interface Subject {
    /** A port's packet queue. */
    record Queue(String port) implements Subject {}

    /** A port's running count against its concurrency value. */
    record Gauge(String port) implements Subject {}

    /** A port's stack of waiting threads. */
    record Waiters(String port) implements Subject {}

    record Thread(String name) implements Subject {}

    record Socket(String name) implements Subject {}
}
