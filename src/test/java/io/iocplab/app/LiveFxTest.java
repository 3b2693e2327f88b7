package io.iocplab.app;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.run.RunSession;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.timeline.Timeline;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live in the window: the test's own socket is an outside client of the live echo server; the window follows
 * the run as it happens, pauses and steps back while it goes on (the past stays still, the run grows), and Play
 * rejoins the present; ending it closes the client's connection and leaves the summary last.
 */
@ExtendWith(ApplicationExtension.class)
class LiveFxTest {
    private MainWindow window;
    private MainController controller;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(stage, Locale.ENGLISH, 1280, 800);
        controller = window.controller();
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            controller.dispose();
            window.stage().close();
        });
    }

    private static String echo(Socket s, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(b);
        return new String(s.getInputStream().readNBytes(b.length), StandardCharsets.UTF_8);
    }

    @Test
    void anOutsideClientIsAnsweredWhileTheWindowPausesAndStepsBack(FxRobot robot) throws Exception {
        RunSession live = fx(() -> controller.startLive(0));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> live.livePort() > 0 && fx(() -> controller.player().session()) == live);
        assertTrue(robot.lookup("#liveButton").queryAs(ToggleButton.class).isSelected());
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), live.livePort()), 5000);
            client.setSoTimeout(10_000);
            assertEquals("hello", echo(client, "hello"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> controller.playhead().state())
                    .sockets().containsKey("C1"));                  // followed: the stage has the new client's card

            robot.interact(() -> controller.player().pause());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> controller.player().stepBack());
            long pausedAt = fx(() -> controller.player().moment());
            int produced = live.timeline().size();
            assertEquals("again", echo(client, "again"));            // the run goes on while the window looks back
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> live.timeline().size() > produced);
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            assertEquals(pausedAt, (long) fx(() -> controller.player().moment()), "the paused playhead stays");
            Timeline t = live.timeline();
            assertEquals(t.stopStep((int) pausedAt), (int) fx(() -> controller.playhead().step()),
                    "it shows a whole stop");

            robot.interact(() -> controller.player().play());           // rejoins the present
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> controller.player().moment())
                    == fx(() -> controller.player().moments()) - 1 && fx(() -> controller.player().moment()) > pausedAt);
            boolean sawAgain = t.events(0, t.size()).stream().anyMatch(e -> e instanceof IoComplete c
                    && c.socket().equals("C1") && c.buffers().contains("again"));
            assertTrue(sawAgain, "the second message landed in a WSARecv");

            robot.interact(controller::stopLive);
            assertTrue(live.awaitEnd(Duration.ofSeconds(20)));
            assertEquals(-1, client.getInputStream().read(), "ending the run closed the client's connection");
        }
        assertEquals(RunSession.Status.FINISHED, live.status());
        List<SimEvent> all = live.timeline().events(0, live.timeline().size());
        assertTrue(all.get(all.size() - 1) instanceof Summary);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#liveButton").queryAs(ToggleButton.class).isSelected());
    }
}
