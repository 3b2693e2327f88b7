package io.iocplab.lesson.run;

import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.Lesson;
import io.iocplab.scenario.CListing;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;

/**
 * The code a step highlights ({@code code: { thread: T1 }}): the thread's C listing, and the line of the program
 * step that thread is at, at the step's point. Which step that is follows {@link CListing#stepAfter}, the rule the
 * window's code view highlights its line by: the step named by the thread's latest {@code thread.state} or
 * {@code api.return} at or before the point.
 */
final class CodeFocusFinder {
    private final Lesson lesson;
    private final List<SimEvent> events;

    CodeFocusFinder(Lesson lesson, List<SimEvent> events) {
        this.lesson = lesson;
        this.events = events;
    }

    /** The focus of {@code thread} at event {@code point}. */
    CodeFocus at(String thread, int point) {
        CListing listing = CListing.of(lesson.scenario(), thread);
        int programStep = listing == null ? -1 : listing.stepAfter(latestEventOf(thread, point));
        return new CodeFocus(thread, programStep, listing == null ? -1 : listing.lineOf(programStep));
    }

    /** The latest {@code thread.state} or {@code api.return} of {@code thread} at or before event {@code index}. */
    private SimEvent latestEventOf(String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            SimEvent e = events.get(i);
            if ((e instanceof ThreadState t && t.thread().equals(thread))
                    || (e instanceof ApiReturn r && r.thread().equals(thread))) {
                return e;
            }
        }
        return null;
    }
}
