package io.iocplab.lesson;

/**
 * One step of a lesson: a point in the run, what the narrator says there, the thread whose C code
 * the window highlights, and an optional prediction.
 *
 * @param index      0-based position in the lesson
 * @param cue        where in the run the step is
 * @param say        the narration
 * @param codeThread the thread whose C listing the step shows, or null
 * @param predict    the question asked before the step's outcome is shown, or null
 * @param pos        where the step is written
 */
public record LessonStep(int index, Cue cue, Text say, String codeThread, Prediction predict, Pos pos) {}
