package io.iocplab.lesson;

import io.iocplab.scenario.CListing;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;

/**
 * The code a step highlights ({@code code: { thread: T1 }}): the thread's C listing, and the line of the program
 * step that thread is at, at the step's point. A thread is at the step of its latest event; one that has started
 * but not yet reached its first call is at the step of its next event; before its first event and after it
 * exits it is at no step (-1).
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
        int programStep = programStepAt(thread, point);
        CListing listing = CListing.of(lesson.scenario(), thread);
        return new CodeFocus(thread, programStep, listing == null ? -1 : listing.lineOf(programStep));
    }

    /**
     * The program step thread {@code thread} is at after event {@code index}: the step of its latest event;
     * a thread that has started but not yet reached its first call is at the step of its next event; -1
     * before any event of it and after it exits.
     */
    int programStepAt(String thread, int index) {
        for (int i = Math.min(index, events.size() - 1); i >= 0; i--) {
            SimEvent e = events.get(i);
            if (e instanceof ThreadState t && t.thread().equals(thread)) {
                if (t.step() >= 0 || t.state() == ThreadState.State.EXITED) {
                    return t.step();
                }
                return nextStep(thread, index);
            }
            if (e instanceof ApiReturn r && r.thread().equals(thread)) {
                return r.step();
            }
        }
        return -1;
    }

    private int nextStep(String thread, int index) {
        for (int i = index + 1; i < events.size(); i++) {
            SimEvent e = events.get(i);
            if (e instanceof ThreadState t && t.thread().equals(thread)
                    && (t.step() >= 0 || t.state() == ThreadState.State.EXITED)) {
                return t.step();
            }
            if (e instanceof ApiReturn r && r.thread().equals(thread)) {
                return r.step();
            }
        }
        return -1;
    }
}
