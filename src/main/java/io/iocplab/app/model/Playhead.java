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
 * <p>Invariant: {@code state == timeline.stateAt(step)} and {@code previous} is the state the
 * playhead showed before its last move (equal to {@code state} after a jump of more than one step).
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

    /** A new run: its timeline, shown at {@code step}. */
    public void show(Timeline t, int step) {
        timeline.set(t);
        previous = null;
        state.set(t.stateAt(Math.min(step, t.size())));
    }

    /** Moves the playhead to {@code step} (clamped to what the engine has produced so far). */
    public void seek(int step) {
        Timeline t = timeline.get();
        int target = Math.max(0, Math.min(step, t.size()));
        ViewState current = state.get();
        ViewState next = t.stateAt(target);
        previous = current != null && Math.abs(target - current.step()) == 1 ? current : next;
        state.set(next);
    }
}
