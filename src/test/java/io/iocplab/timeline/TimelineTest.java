package io.iocplab.timeline;

import static io.iocplab.timeline.Runs.compute;
import static io.iocplab.timeline.Runs.gqcs;
import static io.iocplab.timeline.Runs.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PeerAction;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeking is keyframe + replay: every state a timeline gives equals the fold from the start. */
class TimelineTest {

    static List<SimEvent> sockets() {
        return new Runs.Run(new Runs.FakeConnections()).port("P", 2)
                .socket("S1", "P", 11, new Peer.Scripted(List.of(new Peer.Send(100, "hello"),
                        new Peer.Close(300, false))))
                .socket("S2", null, 0, new Peer.Scripted(List.of(new Peer.Send(200, "abc"))))
                .thread("W", Runs.recv("S1", "R1", 2, 8), gqcs("P"), Runs.recv("S2", null, 4), gqcs("P"))
                .run();
    }

    /** A longer run: three workers take 60 packets one at a time (hundreds of events, many keyframes). */
    static List<SimEvent> busy() {
        return busy(20);
    }

    /** Three workers take {@code 3 * perWorker} packets that M posts one at a time. */
    static List<SimEvent> busy(int perWorker) {
        Step worker = new Step.Loop(perWorker, List.of(gqcs("P"), compute(7)), Runs.N);
        return new Runs.Run().port("P", 2)
                .thread("T1", worker).thread("T2", worker).thread("T3", worker)
                .thread("M", new Step.Loop(3 * perWorker, List.of(post("P", "X"), compute(3)), Runs.N))
                .run();
    }

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("S5", Runs.s5()), Arguments.of("S7", Runs.s7()),
                Arguments.of("sockets", sockets()), Arguments.of("busy", busy()));
    }

    static Timeline timeline(List<SimEvent> events, int k) {
        Timeline t = new Timeline(Runs.CPUS, k);
        events.forEach(t::append);
        return t;
    }

    /** The reference: a fresh builder fed events[0..step). */
    static ViewState fold(List<SimEvent> events, int step) {
        return new ViewStateBuilder(Runs.CPUS).applyAll(events.subList(0, step)).snapshot();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("(a) for every step 0..n, stateAt(step) equals a fresh fold of events[0..step), with K = 1, 4, 256")
    void seekIsReplay(String name, List<SimEvent> events) {
        for (int k : new int[] {1, 4, Timeline.DEFAULT_KEYFRAME_INTERVAL}) {
            Timeline t = timeline(events, k);
            assertEquals(events.size(), t.size());
            for (int step = 0; step <= events.size(); step++) {
                ViewState want = fold(events, step);
                ViewState got = t.stateAt(step);
                assertEquals(want, got, name + " K=" + k + " step " + step);
                assertEquals(step, got.step());
                assertEquals(want.threads().keySet().stream().toList(), got.threads().keySet().stream().toList(),
                        "same order of threads");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("(b) stepping back from n to 0 gives the same snapshots as going forward; random seeks too")
    void backIsForward(String name, List<SimEvent> events) {
        Timeline t = timeline(events, 4);
        List<ViewState> forward = new ArrayList<>();
        for (int step = 0; step <= events.size(); step++) {
            forward.add(t.stateAt(step));
        }
        Timeline fresh = timeline(events, 4);
        for (int step = events.size(); step >= 0; step--) {
            assertEquals(forward.get(step), fresh.stateAt(step), name + " step " + step);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            int step = random.nextInt(events.size() + 1);
            assertEquals(forward.get(step), fresh.stateAt(step), name + " random step " + step);
        }
    }

    @Test
    @DisplayName("The fold: S5 at the stop where C is queued, while T1 holds it and after, hand-checked")
    void s5Fold() {
        List<SimEvent> ev = Runs.s5();
        Timeline t = timeline(ev, 4);
        int queued = Runs.stopAfter(ev, e -> e instanceof PortState p && p.queue().size() == 1);
        ViewState s = t.stateAt(queued);
        assertEquals(12, s.tUs());
        assertEquals(ev.get(queued - 1), s.lastEvent());
        assertEquals(2, s.port("P").running());
        assertEquals(List.of("T1"), s.port("P").waiters());
        int taken = Runs.stopAfter(ev, e -> e instanceof io.iocplab.sim.event.PortDequeue d && d.thread().equals("T1"));
        assertEquals("C", t.stateAt(taken).thread("T1").packet().overlapped(), "T1 holds C from the moment it leaves the port");
        int waitsAgain = Runs.stopAfter(ev.subList(taken, ev.size()), e -> e instanceof ThreadState x
                && x.thread().equals("T1") && x.state() == ThreadState.State.EXITED) + taken;
        assertNull(t.stateAt(waitsAgain).thread("T1").packet(), "an exited thread holds nothing");
    }

    @Test
    @DisplayName("The fold: S7's wake-up overshoots: 2 of 1, T2 came back from Sleep while the count was 1")
    void s7Comeback() {
        List<SimEvent> ev = Runs.s7();
        Timeline t = timeline(ev, 4);
        int wake = Runs.stopAfter(ev, e -> e instanceof PortState p && p.running() == 2);
        ViewState atWake = t.stateAt(wake);
        assertEquals(2, atWake.port("P").running());
        assertEquals(1, atWake.port("P").overshoot());
        Comeback cb = atWake.thread("T2").comeback();
        assertEquals(new Comeback("P", ThreadState.Wait.SLEEP, 1, 1, 111), cb);
        assertNull(atWake.thread("T1").comeback(), "T1 was released by the kernel, with the limit checked");
        int exit = Runs.stopAfter(ev, e -> e instanceof ThreadState x && x.thread().equals("T2")
                && x.state() == ThreadState.State.EXITED);
        assertNull(t.stateAt(exit).thread("T2").comeback(), "cleared on exit");
        assertEquals(0, t.stateAt(exit).port("P").overshoot());
    }

    @Test
    @DisplayName("The fold: sockets: peer ports and bytes, a pending WSARecv (997) until its io.complete, the last completion")
    void socketFold() {
        List<SimEvent> ev = sockets();
        Timeline t = timeline(ev, 4);
        SocketView s1 = t.stateAt(t.stopStep(0)).socket("S1");
        assertEquals(50_000, s1.serverPort());
        assertEquals(50_001, s1.peerPort());
        assertTrue(s1.pending().isEmpty());
        int issued = Runs.stopAfter(ev, e -> e instanceof ApiReturn r && r.api() == Api.WSARecv);
        SocketView pending = t.stateAt(issued).socket("S1");
        assertEquals(List.of(new PendingIo(Api.WSARecv, "R1", List.of(2, 8), "W", 0)), pending.pending());
        int sent = Runs.stopAfter(ev, e -> e instanceof PeerAction a && a.action() == PeerAction.Action.SEND);
        assertEquals(5, t.stateAt(sent).socket("S1").peerSent());
        assertEquals(1, t.stateAt(sent).socket("S1").pending().size());
        int landed = Runs.stopAfter(ev, e -> e instanceof io.iocplab.sim.event.IoComplete);
        SocketView done = t.stateAt(landed).socket("S1");
        assertTrue(done.pending().isEmpty());
        assertEquals(List.of("he", "llo"), done.lastCompletion().buffers());
        assertEquals(5, done.lastCompletion().bytes());
        assertEquals(0, done.lastCompletion().status());
        assertEquals(new PacketView(5, 11, "R1", 0), t.stateAt(landed).thread("W").packet(),
                "the packet goes straight to the waiting W in the same moment");
        int blocked = Runs.stopAfter(ev, e -> e instanceof ThreadState x && x.waitingOn() == ThreadState.Wait.IO);
        assertEquals(ThreadState.Wait.IO, t.stateAt(blocked).thread("W").waitingOn());
        assertNull(t.stateAt(blocked).socket("S2").lastCompletion(), "a blocking receive is no overlapped operation");
        assertTrue(t.latest().socket("S1").peerClosed());
        assertEquals(List.of("S1", "S2"), List.copyOf(t.latest().sockets().keySet()));
    }

    @Test
    @DisplayName("The number of processors is the one given, or inferred from the highest index seen")
    void processors() {
        List<SimEvent> ev = Runs.s5();
        assertEquals(4, new ViewStateBuilder(0).applyAll(ev.subList(0, 9)).snapshot().cpus());
        assertEquals(2, new ViewStateBuilder(0).applyAll(ev.subList(0, 7)).snapshot().cpus());
        assertEquals(8, new ViewStateBuilder(8).applyAll(ev).snapshot().processors().size());
        assertEquals(0, ViewState.initial(0).processors().size());
        assertEquals(4, ViewState.initial(4).processors().size());
    }

    @Test
    @DisplayName("Reads: size, event(i), events(from, to) and stateAt bounds")
    void reads() {
        List<SimEvent> ev = Runs.s7();
        Timeline t = new Timeline(Runs.CPUS, 4);
        assertEquals(0, t.size());
        assertEquals(ViewState.initial(Runs.CPUS), t.stateAt(0));
        assertThrows(IndexOutOfBoundsException.class, () -> t.stateAt(1));
        ev.forEach(t::append);
        assertEquals(ev.size(), t.size());
        for (int i = 0; i < ev.size(); i++) {
            assertEquals(ev.get(i), t.event(i));
        }
        assertEquals(ev.subList(3, 20), t.events(3, 20));
        assertThrows(IndexOutOfBoundsException.class, () -> t.event(ev.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> t.events(0, ev.size() + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> t.stateAt(-1));
        assertThrows(UnsupportedOperationException.class, () -> t.events(0, 2).set(0, null));
        assertThrows(IllegalArgumentException.class, () -> new Timeline(4, 0));
    }

    @Test
    @DisplayName("Chunks: more events than one chunk holds are stored and read back in order")
    void manyEvents() {
        List<SimEvent> ev = busy(200);
        assertTrue(ev.size() > 2 * Timeline.CHUNK, "busy() makes " + ev.size() + " events");
        Timeline t = timeline(ev, 256);
        assertEquals(ev, t.events(0, t.size()));
        assertEquals(fold(ev, ev.size()), t.latest());
        for (int step : new int[] {1023, 1024, 1025, 1500, 2047, 2048, ev.size() - 1}) {
            assertEquals(fold(ev, step), t.stateAt(step), "step " + step);
        }
    }

    @Test
    @DisplayName("(e) the engine appends on its own thread while readers seek: no exception, every state is the fold")
    void concurrentReaders() throws Exception {
        Timeline t = new Timeline(Runs.CPUS, 16);
        Step worker = new Step.Loop(300, List.of(gqcs("P"), compute(7)), Runs.N);
        Machine m = new Machine(MachineConfig.defaults(), t::append);
        m.createPort("P", 2);
        for (String w : List.of("T1", "T2", "T3")) {
            m.createThread(w, List.of(worker));
        }
        m.createThread("M", List.of(new Step.Loop(900, List.of(post("P", "X"), compute(3)), Runs.N)));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        Thread engine = new Thread(() -> {
            try {
                go.await();
                m.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "engine");
        List<List<ViewState>> seen = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            List<ViewState> mine = new ArrayList<>();
            seen.add(mine);
            int seed = r;
            readers.add(new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                try {
                    go.await();
                    while (engine.isAlive() || mine.size() < 50) {
                        int n = t.size();
                        int step = random.nextInt(n + 1);
                        ViewState s = t.stateAt(step);
                        if (s.step() != step) {
                            throw new AssertionError("asked " + step + ", got " + s.step());
                        }
                        if (step > 0 && !t.event(step - 1).equals(s.lastEvent())) {
                            throw new AssertionError("the state's last event is not event " + (step - 1));
                        }
                        List<SimEvent> window = t.events(Math.max(0, n - 10), n);
                        for (SimEvent e : window) {
                            assertNotNull(e, "a published event is never missing");
                        }
                        mine.add(s);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "reader-" + r));
        }
        engine.start();
        readers.forEach(Thread::start);
        go.countDown();
        engine.join(60_000);
        for (Thread r : readers) {
            r.join(60_000);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        List<SimEvent> all = t.events(0, t.size());
        assertTrue(all.get(all.size() - 1) instanceof Summary);
        // every state a reader saw during the run is the fold of the events up to its step
        ViewStateBuilder b = new ViewStateBuilder(Runs.CPUS);
        List<ViewState> reference = new ArrayList<>();
        reference.add(b.snapshot());
        for (SimEvent e : all) {
            reference.add(b.apply(e).snapshot());
        }
        int checked = 0;
        for (List<ViewState> mine : seen) {
            for (ViewState s : mine) {
                assertEquals(reference.get(s.step()), s);
                checked++;
            }
        }
        assertTrue(checked >= 100, "readers saw " + checked + " states");
    }
}
