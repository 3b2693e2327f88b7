package io.iocplab.app.lesson;

import io.iocplab.app.model.Subject;
import io.iocplab.lesson.Cue;
import io.iocplab.lesson.LessonStep;
import io.iocplab.lesson.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lesson step is about, for the stage to bring into sight and mark ({@link Subject}).
 *
 * <p>Rules: a step is about what its cue names and what its question asks about.
 * <ul>
 *   <li>A cue on a port's counts names the parts it counts: its queue, its running count (the gauge),
 *       its waiters. A cue on a thread's state or call names the thread; a cue on an I/O completion or a
 *       peer's action names the socket. A cue on a moment (start, end, a time) names nothing.</li>
 *   <li>A question about a port's queue names the queue, about its running count the gauge, about the
 *       next release the waiters; a question about a thread (wakes, returns, gets) names the thread. A
 *       question about the lesson's sweep names nothing on the stage.</li>
 * </ul>
 * Each call gives a new list, so that a stop brings its subjects into sight again even when they are
 * those of the stop before.
 */
final class StepSubjects {
    private StepSubjects() {}

    static List<Subject> of(LessonStep step) {
        List<Subject> out = new ArrayList<>();
        Cue cue = step.cue();
        if (cue instanceof Cue.PortCount p) {
            if (p.queue() != null) {
                out.add(new Subject.Queue(p.port()));
            }
            if (p.running() != null) {
                out.add(new Subject.Gauge(p.port()));
            }
            if (p.waiters() != null) {
                out.add(new Subject.Waiters(p.port()));
            }
        } else if (cue instanceof Cue.ThreadIs t) {
            out.add(new Subject.Thread(t.thread()));
        } else if (cue instanceof Cue.Call c && c.thread() != null) {
            out.add(new Subject.Thread(c.thread()));
        } else if (cue instanceof Cue.Io io && io.socket() != null) {
            out.add(new Subject.Socket(io.socket()));
        } else if (cue instanceof Cue.Peer p && p.socket() != null) {
            out.add(new Subject.Socket(p.socket()));
        }
        Prediction q = step.predict();
        if (q != null && q.subject() != null) {
            Subject s = switch (q.kind()) {
                case QUEUE -> new Subject.Queue(q.subject());
                case RUNNING -> new Subject.Gauge(q.subject());
                case NEXT_RELEASE -> new Subject.Waiters(q.subject());
                case WAKES, RETURNS, GETS, ERROR -> new Subject.Thread(q.subject());
                case BEST_THROUGHPUT, MOST_SWITCHES -> null;
            };
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
