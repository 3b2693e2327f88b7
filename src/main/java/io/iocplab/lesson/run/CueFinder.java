package io.iocplab.lesson.run;

import io.iocplab.lesson.Cue;
import io.iocplab.sim.event.SimEvent;
import java.util.List;

/**
 * Finds a step's point in a run's events (the rules are {@link LessonRun}'s): the last event of the moment the
 * cue names, so that the step shows a stop. {@code start} is the run's first moment (ports made, peers
 * connected, threads on their processors, no call made yet), {@code end} the last, {@code time: T} the last
 * moment at or before T; any other cue names the first moment after the previous step's point with an event
 * it {@linkplain Cue#matches matches}.
 */
final class CueFinder {
    private final List<SimEvent> events;

    CueFinder(List<SimEvent> events) {
        this.events = events;
    }

    /** The event index of {@code at: start}: the end of the run's first moment. */
    int startPoint() {
        return events.isEmpty() ? 0 : momentEnd(0);
    }

    /** The index of the last event of the moment event {@code i} belongs to: where a viewer of that event stops. */
    int momentEnd(int i) {
        long moment = events.get(i).moment();
        int j = i;
        while (j + 1 < events.size() && events.get(j + 1).moment() == moment) {
            j++;
        }
        return j;
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
                return momentEnd(i);
            }
        }
        return -1;
    }
}
