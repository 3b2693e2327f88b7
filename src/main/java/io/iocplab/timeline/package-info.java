/**
 * The run as an append-only list of events plus keyframes of a view-state that is a pure fold of
 * those events; seeking to any step is keyframe + replay (ARCHITECTURE.md, {@code timeline}).
 *
 * <p>{@link io.iocplab.timeline.ViewState} is everything the stage draws at one step;
 * {@link io.iocplab.timeline.ViewStateBuilder} is the fold; {@link io.iocplab.timeline.Timeline}
 * stores the events and keyframes and answers "the state at step n" for the window while the engine
 * is still appending; {@link io.iocplab.timeline.Why} puts a state into words. This package knows
 * the {@code sim} events and the {@code kernel} rules and nothing of JavaFX.
 */
package io.iocplab.timeline;
