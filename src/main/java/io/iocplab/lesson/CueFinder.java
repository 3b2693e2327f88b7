package io.iocplab.lesson;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;

/**
 * Finds a step's point, the event its cue names, in a run's events (the rules are {@link LessonRun}'s):
 * {@code start} is the last event before the first thread runs, {@code end} the last event, {@code time: T} the
 * last event at or before T; any other cue is the first event after the previous step's point it
 * {@linkplain Cue#matches matches}.
 */
final class CueFinder {
    private final List<SimEvent> events;

    CueFinder(List<SimEvent> events) {
        this.events = events;
    }

    /** The event index of {@code at: start}. */
    int startPoint() {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ThreadState t && t.state() == ThreadState.State.RUNNING) {
                return Math.max(0, i - 1);
            }
        }
        return Math.max(0, events.size() - 1);
    }

    /** The point of a cue searched after {@code prev}; -1 when never reached, -2 when it lies before prev. */
    int find(Cue cue, int prev) {
        if (events.isEmpty()) {
            return -1;
        }
        if (cue instanceof Cue.Start) {
            int s = startPoint();
            return s >= prev ? s : -2;
        }
        if (cue instanceof Cue.End) {
            return events.size() - 1 > prev || prev < 0 ? events.size() - 1 : -2;
        }
        if (cue instanceof Cue.Time t) {
            if (events.get(events.size() - 1).tUs() < t.us()) {
                return -1;
            }
            int last = -1;
            for (int i = 0; i < events.size() && events.get(i).tUs() <= t.us(); i++) {
                last = i;
            }
            return last >= prev && last >= 0 ? last : -2;
        }
        for (int i = prev + 1; i < events.size(); i++) {
            if (cue.matches(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
