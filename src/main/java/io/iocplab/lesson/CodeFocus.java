package io.iocplab.lesson;

/**
 * The C code a step highlights: a thread's listing ({@code io.iocplab.scenario.CListing.of(scenario,
 * thread)}) and the line of the program step that thread is at, at the step's point.
 *
 * @param thread      the thread
 * @param programStep the index of its step in its program listing (the events' {@code step}), or -1 when it
 *                    has not started or has exited
 * @param line        the index into {@code CListing.lines()} that shows that step, or -1
 */
public record CodeFocus(String thread, int programStep, int line) {}
