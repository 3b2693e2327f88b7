package io.iocplab.lesson;

import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.List;

/**
 * How homework asks its questions: each at a moment named by its time, each naming its actors (a thread, a port,
 * the sweep), never by what happened there, which may be the answer to the question before.
 *
 * <p>A "does it wake" question asks about the span from its moment to the next step's moment, written as a time
 * ("before t = 10.050 ms"). For that to be exact, no wake-up of the thread may fall at that very time, on either
 * side of the next moment: {@link #straddles} finds such a run, and homework does not keep it.
 */
final class HomeworkStems {
    private HomeworkStems() {}

    /** "At t = 10.052 ms" / "t = 10.052 ms 시점". */
    static Text moment(LessonRun run, int step) {
        String t = Words.ms(run.events().get(run.pointOf(step)).tUs());
        return new Text("At t = " + t, "t = " + t + " 시점");
    }

    /** The question of a prediction kind, in the engine's words, about the step's moment of {@code run}. */
    static Text question(Prediction p, LessonRun run, int step) {
        String x = p.subject();
        return switch (p.kind()) {
            case NEXT_RELEASE -> new Text("Which thread's GetQueuedCompletionStatus returns the next packet of port "
                    + x + "?", "포트 " + x + "의 다음 패킷은 어느 스레드의 GetQueuedCompletionStatus가 받을까요?");
            case WAKES -> {
                Text until = horizon(run, step);
                yield new Text("Does " + x + " leave its wait " + until.en() + "?",
                        x + "의 대기가 " + until.ko() + " 끝날까요?");
            }
            case RETURNS -> new Text("What does " + x + "'s next GetQueuedCompletionStatus return?",
                    x + "의 다음 GetQueuedCompletionStatus 호출은 무엇을 반환할까요?");
            case ERROR -> new Text("What does GetLastError() say after " + x + "'s next GetQueuedCompletionStatus?",
                    x + "의 다음 GetQueuedCompletionStatus 뒤에 GetLastError()는 무엇을 알려 줄까요?");
            case RUNNING -> new Text("When port " + x + " next changes, what is its running count?",
                    "포트 " + x + "의 상태가 다음에 바뀔 때 실행 중인 스레드 수는 얼마일까요?");
            case QUEUE -> new Text("When the queue of port " + x + " next changes, how many packets does it hold?",
                    "포트 " + x + "의 큐 길이가 다음에 바뀌면 패킷은 몇 개가 될까요?");
            case GETS -> new Text("Which packet does " + x + "'s next GetQueuedCompletionStatus hand it?",
                    x + "의 다음 GetQueuedCompletionStatus 호출이 받는 패킷은 무엇일까요?");
            case BEST_THROUGHPUT -> new Text("Of the runs of the sweep (" + x + "), which has the highest throughput "
                    + "(packets per virtual second)?", "스윕(" + x + ")의 실행 중 처리량(가상 시간 1초당 패킷 수)이 가장 "
                    + "높은 것은 어느 구성일까요?");
            case MOST_SWITCHES -> new Text("Of the runs of the sweep (" + x + "), which has the most context switches "
                    + "per packet?", "스윕(" + x + ")의 실행 중 패킷당 컨텍스트 스위치가 가장 많은 것은 어느 구성일까요?");
        };
    }

    /** "before t = 10.050 ms" / "t = 10.050 ms 전에": the next step's moment, or the end of the run. */
    private static Text horizon(LessonRun run, int step) {
        int next = nextPoint(run, step);
        if (next < 0) {
            return new Text("before the run ends", "실행이 끝나기 전에");
        }
        String t = Words.ms(run.events().get(next).tUs());
        return new Text("before t = " + t, "t = " + t + " 전에");
    }

    private static int nextPoint(LessonRun run, int step) {
        return step + 1 < run.lesson().steps().size() ? run.pointOf(step + 1) : -1;
    }

    /**
     * Whether a "does it wake" question of the run would be ambiguous: its thread leaves its wait at the very time
     * of the next step's moment, so "before that time" would not say on which side.
     */
    static boolean straddles(LessonRun run) {
        List<SimEvent> events = run.events();
        for (LessonStep s : run.lesson().steps()) {
            if (s.predict() == null || s.predict().kind() != Prediction.Kind.WAKES) {
                continue;
            }
            int next = nextPoint(run, s.index());
            if (next < 0) {
                continue;
            }
            long t = events.get(next).tUs();
            for (int i = run.pointOf(s.index()) + 1; i < events.size() && events.get(i).tUs() <= t; i++) {
                if (events.get(i) instanceof ThreadState ts && ts.thread().equals(s.predict().subject())
                        && ts.state() != ThreadState.State.WAITING) {
                    if (ts.tUs() == t) {
                        return true;            // its first wake-up is at the span's end
                    }
                    break;
                }
            }
        }
        return false;
    }
}
