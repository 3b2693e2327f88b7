package io.iocplab.sim;

import static io.iocplab.sim.S.INF;
import static io.iocplab.sim.S.close;
import static io.iocplab.sim.S.compute;
import static io.iocplab.sim.S.gqcs;
import static io.iocplab.sim.S.gqcsEx;
import static io.iocplab.sim.S.post;
import static io.iocplab.sim.S.resume;
import static io.iocplab.sim.S.sleep;
import static io.iocplab.sim.S.suspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.kernel.Win32Error;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.Out;
import io.iocplab.sim.event.PacketView;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.Summary;
import io.iocplab.sim.event.ThreadState;
import io.iocplab.sim.event.ThreadState.State;
import io.iocplab.sim.event.ThreadState.Wait;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Focused tests of the machine: the scheduler, Sleep(0), suspension, and the scenarios of
 * iocp-semantics.md §7 run through real threads, checked on the events.
 * Timing convention: every call costs 1 µs, threads start at t=0 in creation order.
 */
class MachineTest {

    static MachineConfig cfg(int cpus) {
        return new MachineConfig(cpus, 20_000, 1, 1, -1);
    }

    static List<String> runningOrder(S.Run r) {
        return r.of(ThreadState.class, s -> s.state() == State.RUNNING).stream()
                .map(s -> s.thread() + "@" + s.tUs()).toList();
    }

    static Summary summary(S.Run r) {
        SimEvent last = r.events.get(r.events.size() - 1);
        assertTrue(last instanceof Summary, "the last event is the summary");
        return (Summary) last;
    }

