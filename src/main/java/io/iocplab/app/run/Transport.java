package io.iocplab.app.run;

import javafx.beans.property.DoubleProperty;

/**
 * The transport of a player: what the play, step, Home/End and speed buttons and their keys do. The
 * main window's {@link PlayerModel} moves through the events of one run; the comparison's player
 * moves through the virtual time of two. Both answer the same commands, mapped here once.
 */
public interface Transport {
    void play();

    void pause();

    boolean isPlaying();

    /** Plays if paused, pauses if playing (the Space key, the play button). */
    default void togglePlay() {
        if (isPlaying()) {
            pause();
        } else {
            play();
        }
    }

    void stepForward();

    void stepBack();

    void home();

    void end();

    /** The playing speed; its own unit per player, and it clamps what is set to its range. */
    DoubleProperty speedProperty();

    /** Doubles the speed (the property clamps it to its range). */
    default void faster() {
        speedProperty().set(speedProperty().get() * 2);
    }

    /** Halves the speed (the property clamps it to its range). */
    default void slower() {
        speedProperty().set(speedProperty().get() / 2);
    }

    /** Does what {@code c} asks if it is a transport command; returns false (and does nothing) otherwise. */
    default boolean apply(Keys.Command c) {
        switch (c) {
            case PLAY_PAUSE -> togglePlay();
            case STEP_FORWARD, NEXT -> stepForward();
            case STEP_BACK, PREVIOUS -> stepBack();
            case HOME -> home();
            case END -> end();
            case FASTER -> faster();
            case SLOWER -> slower();
            default -> {
                return false;
            }
        }
        return true;
    }
}
