package io.iocplab.app.whatif;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.MainController;
import io.iocplab.app.MainWindow;
import io.iocplab.app.model.Selection;
import io.iocplab.app.run.RunSession;
import io.iocplab.app.whatif.WhatIfChoices.Action;
import io.iocplab.app.whatif.WhatIfChoices.Kind;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.timeline.Timeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "What if?" in the window: at a stop of the welcome run, client C2 (clicked on the stage) resets. The run forks
 * there: the main window shows the fork from that stop, its past is the original's, its next moment is the reset,
 * its future differs; the comparison window shows both futures; the saved fork runs to the same trace twice.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfFxTest {
    private MainWindow window;
    private MainController controller;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        controller = window.controller();
        controller.loadWelcome();
        stage.show();
    }

    @AfterEach
    void closeEverything(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != window.stage() && w instanceof Stage s) {
                    s.close();
                }
            }
            controller.dispose();
            window.stage().close();
        });
    }

    /** Trace lines up to a moment, the OS's real port numbers masked (they differ from run to run). */
    private static List<String> lines(List<SimEvent> events, long upTo) {
        return events.stream().filter(e -> e.moment() <= upTo).map(TraceWriter::line)
                .map(l -> l.replaceAll(",\"local_port\":\\d+,\"remote_port\":\\d+}$", ",\"local_port\":_,\"remote_port\":_}"))
                .toList();
    }

    private static List<SimEvent> all(Timeline t) {
        return new ArrayList<>(t.events(0, t.size()));
    }

    @Test
    void aResetAtAStopForksTheRunThePastStaysAndTheSavedForkRunsTheSameTwice(FxRobot robot, @TempDir Path dir)
            throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> controller.player().statusProperty().get() == RunSession.Status.FINISHED));
        RunSession original = fx(() -> controller.player().session());
        List<SimEvent> before = all(original.timeline());
        long m = before.stream().filter(e -> e instanceof IoComplete c && c.socket().equals("C2")).findFirst()
                .orElseThrow().moment();

        robot.interact(() -> {
            controller.player().seekMoment(m);
            controller.playhead().selectionProperty().set(new Selection.Socket("C2"));     // the client clicked
        });
        WhatIfWindow w = fx(controller::openWhatIf);
        assertNotNull(w);
        robot.interact(() -> w.choose(Kind.CLIENT, "C2", Action.RESET));
        robot.interact(w::forkHere);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            RunSession s = fx(() -> controller.player().session());
            return s != original && s.done();
        });
        RunSession forked = fx(() -> controller.player().session());
        assertNotSame(original, forked);
        assertEquals(m, (long) fx(() -> controller.player().moment()), "the fork is shown at the stop it was made at");
        List<SimEvent> after = all(forked.timeline());
        assertEquals(lines(before, m), lines(after, m), "the past is as it was");
        SimEvent next = after.stream().filter(e -> e.moment() == m + 1).findFirst().orElseThrow();
        assertTrue(next instanceof PeerAction p && p.socket().equals("C2") && p.action() == PeerAction.Action.RESET,
                TraceWriter.line(next));
        assertNotEquals(lines(before, Long.MAX_VALUE), lines(after, Long.MAX_VALUE), "the future differs");

        robot.interact(() -> controller.player().stepForward());
        assertEquals(m + 1, (long) fx(() -> controller.player().moment()));

        Path file = dir.resolve("fork.yaml");
        assertTrue(fx(() -> w.save(file)));
        Scenario saved = ScenarioLoader.load(file);
        List<SimEvent> once = new ArrayList<>();
        ScenarioRunner.run(saved, once::add);
        List<SimEvent> twice = new ArrayList<>();
        ScenarioRunner.run(saved, twice::add);
        assertEquals(lines(once, Long.MAX_VALUE), lines(twice, Long.MAX_VALUE), "the saved fork, run twice");
        assertEquals(lines(after, Long.MAX_VALUE), lines(once, Long.MAX_VALUE), "the saved fork is the fork shown");

        robot.interact(w::compareHere);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(x -> x instanceof Stage s && s.getTitle() != null && s.getTitle().contains("A/B"))));
        Stage compare = fx(() -> Window.getWindows().stream().filter(x -> x instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("A/B")).map(x -> (Stage) x).findFirst().orElseThrow());
        String headerB = fx(() -> ((Label) compare.getScene().lookup("#headerB")).getText());
        assertEquals("Forked after moment " + m, headerB);
    }
}
