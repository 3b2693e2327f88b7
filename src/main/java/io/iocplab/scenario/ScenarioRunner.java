package io.iocplab.scenario;

import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.Peer;
import java.util.List;

/**
 * Turns a {@link Scenario} into a {@link Machine} and runs it.
 *
 * <p>The machine gets the scenario's settings, then its ports, sockets and threads, each in file order
 * (the order is part of the determinism: equal times are resolved by thread order in the file). Every
 * event goes to the sink, the summary last; nothing else is written anywhere.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /**
     * Runs the scenario to its end and returns the summary (also the sink's last event). Every socket the run
     * opened is closed when this returns or throws, whatever it throws (the sink's own failures included).
     */
    public static Summary run(Scenario scenario, EventSink sink) {
        try (Machine machine = build(scenario, sink)) {
            return machine.run();
        }
    }

    /**
     * A machine set up for the scenario and not yet started, for callers that step it themselves
     * ({@link Machine#advance()}), like the window's timeline. A scenario with sockets gets real
     * loopback connections; the machine closes them, and the network, when its run ends or it is closed.
     */
    public static Machine build(Scenario scenario, EventSink sink) {
        EventSink listened = sink == EventSink.NONE && !scenario.whatIf().isEmpty()
                ? e -> { } : sink;                 // what-ifs follow moments, which a machine counts as it makes events
        Machine machine = scenario.usesSockets()
                ? new Machine(config(scenario), listened, new NetConnections())
                : new Machine(config(scenario), listened);
        scenario.ports().forEach(machine::createPort);
        scenario.listeners().forEach((name, spec) -> machine.createListener(name, spec.port(), spec.key(),
                spec.sendBuffer()));
        scenario.sockets().forEach((name, spec) -> machine.createSocket(name, spec.port(), spec.key(),
                new Peer.Scripted(scenario.peers().getOrDefault(name, List.of())), spec.sendBuffer()));
        scenario.acceptSockets().forEach(machine::createAcceptSocket);
        scenario.peers().forEach((name, actions) -> {
            if (actions.isEmpty() || !(actions.get(0) instanceof Peer.Connect c)) {
                return;                                    // a socket's peer, made with its socket
            }
            machine.createClient(name, c.listener(), c.atUs(), new Peer.Scripted(actions.subList(1, actions.size())));
        });
        scenario.threads().forEach(machine::createThread);
        if (scenario.echo() != null) {
            machine.createEchoServer(scenario.echo());
        }
        machine.whatIf(scenario.whatIf());
        return machine;
    }

    public static MachineConfig config(Scenario s) {
        return new MachineConfig(s.cpus(), s.quantumUs(), s.callCostUs(), s.seed(), s.untilUs(), s.latencyUs());
    }
}
