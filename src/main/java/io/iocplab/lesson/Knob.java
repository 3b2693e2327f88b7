package io.iocplab.lesson;

import java.util.List;

/**
 * One thing a student may change in a "make it happen" step ({@link GoalExercise}): a parameter of the lesson's
 * scenario and the values the lesson offers for it. The scenario's own value is always among them and is where
 * the knob starts; {@code solution} is the value of a way to the goal the author knows (checked by
 * {@code lessons check}), or null when that way leaves this knob as it is.
 */
public sealed interface Knob {
    /** The values offered, as the scenario file writes them, in the order the lesson gives them. */
    List<String> values();

    /** The scenario's own value. */
    String initial();

    /** The value the author's way to the goal sets, or null (the knob stays at {@link #initial()}). */
    String solution();

    Pos pos();

    /** {@code { cpus: [1, 2, 4] }}: the machine's processors. */
    record Cpus(List<String> values, String initial, String solution, Pos pos) implements Knob {}

    /** {@code { concurrency: [0, 1, 2] }}: a port's concurrency value (0: the number of processors). */
    record Concurrency(String port, List<String> values, String initial, String solution, Pos pos) implements Knob {}

    /**
     * {@code { threads: [1, 2, 3] }}: how many worker threads run (a worker is a thread whose program starts with
     * GetQueuedCompletionStatus); more are copies of the last worker, fewer leave the last ones out.
     */
    record Workers(List<String> values, String initial, String solution, Pos pos) implements Knob {}

    /**
     * {@code { step: { thread: T2, at: 1, arg: timeout }, values: [...] }}: an argument of one step of a thread's
     * program. {@code at} counts the steps as the C listing and the events do (a Loop before the steps inside it);
     * {@code arg} is null for a step whose argument is a single value ({@code Sleep: 5}, {@code Compute: 1}).
     *
     * @param api the step's call, as the program writes it (for the window's label)
     */
    record StepArg(String thread, int at, String api, String arg, List<String> values, String initial, String solution,
                   Pos pos) implements Knob {}

    /**
     * {@code { peer: { socket: S, action: 1, field: close }, values: [...] }}: one action of a socket's client
     * (0-based), its time ({@code at}, the default: later actions keep their order only if the values do) or how it
     * closes ({@code close}: graceful or reset).
     */
    record PeerAction(String socket, int action, String field, List<String> values, String initial, String solution,
                      Pos pos) implements Knob {}
}
