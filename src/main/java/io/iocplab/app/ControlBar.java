package io.iocplab.app;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.widgets.PlayButton;
import io.iocplab.app.widgets.ScrubBar;
import io.iocplab.app.widgets.SpeedSlider;
import io.iocplab.timeline.ViewState;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.Region;

/**
 * The main window's control bar, on controls {@code main.fxml} made, bound to the {@link PlayerModel}:
 * the play button's icon and tip, the speed slider (log scale) and its value, the scrub bar over the
 * steps produced so far, the step and time readout, and the run's status. A change made by the
 * player is shown on a control without being sent back to the player. (The buttons' actions are the
 * controller's handlers: FXML calls them there.)
 */
final class ControlBar {
    private static final String BUNDLE = MainController.BUNDLE;

    private final Texts texts;
    private final PlayerModel player;
    private final Playhead playhead;
    private final Button play;
    private final Region playIcon;
    private final Label speedValue;
    private final ScrubBar scrub;
    private final Label step;
    private final Label status;

    ControlBar(Texts texts, PlayerModel player, Playhead playhead, Button play, Region playIcon, Slider speed,
               Label speedValue, Slider scrub, Label step, Label status) {
        this.texts = texts;
        this.player = player;
        this.playhead = playhead;
        this.play = play;
        this.playIcon = playIcon;
        this.speedValue = speedValue;
        this.step = step;
        this.status = status;

        new SpeedSlider(speed, player.speedProperty(), PlayerModel::speedAt, PlayerModel::positionOf);
        player.speedProperty().addListener((o, was, now) -> refreshSpeed());

        scrub.setBlockIncrement(1);
        this.scrub = new ScrubBar(scrub, position -> player.seekMoment(Math.round(position)));
        player.producedProperty().addListener((o, was, now) -> refreshReadout());
        player.momentsProperty().addListener((o, was, now) -> refreshReadout());
        player.stepProperty().addListener((o, was, now) -> refreshReadout());
        player.statusProperty().addListener((o, was, now) -> refreshReadout());
        player.playingProperty().addListener((o, was, now) -> refreshPlayButton());
    }

    /** Shows everything again, in the language now chosen. */
    void localize() {
        refreshPlayButton();
        refreshSpeed();
        refreshReadout();
    }

    /** The moment, the time, the scrub bar (in moments) and the run's status as they are now. */
    void refreshReadout() {
        ViewState s = playhead.state();
        long at = Math.max(0, playhead.moment());
        long tUs = s == null ? 0 : s.tUs();
        int last = Math.max(0, player.moments() - 1);
        int produced = player.produced();
        step.setText(texts.get(BUNDLE, "status.step", at, last, tUs / 1000.0));
        scrub.show(at, last);
        RunSession session = player.session();
        status.getStyleClass().removeAll("failed", "cut");
        if (session == null) {
            status.setText("");
            return;
        }
        switch (player.statusProperty().get()) {
            case RUNNING -> status.setText(texts.get(BUNDLE, "run.running", produced));
            case FINISHED -> status.setText(texts.get(BUNDLE, "run.finished", produced));
            case CUT -> {
                status.setText(texts.get(BUNDLE, "run.cut", produced));
                status.getStyleClass().add("cut");
            }
            case FAILED -> {
                status.setText(texts.get(BUNDLE, "run.failed", String.valueOf(session.failure())));
                status.getStyleClass().add("failed");
            }
            case CANCELLED -> status.setText(texts.get(BUNDLE, "run.cancelled"));
            default -> status.setText("");
        }
    }

    private void refreshPlayButton() {
        boolean playing = player.isPlaying();
        PlayButton.show(play, playIcon, playing, texts.get(BUNDLE, playing ? "control.pause.tip" : "control.play.tip"));
    }

    private void refreshSpeed() {
        speedValue.setText(texts.get(BUNDLE, "speed.value", player.speed()));
    }
}
