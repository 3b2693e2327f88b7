package io.iocplab.app.run;

import io.iocplab.scenario.LiveRun;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioRunner;
import io.iocplab.sim.EventSink;
import io.iocplab.sim.Machine;
import io.iocplab.sim.RunFailure;
import io.iocplab.timeline.Timeline;
import java.time.Duration;
import java.util.Objects;

/**
 * One run of a scenario, produced by the engine on its own thread and read by the window.
 *
 * <p>Rules:
 * <ul>
 *   <li>The engine is ONE daemon thread named {@value #THREAD_NAME}. It builds the machine
 *       ({@link ScenarioRunner#build}) with a sink that appends every event to {@link #timeline()},
 *       calls {@link Machine#advance()} until it returns false, and closes the machine whatever
 *       happens, so no thread and no socket outlives the run.</li>
 *   <li>The timeline has a single writer, the engine; every other thread (the JavaFX thread) only
 *       reads it: {@code timeline().size()}, {@code stateAt(n)}, {@code events(a, b)}. Nothing here
 *       blocks a reader; {@link #status()} and {@link #failure()} are volatile reads.</li>
 *   <li>{@link #cancel()} only sets a flag, which the engine checks before each action; the thread
 *       then closes the machine and ends. It never waits, so the JavaFX thread may call it.</li>
 *   <li>A run stops by itself after {@code eventCap} events ({@link Status#CUT}), so a scenario
 *       that never ends cannot fill the memory.</li>
 *   <li>A {@link RunFailure}, or any other exception (or running out of memory), ends the run as
 *       {@link Status#FAILED} with a one-line message in {@link #failure()}: the window shows it,
 *       nothing is thrown at it. Events produced before the failure stay in the timeline.</li>
 *   <li>The status goes from RUNNING to exactly one of the other values, once, after the last
 *       event is appended; so a reader that sees {@code done()} sees the whole timeline.</li>
 * </ul>
 */
public final class RunSession {
    /** The name of the engine thread (tests look for it). */
    public static final String THREAD_NAME = "iocplab-engine";
    /**
     * The number of events after which a run is cut, unless another cap is given: ten million, some 620 MB
     * of a run of 1,000 sockets (the timeline stores about 60 bytes an event: {@code scripts/bench timeline}).
     */
    public static final int DEFAULT_EVENT_CAP = 10_000_000;

    /** Where a run stands. */
    public enum Status {
        /** The engine is still producing events. */
        RUNNING,
        /** The machine ran to its end; the summary is the last event. */
        FINISHED,
        /** The run reached the event cap and was stopped there. */
        CUT,
        /** The run stopped on an error; see {@link RunSession#failure()}. */
        FAILED,
        /** {@link RunSession#cancel()} stopped it. */
        CANCELLED;

        public boolean done() {
            return this != RUNNING;
        }
    }

    /** How the engine gets its machine: {@link ScenarioRunner#build}, or a stand-in in tests. */
    @FunctionalInterface
    interface Engine {
        Machine build(Scenario scenario, EventSink sink);
    }

    private final String name;
    private final Scenario scenario;
    private final Engine engineFactory;
    private final int eventCap;
    private final Timeline timeline;
    private final Thread engine;
    private volatile boolean cancelled;
    private volatile Status status = Status.RUNNING;
    private volatile String failure;
    /** Live mode: the port asked for (0: any), the port listened on once known, what to tell the user. */
    private final int livePortAsked;
    private volatile int livePort = -1;
    private volatile LiveRun live;
    private final java.util.concurrent.ConcurrentLinkedQueue<LiveRun.Notice> liveNotices =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private RunSession(String name, Scenario scenario, int eventCap, Engine engineFactory) {
        this(name, scenario, eventCap, engineFactory, -1);
    }

