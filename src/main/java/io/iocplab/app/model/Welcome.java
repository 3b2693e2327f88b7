package io.iocplab.app.model;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The scenario the window opens with (a small echo server, {@value #RESOURCE} in the app's resources), and the
 * name a run goes by on screen: the welcome run's title in the window's language, with the workers, clients and
 * concurrency value of the run itself (so a restart of it with other settings is named by its own numbers),
 * else the scenario's own title, else its file name.
 */
public final class Welcome {
    /** The welcome scenario, a resource of the {@code io.iocplab.app} package. */
    public static final String RESOURCE = "/io/iocplab/app/scenarios/welcome.yaml";
    /** The name the welcome run goes by in messages. */
    public static final String NAME = "welcome.yaml";

    private Welcome() {}

    /** The welcome scenario, read from the resources. */
    public static Scenario scenario() {
        try (InputStream in = Welcome.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return ScenarioLoader.loadString(NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the welcome scenario is not valid: " + e.getMessage(), e);
        }
    }

    /** The name of a run on screen (see the class comment). */
    public static String titleOf(Texts texts, String runName, Scenario scenario) {
        if (isWelcome(runName, scenario)) {
            EchoServer echo = scenario.echo();
            return texts.get("messages", "welcome.title", echo.workers(), echo.clients(),
                    scenario.ports().get(echo.port()));
        }
        return scenario.title() != null ? scenario.title() : runName;
    }

    /** Whether a run is of the welcome scenario (as it opens, or restarted with other settings). */
    public static boolean isWelcome(String runName, Scenario scenario) {
        return NAME.equals(runName) && Objects.equals(OwnTitle.TITLE, scenario.title()) && scenario.echo() != null;
    }

    /** The welcome scenario's own (English) title, read once, when first asked for. */
    private static final class OwnTitle {
        static final String TITLE = scenario().title();
    }
}
