package io.iocplab.lesson.read;

import io.iocplab.scenario.Scenario;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a lesson's cues, predictions and code highlights may use: the threads, ports and sockets its
 * scenario declares, and those of its echo workload ({@code main}, the workers, the clients' sockets).
 * {@link #UNKNOWN} (every set null) when the scenario could not be read: then no name is checked.
 */
record ScenarioNames(Set<String> threads, Set<String> ports, Set<String> sockets) {
    static final ScenarioNames UNKNOWN = new ScenarioNames(null, null, null);

    static ScenarioNames of(Scenario s) {
        Set<String> threads = new LinkedHashSet<>(s.threads().keySet());
        Set<String> ports = new LinkedHashSet<>(s.ports().keySet());
        Set<String> sockets = new LinkedHashSet<>(s.sockets().keySet());
        if (s.echo() != null) {
            threads.add("main");
            for (int i = 1; i <= s.echo().workers(); i++) {
                threads.add(s.echo().workerName(i));
            }
            for (int i = 1; i <= s.echo().clients(); i++) {
                sockets.add(s.echo().socketName(i));
            }
        }
        return new ScenarioNames(threads, ports, sockets);
    }
}