    private RunSession(String name, Scenario scenario, int eventCap, Engine engineFactory, int livePortAsked) {
        this.livePortAsked = livePortAsked;
        if (eventCap < 1) {
            throw new IllegalArgumentException("the event cap must be at least 1");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.eventCap = eventCap;
        this.engineFactory = Objects.requireNonNull(engineFactory, "engineFactory");
        this.timeline = new Timeline(scenario.cpus());
        this.engine = new Thread(livePortAsked >= 0 ? this::runLive : this::run, THREAD_NAME);
        engine.setDaemon(true);
    }

    /** Starts running {@code scenario} (named {@code name}, its file name, in messages) with the default cap. */
    public static RunSession start(String name, Scenario scenario) {
        return start(name, scenario, DEFAULT_EVENT_CAP);
    }

    /** Starts running {@code scenario}; the run is cut after {@code eventCap} events. Never blocks. */
    public static RunSession start(String name, Scenario scenario, int eventCap) {
        return start(name, scenario, eventCap, ScenarioRunner::build);
    }

    static RunSession start(String name, Scenario scenario, int eventCap, Engine engineFactory) {
        RunSession session = new RunSession(name, scenario, eventCap, engineFactory);
        session.engine.start();
        return session;
    }

    /**
     * Starts a live run of {@code scenario}'s echo server ({@link LiveRun}) listening on 127.0.0.1:{@code port}
     * (0, or when that port is taken: any free port; the first notice says which): virtual time follows the wall clock, outside clients come and go, and the timeline grows
     * as it happens until {@link #cancel()} ends it (then it is FINISHED, its summary last), or the event cap cuts
     * it. Never blocks.
     */
    public static RunSession startLive(String name, Scenario scenario, int port) {
        RunSession session = new RunSession(name, scenario.live() ? scenario : scenario.asLive(), DEFAULT_EVENT_CAP,
                ScenarioRunner::build, port);
        session.engine.start();
        return session;
    }

    private void runLive() {
        Status end = Status.FINISHED;
        try {
            LiveRun run = openLive();
            live = run;
            livePort = run.port();
            if (cancelled) {
                run.stop();
            }
            boolean[] cut = {false};
            run.run(() -> {
                if (timeline.size() >= eventCap && !cut[0]) {
                    cut[0] = true;
                    run.stop();
                }
            });
            end = cut[0] ? Status.CUT : Status.FINISHED;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            end = failedWith(e);
        }
        timeline.close();
        status = end;
    }

    /** Keeps what stopped the run for the user (a model's failure in its own words) and says it failed. */
    private Status failedWith(Throwable e) {
        if (e instanceof RunFailure) {
            failure = e.getMessage();
        } else if (e instanceof OutOfMemoryError) {
            failure = "out of memory after " + timeline.size() + " events";
        } else {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return Status.FAILED;
    }

    /** The live run's listener on the port asked for, or on any free port when that one is taken. */
    private LiveRun openLive() throws java.io.IOException {
        try {
            return LiveRun.open(scenario, livePortAsked, 1, timeline::append, liveNotices::add);
        } catch (java.net.BindException e) {
            return LiveRun.open(scenario, 0, 1, timeline::append, liveNotices::add);
        }
    }

    /** Whether it is a live run (outside clients, real time). */
    public boolean live() {
        return livePortAsked >= 0;
    }

    /** The port a live run listens on, once it does; -1 before, and for a run that is not live. */
    public int livePort() {
        return livePort;
    }

    /** The next thing a live run has to tell the user (where it listens, a client refused or reset), or null. */
    public LiveRun.Notice nextLiveNotice() {
        return liveNotices.poll();
    }

    private void run() {
        Machine machine = null;
        Status end;
        try {
            machine = engineFactory.build(scenario, timeline::append);
            end = Status.FINISHED;
            while (true) {
                if (cancelled) {
                    end = Status.CANCELLED;
                    break;
                }
                if (timeline.size() >= eventCap) {
                    end = Status.CUT;
                    break;
                }
                if (!machine.advance()) {
                    break;
                }
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            end = failedWith(e);
        } finally {
            if (machine != null) {
                try {
                    machine.close();
                } catch (RuntimeException e) {
                    // the run is over either way; a socket that fails to close is not news for the window
                }
            }
        }
        timeline.close();                         // a run that ended without its summary: its last moment is a stop
        status = end;
    }

    /** Asks the engine to stop before its next action. Returns at once; safe from any thread, and twice. */
    public void cancel() {
        cancelled = true;
        LiveRun run = live;
        if (run != null) {
            run.stop();
        }
    }

    /**
     * Waits for the engine thread to end, at most {@code timeout}. For tests and the screenshot
     * command only: the JavaFX thread never calls this.
     *
     * @return whether the engine has ended
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        engine.join(Math.max(1, timeout.toMillis()));
        return !engine.isAlive();
    }

    /** The name the run's messages use (the scenario's file name). */
    public String name() {
        return name;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The run's events and states so far; it grows while {@link #status()} is RUNNING. */
    public Timeline timeline() {
        return timeline;
    }

    public int eventCap() {
        return eventCap;
    }

    public Status status() {
        return status;
    }

    /** Whether the engine is done producing events (for any reason). */
    public boolean done() {
        return status.done();
    }

    /** Why the run failed, in one line, or null when it did not. */
    public String failure() {
        return failure;
    }
}
