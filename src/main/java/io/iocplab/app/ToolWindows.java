package io.iocplab.app;

import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Scenario;
import java.util.function.BiConsumer;
import javafx.stage.Stage;

/**
 * The windows the toolbar opens beside the main one, in the main window's language: the A/B
 * comparison of the scenario shown ({@code io.iocplab.app.compare}, a new window each time) and the
 * experiments window ({@code io.iocplab.app.experiments}: made once, then brought to the front;
 * closed with the main window).
 */
final class ToolWindows {
    private final Texts texts;
    private final Appearance look;
    private final PlayerModel player;
    private final BiConsumer<String, Scenario> load;
    private Stage owner;
    private ExperimentsWindow experiments;

    /** {@code load} starts a run in the main window (a configuration the experiments window opens). */
    ToolWindows(Texts texts, Appearance look, PlayerModel player, BiConsumer<String, Scenario> load) {
        this.texts = texts;
        this.look = look;
        this.player = player;
        this.load = load;
    }

    void setOwner(Stage owner) {
        this.owner = owner;
    }

    /** Opens the A/B comparison of the scenario shown (nothing before a run). */
    void compare() {
        RunSession session = player.session();
        if (session != null) {
            CompareWindow.open(owner, texts, look, session.scenario(), session.name());
        }
    }

    /** Opens the experiments window (once; then brings it to the front): sweeps and their charts. */
    void experiments() {
        if (experiments == null) {
            experiments = ExperimentsWindow.create(owner, texts, look,
                    () -> player.session() == null ? null : player.session().scenario(), load);
        }
        experiments.show();
    }

    /** Closes the experiments window, if there is one (the main window closes). */
    void close() {
        if (experiments != null) {
            experiments.close();
        }
    }
}