    /** The last port.state of the port at or before an event index. */
    static PortState stateBefore(S.Run r, String port, int index) {
        PortState found = null;
        for (int i = 0; i <= index; i++) {
            if (r.events.get(i) instanceof PortState p && p.port().equals(port)) {
                found = p;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ scheduling

    @Test
    @DisplayName("Scheduler: one cpu, two 50 ms Computes, quantum 20 ms alternate; 6 context switches exactly")
    void twoComputesAlternate() {
        S.Run r = new S.Run(cfg(1)).thread("T1", compute(50_000)).thread("T2", compute(50_000)).go();
        assertEquals(List.of("T1@0", "T2@20000", "T1@40000", "T2@60000", "T1@80000", "T2@90000"), runningOrder(r),
                r::dump);
        assertEquals(90_000, only(r.of(ThreadState.class, s -> s.thread().equals("T1") && s.state() == State.EXITED)).tUs());
        assertEquals(100_000, only(r.of(ThreadState.class, s -> s.thread().equals("T2") && s.state() == State.EXITED)).tUs());
        assertEquals(6, summary(r).contextSwitches());
        assertEquals(100_000, summary(r).tUs());
    }

    private static <T> T only(List<T> xs) {
        assertEquals(1, xs.size(), () -> "expected exactly one, got " + xs);
        return xs.get(0);
    }

    @Test
    @DisplayName("Scheduler: with more threads than cpus the ready queue is FIFO; a preempted thread goes to its tail")
    void readyQueueIsFifo() {
        S.Run r = new S.Run(cfg(1))
                .thread("T1", compute(30_000)).thread("T2", compute(30_000)).thread("T3", compute(30_000)).go();
        assertEquals(List.of("T1@0", "T2@20000", "T3@40000", "T1@60000", "T2@70000", "T3@80000"), runningOrder(r),
                r::dump);
        assertEquals(6, summary(r).contextSwitches());
        // two cpus, four threads: the two waiting threads take the cpus in the order they became ready
        S.Run r2 = new S.Run(cfg(2)).thread("A", compute(10_000)).thread("B", compute(30_000))
                .thread("C", compute(10_000)).thread("D", compute(10_000)).go();
        // at 20000 B's quantum ends first (its timer is older): B goes behind D, so D runs, then B when C exits
        assertEquals(List.of("A@0", "B@0", "C@10000", "D@20000", "B@20000"), runningOrder(r2), r2::dump);
        List<ThreadState> at20000 = r2.of(ThreadState.class, x -> x.tUs() == 20_000);
        assertEquals(List.of("B:READY", "D:RUNNING", "C:EXITED", "B:RUNNING"),
                at20000.stream().map(x -> x.thread() + ":" + x.state()).toList(), r2::dump);
    }

    @Test
    @DisplayName("Scheduler: a Compute longer than the quantum is not preempted when no other thread is ready")
    void longComputeAloneIsNotPreempted() {
        S.Run r = new S.Run(cfg(1)).thread("T1", compute(100_000)).go();
        assertEquals(List.of("T1@0"), runningOrder(r));
        assertEquals(1, summary(r).contextSwitches());
        assertEquals(100_000, summary(r).tUs());
        S.Run r2 = new S.Run(cfg(2)).thread("T1", compute(50_000)).thread("T2", compute(50_000)).go();
        assertEquals(List.of("T1@0", "T2@0"), runningOrder(r2));
        assertEquals(2, summary(r2).contextSwitches());
        assertEquals(50_000, summary(r2).tUs());
    }

    @Test
    @DisplayName("Scheduler: a thread that becomes ready mid-quantum preempts a long Compute only at the quantum's end")
    void preemptionAtQuantumEnd() {
        // T2 sleeps 5 ms, then needs the only cpu; T1 computes 100 ms
        S.Run r = new S.Run(cfg(1)).thread("T2", sleep(5_000), compute(1_000)).thread("T1", compute(100_000)).go();
        List<String> order = runningOrder(r);
        assertEquals("T2@0", order.get(0));
        assertEquals("T1@0", order.get(1));
        assertEquals("T2@20000", order.get(2), r::dump); // T1's quantum started at 0
        assertEquals("T1@21001", order.get(3), r::dump); // T2: Sleep returns, 1 µs, Compute 1000, then exits
    }

    @Test
    @DisplayName("Sleep(0) yields the processor to a ready thread, and is not a wait: the port's running count is unchanged")
    void sleepZeroYields() {
        S.Run r = new S.Run(cfg(1)).port("P", 1)
                .thread("T1", gqcs("P", 0), sleep(0), compute(10))
                .thread("T2", compute(10)).go();
        assertEquals(List.of("T1@0", "T2@1", "T1@11"), runningOrder(r), r::dump);
        ApiReturn sleepRet = only(r.returns("T1", "Sleep"));
        assertEquals(11, sleepRet.tUs(), "Sleep(0) returns when T1 runs again");
        assertTrue(sleepRet.ok());
        for (PortState p : r.states("P")) {
            if (p.associated().contains("T1")) {
                assertEquals(1, p.running(), () -> "Sleep(0) must not free T1's slot: " + r.dump());
            }
        }
        assertEquals(3, summary(r).contextSwitches());

        S.Run alone = new S.Run(cfg(1)).thread("T1", sleep(0), compute(10)).go();
        assertEquals(List.of("T1@0", "T1@0"), runningOrder(alone), "it may run again at once");
        assertEquals(1, summary(alone).contextSwitches(), "no other thread: no context switch");
    }

    // ------------------------------------------------------------------ suspension

    @Test
    @DisplayName("SuspendThread of a thread waiting in GQCS: it leaves the waiters; on resume the GQCS is made again with the remaining timeout")
    void suspendWaiterRetriesWithRemainingTimeout() {
        S.Run r = new S.Run(cfg(2)).port("P", 1)
                .thread("T1", gqcs("P", 1_000))
                .thread("M", compute(100), suspend("T1"), compute(300), resume("T1")).go();
        ApiReturn ret = only(r.returns("T1", "GetQueuedCompletionStatus"));
        assertFalse(ret.ok());
        assertEquals(Win32Error.WAIT_TIMEOUT, ret.error());
        assertEquals(1_000, ret.tUs(), () -> "deadline 0 + 1000 µs, not extended by the suspension: " + r.dump());
        ThreadState suspended = only(r.of(ThreadState.class, s -> s.thread().equals("T1") && s.waitingOn() == Wait.SUSPENDED));
        assertEquals(100, suspended.tUs());
        // while suspended T1 is not a waiter and running did not change
        PortState atSuspend = stateBefore(r, "P", r.indexOf(only(r.returns("M", "SuspendThread"))));
        assertEquals(List.of(), atSuspend.waiters());
        assertEquals(0, atSuspend.running());
        // after the resume it waits again (the retry), before timing out at 1000
        List<PortState> waitsAgain = r.states("P").stream()
                .filter(p -> p.tUs() > 100 && p.tUs() < 1_000 && p.waiters().equals(List.of("T1"))).toList();
        assertFalse(waitsAgain.isEmpty(), r::dump);
    }

    @Test
    @DisplayName("SuspendThread of a GQCS waiter: a packet posted meanwhile is queued, and the retried GQCS takes it at once")
    void suspendedWaiterTakesPacketOnRetry() {
        S.Run r = new S.Run(cfg(2)).port("P", 1)
                .thread("T1", gqcs("P"))
                .thread("M", compute(100), suspend("T1"), post("P", "A"), compute(300), resume("T1")).go();
        ApiReturn post = only(r.returns("M", "PostQueuedCompletionStatus"));
        assertNull(Out.deliveredTo(post), "T1 is suspended, so nobody waits: A is queued");
        ApiReturn ret = only(r.returns("T1", "GetQueuedCompletionStatus"));
        assertTrue(ret.ok());
        assertEquals("A", Out.ov(ret));
        assertEquals("immediate", Out.release(ret));
        assertEquals(402, ret.tUs(), r::dump);
        assertEquals(Map.of("T1", 1L, "M", 0L), summary(r).perThread());
    }

    @Test
    @DisplayName("S29 + suspension: a GQCS outstanding (suspended) when the port is closed fails with ERROR_ABANDONED_WAIT_0 [DOC-GQCS \"closed while the call is outstanding\"]")
    void suspendedWaiterSeesAbandonedOnClose() {
        S.Run r = new S.Run(cfg(2)).port("P", 1)
                .thread("T1", gqcs("P"))
                .thread("M", compute(100), suspend("T1"), close("P"), resume("T1")).go();
        ApiReturn ret = only(r.returns("T1", "GetQueuedCompletionStatus"));
        assertFalse(ret.ok());
        assertNull(Out.ov(ret));
        assertEquals(Win32Error.ERROR_ABANDONED_WAIT_0, ret.error(),
                () -> "the call was made before the close and was still outstanding: " + r.dump());
    }

    @Test
    @DisplayName("SuspendThread of a running Compute: it stops on the spot and goes on with the rest after ResumeThread")
    void suspendRunningCompute() {
        S.Run r = new S.Run(cfg(2))
                .thread("T1", compute(100))
                .thread("M", compute(30), suspend("T1"), compute(50), resume("T1")).go();
        assertEquals(151, only(r.of(ThreadState.class, s -> s.thread().equals("T1") && s.state() == State.EXITED)).tUs(),
                r::dump);
        ApiReturn s = only(r.returns("M", "SuspendThread"));
        assertEquals(0, Out.previousCount(s));
        ApiReturn rs = only(r.returns("M", "ResumeThread"));
        assertEquals(1, Out.previousCount(rs));
    }

    @Test
    @DisplayName("Suspend counts: two SuspendThread need two ResumeThread; a READY thread can be suspended")
    void suspendCounts() {
        S.Run r = new S.Run(cfg(2))
                .thread("T1", suspend("T3"), suspend("T3"), resume("T3"), compute(10), resume("T3"))
                .thread("T2", compute(100))
                .thread("T3", compute(10)).go();
        assertEquals(List.of(0, 1), r.returns("T1", "SuspendThread").stream().map(x -> Out.previousCount(x)).toList());
        assertEquals(List.of(2, 1), r.returns("T1", "ResumeThread").stream().map(x -> Out.previousCount(x)).toList());
        List<ThreadState> t3 = r.threadStates("T3");
        assertEquals(State.READY, t3.get(0).state());
        assertEquals(Wait.SUSPENDED, t3.get(1).waitingOn(), r::dump);
        assertEquals(0, t3.get(1).tUs());
        ThreadState run = only(r.of(ThreadState.class, x -> x.thread().equals("T3") && x.state() == State.RUNNING));
        // the second ResumeThread is at 13 (3 calls, then Compute 10 from 3); T1 still holds a cpu, T2 the other,
        // so T3 runs when T1's program ends at 14
        assertEquals(14, run.tUs(), r::dump);
        assertEquals(13, only(r.of(ThreadState.class, x -> x.thread().equals("T3") && x.state() == State.READY
                && x.tUs() > 0)).tUs());
    }

    @Test
    @DisplayName("Self-suspension frees the slot (a waiter gets the queued packet, release \"suspended\"); SuspendThread returns after ResumeThread; then running overshoots")
    void selfSuspension() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("M", post("P", "A"), post("P", "B"), compute(100), resume("T1"))
                .thread("T1", gqcs("P"), suspend("T1"), compute(1_000))
                .thread("T2", gqcs("P"), compute(1_000)).go();
        ApiReturn t1Get = only(r.returns("T1", "GetQueuedCompletionStatus"));
        assertEquals("A", Out.ov(t1Get));
        assertEquals("immediate", Out.release(t1Get));
        ApiReturn t2Get = only(r.returns("T2", "GetQueuedCompletionStatus"));
        assertEquals("B", Out.ov(t2Get));
        assertEquals("suspended", Out.release(t2Get), r::dump);
        assertEquals("T1", Out.freedBy(t2Get));
        ApiReturn susp = only(r.returns("T1", "SuspendThread"));
        ApiReturn res = only(r.returns("M", "ResumeThread"));
        assertTrue(r.indexOf(susp) > r.indexOf(res), "the self-suspension returns only after the resume");
        assertEquals(0, Out.previousCount(susp));
        assertEquals(1, Out.previousCount(res));
        assertEquals(Wait.SUSPENDED, r.threadStates("T1").stream().filter(s -> s.state() == State.WAITING)
                .findFirst().orElseThrow().waitingOn());
        PortState afterResume = stateBefore(r, "P", r.indexOf(res));
        assertEquals(2, afterResume.running(), "T1 counted again with no limit check (S8)");
    }

    @Test
    @DisplayName("A sleeping thread that is suspended stays uncounted when its Sleep ends, and counts again only on ResumeThread")
    void suspendSleepingThread() {
        S.Run r = new S.Run(cfg(2)).port("P", 2)
                .thread("T1", gqcs("P", 0), sleep(100), compute(10))
                .thread("M", compute(50), suspend("T1"), compute(200), resume("T1")).go();
        // T1: GQCS at 0 (counted), Sleep at 1 (0), suspended at 50, Sleep ends at 101, resumed at 251
        for (PortState p : r.states("P")) {
            if (p.tUs() > 1 && p.tUs() < 251) {
                assertEquals(0, p.running(), () -> "at " + p.tUs() + ": " + r.dump());
            }
        }
        PortState resumed = only(r.states("P").stream().filter(p -> p.tUs() == 251).toList());
        assertEquals(1, resumed.running());
        assertTrue(r.threadStates("T1").stream().anyMatch(s -> s.tUs() == 101 && s.waitingOn() == Wait.SUSPENDED), r::dump);
        ApiReturn sl = only(r.returns("T1", "Sleep"));
        assertEquals(251, sl.tUs());
    }

    // ------------------------------------------------------------------ §7 scenarios through the machine

    @Test
    @DisplayName("S3 through the machine: A, B, C leave FIFO with C=1 after each; GQCS(P, 0) on the empty port: FALSE/258, C stays 1")
    void s3ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("M", post("P", "A"), post("P", "B"), post("P", "C"))
                .thread("T1", compute(10), gqcs("P"), gqcs("P"), gqcs("P"), gqcs("P", 0)).go();
        List<ApiReturn> rs = r.returns("T1");
        assertEquals(java.util.Arrays.asList("A", "B", "C", null), rs.stream().map(x -> Out.ov(x)).toList());
        assertEquals(List.of("immediate", "immediate", "immediate"),
                rs.subList(0, 3).stream().map(x -> Out.release(x)).toList());
        assertFalse(rs.get(3).ok());
        assertEquals(Win32Error.WAIT_TIMEOUT, rs.get(3).error());
        for (ApiReturn x : rs) {
            assertEquals(1, stateBefore(r, "P", r.indexOf(x)).running(), x::toString);
        }
        assertTrue(r.states("P").stream().filter(p -> p.tUs() >= 10).allMatch(p -> p.running() == 1
                || p.associated().isEmpty()), r::dump);
    }

    @Test
    @DisplayName("S5 through the machine: M=2, three waiters, three posts: A→T3, B→T2, C queued, T1 keeps waiting")
    void s5ThroughMachine() {
        S.Run r = new S.Run(cfg(4).withUntil(10_000)).port("P", 2)
                .thread("T1", gqcs("P")).thread("T2", gqcs("P"), compute(50_000))
                .thread("T3", gqcs("P"), compute(50_000))
                .thread("M", compute(10), post("P", "A"), post("P", "B"), post("P", "C")).go();
        assertEquals(java.util.Arrays.asList("T3", "T2", null),
                r.returns("M", "PostQueuedCompletionStatus").stream().map(x -> Out.deliveredTo(x)).toList());
        assertTrue(r.returns("T1").isEmpty(), "T1 is not woken");
        PortState last = r.states("P").get(r.states("P").size() - 1);
        assertEquals(List.of("T1"), last.waiters());
        assertEquals(1, last.queue().size());
        assertEquals("C", last.queue().get(0).overlapped());
        assertEquals(2, last.running());
    }

    @Test
    @DisplayName("S19/S21 through the machine: posted values pass through verbatim; a NULL-overlapped post is TRUE with ov NULL")
    void s19s21ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 2)
                .thread("M", post("P", 0xFFFFFFFFL, 0xABCDEFL, "0x1"), post("P", 0, 0, null))
                .thread("T1", compute(10), gqcs("P"), gqcs("P"), gqcs("P", 0)).go();
        List<ApiReturn> rs = r.returns("T1");
        assertTrue(rs.get(0).ok());
        assertEquals(0xFFFFFFFFL, Out.bytes(rs.get(0)));
        assertEquals(0xABCDEFL, Out.key(rs.get(0)));
        assertEquals("0x1", Out.ov(rs.get(0)));
        assertTrue(rs.get(1).ok(), "the sentinel packet is TRUE");
        assertEquals(0L, Out.bytes(rs.get(1)));
        assertEquals(0L, Out.key(rs.get(1)));
        assertNull(Out.ov(rs.get(1)));
        assertFalse(rs.get(2).ok());
        assertEquals(Win32Error.WAIT_TIMEOUT, rs.get(2).error());
        assertEquals(2, summary(r).perThread().get("T1"));
    }

    @Test
    @DisplayName("S38 through the machine: M=1, three threads waiting: C=0")
    void s38ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("T1", gqcs("P")).thread("T2", gqcs("P")).thread("T3", gqcs("P")).go();
        PortState last = r.states("P").get(r.states("P").size() - 1);
        assertEquals(List.of("T3", "T2", "T1"), last.waiters());
        assertEquals(0, last.running());
        assertTrue(r.states("P").stream().allMatch(p -> p.running() == 0));
    }

    @Test
    @DisplayName("S4 through the machine: three waiters, three posts, LIFO hand-offs, queue stays empty")
    void s4ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 3)
                .thread("T1", gqcs("P"), compute(100)).thread("T2", gqcs("P"), compute(100))
                .thread("T3", gqcs("P"), compute(100))
                .thread("M", compute(10), post("P", "A"), post("P", "B"), post("P", "C")).go();
        assertEquals(List.of("T3", "T2", "T1"),
                r.returns("M", "PostQueuedCompletionStatus").stream().map(x -> Out.deliveredTo(x)).toList());
        assertEquals("A", Out.ov(only(r.returns("T3"))));
        assertEquals("B", Out.ov(only(r.returns("T2"))));
        assertEquals("C", Out.ov(only(r.returns("T1"))));
        for (String t : List.of("T1", "T2", "T3")) {
            assertEquals("handed_off", Out.release(only(r.returns(t))));
            assertNull(Out.freedBy(only(r.returns(t))));
        }
        assertTrue(r.states("P").stream().allMatch(p -> p.queue().isEmpty()));
        assertEquals(3, r.states("P").stream().mapToInt(PortState::running).max().orElseThrow());
    }

    @Test
    @DisplayName("S7/S8 through the machine: T2's Sleep releases T1 with the queued B (release \"slept\", freed_by T2); T2's wake makes running 2 > 1")
    void s7s8ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("T1", gqcs("P"), compute(1_000))
                .thread("T2", gqcs("P"), sleep(100), compute(10))
                .thread("M", compute(10), post("P", "A"), post("P", "B")).go();
        ApiReturn t2 = only(r.returns("T2", "GetQueuedCompletionStatus"));
        assertEquals("A", Out.ov(t2));
        assertEquals("handed_off", Out.release(t2));
        assertNull(Out.deliveredTo(r.returns("M", "PostQueuedCompletionStatus").get(1)), "B is queued");
        ApiReturn t1 = only(r.returns("T1", "GetQueuedCompletionStatus"));
        assertEquals("B", Out.ov(t1));
        assertEquals("slept", Out.release(t1));
        assertEquals("T2", Out.freedBy(t1));
        assertEquals(11, t1.tUs(), r::dump);
        PortState atSleep = only(r.states("P").stream().filter(p -> p.tUs() == 11 && p.waiters().isEmpty()).toList());
        assertEquals(1, atSleep.running());
        assertEquals(List.of(), atSleep.queue());
        PortState atWake = only(r.states("P").stream().filter(p -> p.tUs() == 111).toList());
        assertEquals(2, atWake.running(), "S8: overshoot");
        // nothing is preempted or blocked by the overshoot
        assertTrue(r.threadStates("T1").stream().noneMatch(s -> s.tUs() >= 111 && s.state() != State.RUNNING
                && s.state() != State.EXITED), r::dump);
    }

    @Test
    @DisplayName("S10 through the machine: the blocked thread frees its slot with nothing queued; the post hands off; the wake overshoots")
    void s10ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("M", post("P", "X"), compute(100), post("P", "A"))
                .thread("T1", gqcs("P"), sleep(200), compute(10))
                .thread("T2", gqcs("P"), compute(1_000)).go();
        assertEquals("X", Out.ov(only(r.returns("T1", "GetQueuedCompletionStatus"))));
        PortState afterSleep = only(r.states("P").stream().filter(p -> p.tUs() == 1).toList());
        assertEquals(0, afterSleep.running());
        assertEquals(List.of("T2"), afterSleep.waiters(), "nobody is woken with the queue empty");
        ApiReturn post = r.returns("M", "PostQueuedCompletionStatus").get(1);
        assertEquals("T2", Out.deliveredTo(post));
        ApiReturn t2 = only(r.returns("T2", "GetQueuedCompletionStatus"));
        assertEquals("handed_off", Out.release(t2));
        assertEquals(1, stateBefore(r, "P", r.indexOf(post)).running());
        PortState wake = only(r.states("P").stream().filter(p -> p.tUs() == 201).toList());
        assertEquals(2, wake.running(), r::dump);
    }

    @Test
    @DisplayName("S11 through the machine: ExitThread frees the slot: the waiter gets the queued packet (release \"exited\", freed_by the exiting thread)")
    void s11ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("M", post("P", "A"), post("P", "B"))
                .thread("T1", gqcs("P"), compute(50), S.exit())
                .thread("T2", gqcs("P"), compute(10)).go();
        ApiReturn t2 = only(r.returns("T2", "GetQueuedCompletionStatus"));
        assertEquals("B", Out.ov(t2));
        assertEquals("exited", Out.release(t2));
        assertEquals("T1", Out.freedBy(t2));
        PortState atExit = only(r.states("P").stream().filter(p -> p.tUs() == 51).toList());
        assertFalse(atExit.associated().contains("T1"));
        assertEquals(1, atExit.running());
    }

    @Test
    @DisplayName("S13/S14 through the machine: GQCS(P,0) times out and counts; GQCS(P,50ms) times out at 50 ms, or returns a post at 20 ms")
    void s13s14ThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 2)
                .thread("T1", gqcs("P", 0), compute(10)).go();
        ApiReturn t1 = only(r.returns("T1"));
        assertEquals(Win32Error.WAIT_TIMEOUT, t1.error());
        assertNull(Out.bytes(t1));
        assertNull(Out.key(t1));
        assertNull(Out.ov(t1));
        assertEquals(1, r.states("P").get(1).running());

        S.Run a = new S.Run(cfg(4)).port("P", 2).thread("T1", gqcs("P", 50_000)).go();
        ApiReturn ta = only(a.returns("T1"));
        assertEquals(50_000, ta.tUs());
        assertEquals(Win32Error.WAIT_TIMEOUT, ta.error());
        assertEquals(1, only(a.states("P").stream().filter(p -> p.tUs() == 50_000).toList()).running());

        S.Run b = new S.Run(cfg(4)).port("P", 2).thread("T1", gqcs("P", 50_000))
                .thread("M", compute(20_000), post("P", 10, 7, "A")).go();
        ApiReturn tb = only(b.returns("T1"));
        assertEquals(20_000, tb.tUs());
        assertTrue(tb.ok());
        assertEquals(10L, Out.bytes(tb));
        assertEquals(7L, Out.key(tb));
        assertTrue(b.states("P").stream().noneMatch(p -> p.tUs() == 50_000), "no timeout later");
    }

    @Test
    @DisplayName("S29 through the machine: close wakes every waiter with 735 and NULL; later GQCS, PQCS, CloseHandle get 6")
    void s29ThroughMachine() {
        S.Run w = new S.Run(cfg(4)).port("P", 2)
                .thread("T1", gqcs("P")).thread("T2", gqcsEx("P", 4, INF))
                .thread("M", compute(10), close("P"), gqcs("P", 0), post("P", "Z"), close("P")).go();
        for (String t : List.of("T1", "T2")) {
            ApiReturn a = only(w.returns(t));
            assertFalse(a.ok());
            assertEquals(Win32Error.ERROR_ABANDONED_WAIT_0, a.error());
        }
        assertNull(Out.ov(only(w.returns("T1"))));
        assertEquals(0, Out.entries(only(w.returns("T2"))).size());
        List<ApiReturn> m = w.returns("M");
        assertEquals(List.of("CloseHandle", "GetQueuedCompletionStatus", "PostQueuedCompletionStatus", "CloseHandle"),
                m.stream().map(r -> r.api().name()).toList());
        assertTrue(m.get(0).ok());
        for (ApiReturn a : m.subList(1, 4)) {
            assertFalse(a.ok());
            assertEquals(Win32Error.ERROR_INVALID_HANDLE, a.error(), a::toString);
        }
        PortState closed = only(w.states("P").stream().filter(PortState::closed).toList());
        assertEquals(List.of(), closed.waiters());
        assertEquals(List.of(), closed.associated());
        assertEquals(0, closed.running());
    }

    @Test
    @DisplayName("GQCSEx through the machine takes min(count, depth) at once; after a wait only the handed-off packet")
    void gqcsExThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P", 1)
                .thread("M", post("P", "p1"), post("P", "p2"), post("P", "p3"), post("P", "p4"), post("P", "p5"),
                        compute(100), post("P", "p6"), post("P", "p7"))
                .thread("T1", compute(10), gqcsEx("P", 3, INF), gqcsEx("P", 4, INF), gqcsEx("P", 4, INF)).go();
        List<ApiReturn> rs = r.returns("T1");
        assertEquals(3, Out.entries(rs.get(0)).size());
        assertEquals(List.of("p1", "p2", "p3"), labelsOf(rs.get(0)));
        assertEquals(List.of("p4", "p5"), labelsOf(rs.get(1)));
        assertEquals(List.of("p6"), labelsOf(rs.get(2)));
        assertEquals("handed_off", Out.release(rs.get(2)));
        assertTrue(rs.stream().allMatch(ApiReturn::ok));
        assertEquals(6, summary(r).perThread().get("T1"));
        assertEquals(6, summary(r).packets());
    }

    static List<String> labelsOf(ApiReturn r) {
        return Out.entries(r).stream().map(PacketView::overlapped).toList();
    }

    @Test
    @DisplayName("GQCS on another port switches association: the old port's slot goes to its waiter (release \"switched_port\", freed_by T1)")
    void switchPortsThroughMachine() {
        S.Run r = new S.Run(cfg(4)).port("P1", 1).port("P2", 1)
                .thread("M", post("P1", "A"), post("P1", "B"))
                .thread("T1", gqcs("P1"), compute(50), gqcs("P2", 100))
                .thread("T2", gqcs("P1"), compute(10)).go();
        ApiReturn t2 = only(r.returns("T2"));
        assertEquals("B", Out.ov(t2));
        assertEquals("switched_port", Out.release(t2));
        assertEquals("T1", Out.freedBy(t2));
        assertEquals(51, t2.tUs(), r::dump);
        PortState p2 = only(r.states("P2").stream().filter(p -> p.tUs() == 51).toList());
        assertEquals(List.of("T1"), p2.associated());
        assertEquals(List.of("T1"), p2.waiters());
    }

    @Test
    @DisplayName("Summary: packets and per_thread counts in file order, context switches and the last time")
    void summaryCounts() {
        S.Run r = new S.Run(cfg(4)).port("P", 2)
                .thread("M", post("P", "p1"), post("P", "p2"), post("P", "p3"), post("P", "p4"), post("P", "p5"))
                .thread("T1", compute(10), gqcsEx("P", 3, 0))
                .thread("T2", compute(20), gqcs("P", 0), gqcs("P", 0), gqcs("P", 0)).go();
        Summary s = summary(r);
        assertEquals(List.of("M", "T1", "T2"), List.copyOf(s.perThread().keySet()));
        assertEquals(Map.of("M", 0L, "T1", 3L, "T2", 2L), s.perThread());
        assertEquals(5, s.packets());
        assertEquals(3, s.contextSwitches());
        List<ApiReturn> t2 = r.returns("T2");
        assertEquals(List.of(true, true, false), t2.stream().map(ApiReturn::ok).toList());
        assertEquals(Win32Error.WAIT_TIMEOUT, t2.get(2).error());
        assertEquals(s.seq(), r.events.size() - 1);
    }

    @Test
    @DisplayName("untilUs stops the run at that time; the summary carries it")
    void untilStops() {
        S.Run r = new S.Run(cfg(1).withUntil(5_000)).port("P", 1)
                .thread("T1", S.loop(1000, compute(100), sleep(100))).go();
        assertEquals(5_000, summary(r).tUs());
        assertTrue(r.events.stream().allMatch(e -> e.tUs() <= 5_000));
    }
}
