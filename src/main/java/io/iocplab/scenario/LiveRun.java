package io.iocplab.scenario;

import io.iocplab.net.LiveClient;
import io.iocplab.net.LiveListener;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A live run: the scenario's echo server answers outside clients, in real time, on a real listener at
 * 127.0.0.1:N (the contract's {@code live} command, and the window's Live button).
 *
 * <p>Rules:
 * <ul>
 *   <li>Virtual time follows the wall clock: an action due at virtual time T runs once {@code speed × real time
 *       since the start} has reached T ({@code speed} at most 1: a live run may go slower than real time, never
 *       faster). Between actions the run waits on the listener, so a client is never kept waiting longer than
 *       it takes the machine to get there.</li>
 *   <li>What outside clients do (connect, send, close, reset) enters the machine at the virtual time of the
 *       moment it was seen; their bytes are received for real and land in WSARecv completions; the workers' sends
 *       go out for real.</li>
 *   <li>Handled as a server would: at most {@link LiveListener#MAX_CLIENTS} clients (one more is refused, and
 *       said); a client that floods is slowed by TCP's flow control (at most {@link LiveListener#INBOUND_CAP}
 *       bytes of it held); a client that lets more than {@link LiveListener#OUTBOUND_CAP} bytes of its echoes wait
 *       unread is reset, and said; one that sends nothing just waits. None of them stalls the others.</li>
 *   <li>Only one thread runs it ({@link #run}); {@link #stop()} may be called from any thread, and the run then
 *       ends: every socket and the listener closed, the summary the last event.</li>
 * </ul>
 * The accepts are the live listener's, made for real outside the model (not the model's AcceptEx, whose
 * listeners accept only the run's own clients): each releases the main thread's hClientAccepted
 * ({@link #accepted}).
 */
public final class LiveRun implements AutoCloseable {
    /** Something to tell the person running it. */
    public sealed interface Notice {
        /** Listening on 127.0.0.1:{@code port}. */
        record Listening(int port) implements Notice {}

        /** A client beyond the limit was refused. */
        record Refused(int remotePort, int limit) implements Notice {}

        /** A client left too much of what it was sent unread, and was reset. */
        record OverCap(String client, int limit) implements Notice {}
    }

    private final Machine machine;
    private final LiveListener listener;
    private final double speed;
    private final Consumer<Notice> notices;
    private volatile boolean stopped;
    private long startNanos;

    private LiveRun(Machine machine, LiveListener listener, double speed, Consumer<Notice> notices) {
        this.machine = machine;
        this.listener = listener;
        this.speed = speed;
        this.notices = notices;
    }

    /**
     * Opens the listener on 127.0.0.1:{@code port} (0: any free port) for a live run of {@code scenario}'s echo
     * server; every event goes to {@code sink}.
     *
     * @param speed virtual time per real time, more than 0 and at most 1
     */
    public static LiveRun open(Scenario scenario, int port, double speed, EventSink sink, Consumer<Notice> notices)
            throws IOException {
        if (!(speed > 0 && speed <= 1)) {
            throw new IllegalArgumentException("the speed of a live run is more than 0 and at most 1, not " + speed);
        }
        Scenario live = scenario.live() ? scenario : scenario.asLive();
        Machine m = new Machine(ScenarioRunner.config(live), sink);
        live.ports().forEach(m::createPort);
        m.goLive(live.echo());
        LiveListener l = new LiveListener(port);
        notices.accept(new Notice.Listening(l.port()));
        return new LiveRun(m, l, speed, notices);
    }

    /** The echo server a live run uses when it is given no file ({@code live.yaml} beside this class). */
    public static Scenario builtIn() {
        try (java.io.InputStream s = LiveRun.class.getResourceAsStream("live.yaml")) {
            return ScenarioLoader.loadString("live.yaml", new String(s.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("the built-in live scenario is not valid: " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return listener.port();
    }

    /** Asks the run to end; returns at once, from any thread. */
    public void stop() {
        stopped = true;
        listener.wakeup();
    }

    /**
     * Runs until {@link #stop()}, then ends the run (the summary) and closes everything. {@code afterBatch} runs
     * after each batch of actions (to flush a trace as it happens).
     */
    public void run(Runnable afterBatch) throws IOException {
        try {
            startNanos = System.nanoTime();
            machine.advance();                                  // the start: moment 0 at virtual time 0
            afterBatch.run();
            long waitMs = 0;
            while (!stopped) {
                for (LiveListener.Happening h : listener.poll(waitMs)) {
                    happened(h, virtualNow());
                }
                long now = virtualNow();
                while (!stopped && machine.nextDueUs() <= now) {
                    machine.advance();
                }
                for (LiveClient c : listener.clients()) {
                    if (c.overCap()) {
                        notices.accept(new Notice.OverCap(c.name(), LiveListener.OUTBOUND_CAP));
                        c.close(true);
                        machine.outsideClosed(c.name(), true, now);
                    }
                }
                afterBatch.run();
                long next = machine.nextDueUs();
                long realUs = next == Long.MAX_VALUE ? 50_000 : (long) ((next - virtualNow()) / speed);
                waitMs = Math.max(0, Math.min(50, realUs / 1000));
            }
            machine.endLive(virtualNow());
            afterBatch.run();
        } finally {
            close();
        }
    }

    private void happened(LiveListener.Happening h, long atUs) {
        if (h instanceof LiveListener.Happening.Accepted a) {
            accepted(a.client(), atUs);
        } else if (h instanceof LiveListener.Happening.Refused r) {
            notices.accept(new Notice.Refused(r.remotePort(), LiveListener.MAX_CLIENTS));
        } else if (h instanceof LiveListener.Happening.Received r) {
            machine.outsideSent(r.client().name(), r.data(), atUs);
        } else if (h instanceof LiveListener.Happening.Ended e) {
            machine.outsideClosed(e.client().name(), false, atUs);
        } else if (h instanceof LiveListener.Happening.Reset r) {
            machine.outsideClosed(r.client().name(), true, atUs);
        }
    }

    /** The listener accepted a client: it becomes a socket of the run, and main's hClientAccepted is released. */
    private void accepted(LiveClient c, long atUs) {
        machine.outsideConnected(c.name(), new LiveConnection(c), atUs);
    }

    private long virtualNow() {
        return (long) ((System.nanoTime() - startNanos) / 1000 * speed);
    }

    /** How many channels and selectors the run holds open (0 once it has ended). */
    public int openChannels() {
        return listener.openChannels();
    }

    /** Closes the machine's sockets and the listener; idempotent. */
    @Override
    public void close() {
        machine.close();
        listener.close();
    }
}
