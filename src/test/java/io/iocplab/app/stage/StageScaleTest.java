package io.iocplab.app.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.kernel.Release;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import io.iocplab.timeline.Timeline;
import io.iocplab.timeline.ViewState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 64 threads and 256 sockets: stepping one event at a time stays cheap because only what changed is
 * redrawn. The events are made by hand (a busy port: completions arrive, waiters are released,
 * threads run and wait again) and folded by the real timeline.
 */
@ExtendWith(ApplicationExtension.class)
class StageScaleTest {
    private static final Api GQCS = Api.GetQueuedCompletionStatus;

    static final int THREADS = 64;
    static final int SOCKETS = 256;
    static final int CPUS = 8;

    private Stage stage;
    private Playhead playhead;
    private StageView view;
    private Timeline timeline;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        timeline = busyRun(1_500);
        playhead = new Playhead();
        playhead.show(timeline, 0);
        view = new StageView(playhead, new Texts(Locale.ENGLISH));
        stage.setScene(new Scene(new StackPane(view.node()), 1280, 800));
        stage.show();
    }

    /**
     * Plays 240 moments one per frame, as the play button does at full speed: every card and chip is
     * there, and the socket cards out of sight are parked (their labels dropped), so the stage JavaFX
     * visits every pulse stays near a thousand nodes, not the four thousand of all cards drawn. How fast
     * it is, is measured by the frame benchmark (docs/benchmarks.md), never asserted here.
     */
    @Test
    void playingAFrameAtATimeKeepsEveryCardAndParksThoseOutOfSight(FxRobot robot) throws Exception {
        int warm = 1_000;
        robot.interact(() -> playhead.seek(warm));
        WaitForAsyncUtils.waitForFxEvents();
        int frames = 240;
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        int[] i = {-1};
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                i[0]++;
                if (i[0] == frames) {
                    stop();
                    done.countDown();
                    return;
                }
                playhead.seek(warm + 1 + i[0]);
            }
        };
        robot.interact(timer::start);
        assertTrue(done.await(60, java.util.concurrent.TimeUnit.SECONDS), "the frames were played");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(warm + frames, playhead.step());
        assertEquals(SOCKETS, robot.lookup(".socket-card").queryAll().size());
        assertEquals(THREADS + 1, robot.lookup(".thread-chip").queryAll().size(), "the workers and main");
        long nodes = count(view.node());
        assertTrue(nodes < 2_000, "out-of-sight socket cards are parked: " + nodes + " nodes on the stage");
        robot.interact(() -> {
            try {
                Snapshots.write(stage.getScene(), "stage-scale.png");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Only the cards in sight are redrawn as the playhead moves; one that was out of sight shows the
     * state at the playhead as soon as the column is scrolled to it.
     */
    @Test
    void aCardOutOfSightIsUpToDateOnceScrolledTo(FxRobot robot) {
        int first = 0;
        while (!timeline.stateAt(first).sockets().containsKey("C256")) {
            first++;
        }
        int from = first;
        ViewState end = timeline.stateAt(timeline.size());
        Words words = new Words(new Texts(Locale.ENGLISH));
        SocketCardModel before = SocketCardModel.of(timeline.stateAt(from).sockets().get("C256"), words);
        SocketCardModel after = SocketCardModel.of(end.sockets().get("C256"), words);
        assertNotEquals(before, after, "the last socket changes between the two steps");

        robot.interact(() -> playhead.seek(from));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> playhead.seek(timeline.size()));
        WaitForAsyncUtils.waitForFxEvents();
        SocketCard last = (SocketCard) view.socketsPane().card("C256");
        assertEquals(before, last.model(), "out of sight, at the bottom of the column: not redrawn");
        assertTrue(last.parked() && last.getChildrenUnmodifiable().isEmpty(), "out of sight, it holds no labels");

        robot.interact(() -> view.socketsPane().scroll().setVvalue(view.socketsPane().scroll().getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(after, last.model());
        assertFalse(last.parked(), "in sight again, with its labels");
        assertTrue(robot.lookup(".socket-last").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().startsWith(after.last())), "the card shows it");
    }


    private static long count(Node n) {
        long c = 1;
        if (n instanceof Parent p) {
            for (Node k : p.getChildrenUnmodifiable()) {
                c += count(k);
            }
        }
        return c;
    }

    /** A busy port P (concurrency 4) on 8 processors: packets from 256 sockets, 64 workers. */
    static Timeline busyRun(int rounds) {
        Timeline t = new Timeline(CPUS);
        long[] seq = {0};
        long now = 0;
        List<String> threads = new ArrayList<>();
        for (int i = 1; i <= THREADS; i++) {
            threads.add("W" + i);
        }
        Deque<String> waiters = new ArrayDeque<>();
        Deque<PacketView> queue = new ArrayDeque<>();
        int running = 0;
        for (int i = 1; i <= SOCKETS; i++) {
            t.append(new PeerAction(now, seq[0], seq[0]++, "C" + i, PeerAction.Action.CONNECT, 0, null, 50_000 + i, 40_000 + i));
        }
        for (String w : threads) {
            waiters.push(w);
            t.append(port(now, seq, running, queue, waiters, threads));
            t.append(new ThreadState(now, seq[0], seq[0]++, w, State.WAITING, Wait.PORT, null, GQCS, 0));
        }
        for (int i = 1; i <= SOCKETS; i++) {
            CallResult out = new CallResult.SocketIo("C" + i, "recv:C" + i, -1, null, List.of(16));
            t.append(new ApiReturn(now, seq[0], seq[0]++, "main", Api.WSARecv, false, 997, out, 1));
        }
        String[] onCpu = new String[CPUS];
        Deque<String> runningThreads = new ArrayDeque<>();
        for (int r = 0; r < rounds; r++) {
            now += 10;
            int sock = r % SOCKETS + 1;
            String ov = "recv:C" + sock;
            t.append(new IoComplete(now, seq[0], seq[0]++, "C" + sock, Api.WSARecv, ov, 0, 16, List.of("abcdefghijklmnop"), true));
            PacketView p = new PacketView(16, sock, ov, 0);
            if (running < 4 && !waiters.isEmpty()) {
                String w = waiters.pop();
                running++;
                t.append(port(now, seq, running, queue, waiters, threads));
                int cpu = -1;
                for (int c = 0; c < CPUS; c++) {
                    if (onCpu[c] == null) {
                        cpu = c;
                        break;
                    }
                }
                if (cpu >= 0) {
                    onCpu[cpu] = w;
                    t.append(new ThreadState(now, seq[0], seq[0]++, w, State.RUNNING, null, cpu, GQCS, 0));
                } else {
                    t.append(new ThreadState(now, seq[0], seq[0]++, w, State.READY, null, null, GQCS, 0));
                }
                CallResult out = new CallResult.Dequeued("P", p, Release.Cause.HANDED_OFF, null);
                t.append(new ApiReturn(now, seq[0], seq[0]++, w, GQCS, true, 0, out, 0));
                runningThreads.add(w);
            } else {
                queue.add(p);
                t.append(port(now, seq, running, queue, waiters, threads));
            }
            if (r % 2 == 1 && !runningThreads.isEmpty()) {
                // a worker finishes its packet and calls GetQueuedCompletionStatus again
                String w = runningThreads.poll();
                for (int c = 0; c < CPUS; c++) {
                    if (w.equals(onCpu[c])) {
                        onCpu[c] = null;
                    }
                }
                running--;
                if (!queue.isEmpty()) {
                    queue.poll();
                    running++;
                    runningThreads.add(w);
                    t.append(port(now, seq, running, queue, waiters, threads));
                } else {
                    waiters.push(w);
                    t.append(port(now, seq, running, queue, waiters, threads));
                    t.append(new ThreadState(now, seq[0], seq[0]++, w, State.WAITING, Wait.PORT, null, GQCS, 0));
                }
            }
        }
        return t;
    }

    private static PortState port(long now, long[] seq, int running, Deque<PacketView> queue, Deque<String> waiters,
                                  List<String> threads) {
        return new PortState(now, seq[0], seq[0]++, "P", 4, running, new ArrayList<>(queue), new ArrayList<>(waiters),
                threads, false);
    }
}
