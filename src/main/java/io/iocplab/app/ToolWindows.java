package io.iocplab.app;

import io.iocplab.app.compare.CompareWindow;
import io.iocplab.app.editor.EditorWindow;
import io.iocplab.app.whatif.WhatIfWindow;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.ForkFile;
import io.iocplab.scenario.ScenarioLoader;
import java.util.List;
import io.iocplab.app.experiments.ExperimentsWindow;
import io.iocplab.app.fx.Appearance;
import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Scenario;
import java.util.function.BiConsumer;
import javafx.stage.Stage;

/**
 * The windows the toolbar opens beside the main one, in the main window's language: the scenario editor
 * ({@code io.iocplab.app.editor}, one at a time, on the scenario file opened last), the A/B
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
    private EditorWindow editor;
    private String sourceName = Welcome.NAME;
    private String sourceText;

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

    /** The scenario file the editor opens on: the one opened last (the welcome scenario's until then). */
    void source(String name, String text) {
        sourceName = name;
        sourceText = text;
    }

    /**
     * Opens the scenario editor on the file opened last (once; then brings it to the front); what it runs is
     * loaded into the main window, and its text becomes the file the editor opens on next.
     */
    EditorWindow editor() {
        if (editor == null || !editor.stage().isShowing()) {
            String text = sourceText != null ? sourceText : Welcome.text();
            editor = EditorWindow.open(owner, texts, look, sourceName, text,
                    (name, scenario) -> load.accept(name, scenario));
            editor.controller().setOnRun(this::source);
        }
        editor.stage().toFront();
        return editor;
    }

    /**
     * Opens "What if?" at the stop of moment {@code moment} (virtual time {@code tUs}) of the run shown, with
     * {@code selected} (a socket or thread clicked on the stage, or null) as who acts; {@code fork} runs a fork in
     * the main window.
     */
    WhatIfWindow whatIf(long moment, long tUs, String selected, java.util.function.Consumer<Scenario> fork) {
        RunSession session = player.session();
        if (session == null || moment < 0) {
            return null;
        }
        Scenario original = session.scenario();
        return WhatIfWindow.open(owner, texts, look, original, moment, tUs, selected, new WhatIfWindow.Forks() {
            @Override
            public void fork(Scenario forked, long m) {
                fork.accept(forked);
            }

            @Override
            public void compare(Scenario a, Scenario b, long t) {
                CompareWindow.openFork(owner, texts, look, a, b, moment, t, session.name());
            }
        }, this::sourceTextOf);
    }

    /**
     * The scenario file a run of {@code scenario} came from (its what-ifs aside): the file opened last, when reading
     * it gives that scenario; else null (a run changed with the knobs has no file that says it).
     */
    private String sourceTextOf(Scenario scenario) {
        String text = sourceText != null ? sourceText : Welcome.text();
        try {
            Scenario read = ScenarioLoader.loadString(sourceName, ForkFile.text(text, List.of()));
            return read.withWhatIfs(List.of()).equals(scenario.withWhatIfs(List.of())) ? text : null;
        } catch (InvalidScenarioException e) {
            return null;
        }
    }

    /** Closes the experiments window and the editor, if there are (the main window closes). */
    void close() {
        if (experiments != null) {
            experiments.close();
        }
        if (editor != null) {
            editor.stage().close();
        }
    }
}
