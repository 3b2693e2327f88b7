package io.iocplab.app.run;

import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;

/**
 * The pulse of a window: once per frame drawn, it hands the real seconds since the frame before (0
 * at the first) to a tick, such as {@link PlayerModel#tick}. The tick runs on the JavaFX thread and
 * must not wait: it reads what the engine has produced so far.
 */
public final class FrameClock {
    private final AnimationTimer timer;

    public FrameClock(DoubleConsumer tick) {
        timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                double seconds = last == 0 ? 0 : (now - last) / 1e9;
                last = now;
                tick.accept(seconds);
            }
        };
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }
}
