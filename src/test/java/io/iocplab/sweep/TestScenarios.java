package io.iocplab.sweep;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.sim.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The scenarios of src/test/resources/sweep, and smaller copies of the default one. */
final class TestScenarios {
    private TestScenarios() {}

    static String text(String name) {
        try (InputStream in = TestScenarios.class.getResourceAsStream("/sweep/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource sweep/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario load(String name) {
        try {
            return ScenarioLoader.loadString("sweep/" + name, text(name));
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The default sweep scenario with {@code messages} per client instead of 1,000. */
    static Scenario defaultWithMessages(int messages) {
        Scenario s = Sweep.defaultScenario();
        EchoServer e = s.echo();
        return s.withEcho(new EchoServer(e.port(), e.workers(), e.clients(), messages, e.size(), e.thinkUs(),
                e.startUs(), e.computeUs(), e.blockEvery(), e.blockUs()));
    }
}
