package io.iocplab.lesson;

/**
 * One answer a student can click.
 *
 * @param id    stable identifier (a thread name, a number, {@code yes}/{@code no}, {@code true-packet}, ...)
 * @param label what the button says, in both languages
 */
public record Choice(String id, Text label) {}
