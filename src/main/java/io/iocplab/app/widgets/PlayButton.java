package io.iocplab.app.widgets;

import io.iocplab.app.run.Keys;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The play/pause button of a control bar: its icon shows what a click will do (the style class
 * {@code icon-play} while paused, {@code icon-pause} while playing), and so does its tip.
 */
public final class PlayButton {
    private PlayButton() {}

    /** Shows {@code playing} on {@code button} and its {@code icon}; {@code tip} is the tip's text. */
    public static void show(Button button, Region icon, boolean playing, String tip) {
        icon.getStyleClass().removeAll("icon-play", "icon-pause");
        icon.getStyleClass().add(playing ? "icon-pause" : "icon-play");
        if (button.getTooltip() == null) {
            button.setTooltip(new Tooltip());
        }
        button.getTooltip().setText(tip + Keys.hint(Keys.Command.PLAY_PAUSE, k -> k.equals("keys.space") ? "Space" : k));
        button.setAccessibleText(tip);
    }
}
