package io.iocplab.app.model;

import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every view draws from: the run's timeline and the view-state at the playhead, plus the
 * state just before it (so a view can animate what moved), what the user selected and what the lesson
 * stop shown is about. Lives on the JavaFX thread; the views never ask the engine anything.
 *
 * <p>Invariants: the playhead is always at a stop ({@link Timeline#stopFor}): the end of a moment,
 * where every panel shows the same whole machine, never between two events of one moment (step 0
 * only while the run has no whole moment yet); {@code state == timeline.stateAt(step)}; and
 * {@code previous} is the state the playhead showed before its last move (equal to {@code state}
 * after a jump of more than one moment).
 */
public final class Playhead {
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ViewState> state = new ReadOnlyObjectWrapper<>();
    private ViewState previous;
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Subject>> subjects = new SimpleObjectProperty<>(List.of());

    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ViewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** What the lesson stop shown is about (empty outside a lesson): the stage brings it into view. */
    public ObjectProperty<List<Subject>> subjectsProperty() {
        return subjects;
    }

    public Timeline timeline() {
        return timeline.get();
    }

    public ViewState state() {
        return state.get();
    }

    /** The state shown before the last move: what a view animates from. */
    public ViewState previous() {
        return previous;
    }

    public int step() {
        return state.get() == null ? 0 : state.get().step();
    }

    /** A new run: its timeline, shown at the stop of {@code step}. */
    public void show(Timeline t, int step) {
        timeline.set(t);
        previous = null;
        state.set(t.stateAt(t.stopFor(step)));
    }

    /** Moves the playhead to the stop of {@code step}: the end of the moment its last event belongs to. */
    public void seek(int step) {
        Timeline t = timeline.get();
        ViewState current = state.get();
        ViewState next = t.stateAt(t.stopFor(step));
        previous = current != null && Math.abs(next.moment() - current.moment()) == 1 ? current : next;
        state.set(next);
    }

    /** Moves the playhead to the end of moment {@code m}, clamped to the whole moments so far. */
    public void seekMoment(long m) {
        Timeline t = timeline.get();
        if (t.stopCount() == 0) {
            return;
        }
        seek(t.stopStep((int) Math.max(0, Math.min(m, t.stopCount() - 1))));
    }

    /** The moment shown (-1 before the first). */
    public long moment() {
        return state.get() == null ? -1 : state.get().moment();
    }
}
