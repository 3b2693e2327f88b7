package io.iocplab.timeline;

import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.ScenarioLoader;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.event.SimEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The events of a scenario file of {@code src/test/resources/conformance}, run as {@code iocplab run} runs it. */
public final class ScenarioRuns {
    private ScenarioRuns() {}

    public static List<SimEvent> run(String file) {
        try {
            Path path = Path.of(ScenarioRuns.class.getResource("/conformance/" + file).toURI());
            List<SimEvent> events = new ArrayList<>();
            ScenarioRunner.run(ScenarioLoader.load(path), events::add);
            return events;
        } catch (URISyntaxException | IOException | InvalidScenarioException e) {
            throw new AssertionError(file, e);
        }
    }

    /** The state at the end of the moment of the first event that matches (where a stop shows it). */
    public static ViewState after(List<SimEvent> events, Predicate<SimEvent> p) {
        return WhyTest.after(events, p);
    }

    /** The state at the end of the run. */
    public static ViewState end(List<SimEvent> events) {
        return new ViewStateBuilder(Runs.CPUS).applyAll(events).snapshot();
    }
}
