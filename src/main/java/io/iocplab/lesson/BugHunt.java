package io.iocplab.lesson;

/**
 * A "find the bug" step: the C listing of one thread of the scenario ({@code scenario.CListing}), one of whose
 * lines is a classic mistake. The student clicks the line; a wrong line shows the hint and the student tries again;
 * the right one shows what it does in the run (the moment its call returns) and the author's why.
 *
 * <p>Rules (checked when the lesson is loaded and run): the thread is one of the scenario's, {@code step} is a step
 * of its program (numbered as the listing and the events number them), and the run makes that call.
 *
 * @param thread  whose listing is shown
 * @param step    the program step whose line is wrong
 * @param hint    the author's hint, shown after a wrong line
 * @param explain what the line does and why it is wrong, shown once it is found
 * @param pos     where {@code bug:} is written
 */
public record BugHunt(String thread, int step, Text hint, Text explain, Pos pos) {}
