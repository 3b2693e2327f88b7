package io.iocplab.app.compare;

import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import io.iocplab.app.widgets.PlayButton;
import io.iocplab.app.widgets.ScrubBar;
import io.iocplab.app.widgets.SpeedSlider;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;

/**
 * The comparison window's control bar, on controls its FXML made, bound to the {@link ComparePlayer}:
 * the speed slider (log scale) and its value, the scrub bar over virtual time, the time readout, the
 * play button's icon and tip, and the keys of the main window that move a playhead. A change made by
 * the player is shown on a control without being sent back to the player.
 */
final class PlayheadBar {
    private final Texts texts;
    private final ComparePlayer player;
    private final Label speedValue;
    private final ScrubBar scrub;
    private final Label time;
    private final Button play;
    private final Region playIcon;

    PlayheadBar(Texts texts, ComparePlayer player, Slider speed, Label speedValue, Slider scrub, Label time,
                Button play, Region playIcon) {
        this.texts = texts;
        this.player = player;
        this.speedValue = speedValue;
        this.time = time;
        this.play = play;
        this.playIcon = playIcon;
        new SpeedSlider(speed, player.speedProperty(), ComparePlayer::speedAt, ComparePlayer::positionOf);
        player.speedProperty().addListener((o, was, now) -> refresh());
        this.scrub = new ScrubBar(scrub, position -> player.seek(Math.round(position)));
        player.timeProperty().addListener((o, was, now) -> refresh());
        player.endProperty().addListener((o, was, now) -> refresh());
        player.playingProperty().addListener((o, was, now) -> refresh());
    }

    /** Does what a key asks, if it moves the playhead; returns whether it did. */
    boolean command(Keys.Command c) {
        return player.apply(c);
    }

    /** Shows the player's time, end, speed and whether it plays, in the language now chosen. */
    void refresh() {
        long t = player.time();
        long end = player.endProperty().get();
        time.setText(texts.get(ComparisonTable.BUNDLE, "time", t / 1000.0, end / 1000.0));
        speedValue.setText(texts.get(ComparisonTable.BUNDLE, "speed.value", player.speedProperty().get() / 1000.0));
        scrub.show(t, end);
        boolean playing = player.isPlaying();
        PlayButton.show(play, playIcon, playing,
                texts.get(ComparisonTable.BUNDLE, playing ? "control.pause.tip" : "control.play.tip"));
    }
}
