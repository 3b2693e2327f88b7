package io.iocplab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kernel alone, one rule of iocp-semantics.md §2 per test, the scenario tag (§7) in the name.
 * Every test checks the two port invariants after each operation.
 */
class CompletionPortTest {

    private final RecordingObserver obs = new RecordingObserver();

    // ---------------------------------------------------------------- helpers

    static Packet pkt(String label) {
        return Packet.posted(0, 0, new Overlapped(label));
    }

    static String label(Packet p) {
        return p.overlapped() == null ? null : p.overlapped().label();
    }

    static List<String> labels(List<Packet> ps) {
        return ps.stream().map(CompletionPortTest::label).toList();
    }

    static List<String> names(List<KernelThread> ts) {
        return ts.stream().map(KernelThread::name).toList();
    }

    /** §1 invariant and the stable-state invariant of §2.1, checked on every port given. */
    static void invariants(CompletionPort... ports) {
        for (CompletionPort p : ports) {
            long counted = p.associated().stream().filter(KernelThread::countsAsRunning).count();
            assertEquals(counted, p.running(), () -> "running != counted associated threads on " + p);
            assertFalse(p.belowLimit() && p.depth() > 0 && !p.waiters().isEmpty(),
                    () -> "below the limit with both packets and waiters on " + p);
            for (KernelThread w : p.waiters()) {
                assertTrue(w.isWaitingOnPort(), w + " on the stack but not waiting");
                assertSame(p, w.port(), w + " waits on a port it is not associated with");
                assertTrue(p.associated().contains(w), w + " waits but is not associated");
            }
        }
    }

    /** The thread takes the packet now (it must not wait): the labels it got. */
    static List<String> take(CompletionPort p, KernelThread t, int count) {
        Removal r = p.remove(t, count, true);
        Removal.Dequeued d = assertInstanceOf(Removal.Dequeued.class, r, () -> t + " should have dequeued from " + p);
        invariants(p);
        return labels(d.packets());
    }

    static void mustWait(CompletionPort p, KernelThread t) {
        assertInstanceOf(Removal.MustWait.class, p.remove(t, 1, true), () -> t + " should wait on " + p);
        assertTrue(t.isWaitingOnPort());
        invariants(p);
    }

    CompletionPort port(int concurrency) {
        return new CompletionPort("P", concurrency, 4, obs);
    }

    // ---------------------------------------------------------------- §1 / S1

    @Test
    @DisplayName("S1: concurrency 0 means the number of processors [DOC-CICP; ROS-queue KeInitializeQueue]")
    void s1ConcurrencyZeroIsProcessors() {
        CompletionPort p1 = new CompletionPort("P1", 0, 4, obs);
        CompletionPort p2 = new CompletionPort("P2", 3, 4, obs);
        assertEquals(4, p1.concurrency());
        assertEquals(3, p2.concurrency());
        for (CompletionPort p : List.of(p1, p2)) {
            assertEquals(0, p.running());
            assertEquals(0, p.depth());
            assertTrue(p.waiters().isEmpty());
            assertTrue(p.associated().isEmpty());
            assertFalse(p.isClosed());
        }
        assertEquals(1, new CompletionPort("P3", 0, 1, obs).concurrency());
        assertThrows(IllegalArgumentException.class, () -> new CompletionPort("X", -1, 4, obs));
        assertThrows(IllegalArgumentException.class, () -> new CompletionPort("X", 0, 0, obs));
    }

    // ---------------------------------------------------------------- §2.1 / S2

    @Test
    @DisplayName("S2: a post with no waiter queues the packet; depth 1, running 0 [DOC-PQCS; ROS-queue KiInsertQueue]")
    void s2PostWithoutWaiterQueues() {
        CompletionPort p = port(2);
        Packet a = Packet.posted(10, 7, new Overlapped("A"));
        assertNull(p.post(a));
        assertEquals(List.of(a), p.queue());
        assertEquals(1, p.depth());
        assertEquals(0, p.running());
        assertTrue(obs.releases.isEmpty());
        assertEquals(1, obs.changes.size());
        assertEquals(List.of("A"), obs.last().queue());
        invariants(p);
    }

    // ---------------------------------------------------------------- §2.2 / S3

    @Test
    @DisplayName("S3: packets leave FIFO; GQCS with timeout 0 on an empty port times out and running stays 1 [DOC-IOCP; ROS-queue]")
    void s3FifoAndTimeoutZero() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        p.post(pkt("A"));
        p.post(pkt("B"));
        p.post(pkt("C"));
        assertEquals(List.of("A"), take(p, t1, 1));
        assertEquals(1, p.running());
        assertEquals(List.of("B"), take(p, t1, 1));
        assertEquals(1, p.running());
        assertEquals(List.of("C"), take(p, t1, 1));
        assertEquals(1, p.running());
        obs.clear();
        assertInstanceOf(Removal.TimedOut.class, p.remove(t1, 1, false));
        assertEquals(1, p.running(), "running drops to 0 and the timeout path adds 1");
        assertSame(p, t1.port());
        assertTrue(t1.countsAsRunning());
        assertFalse(t1.isWaitingOnPort());
        assertTrue(obs.releases.isEmpty());
        assertEquals(1, obs.last().running());
        invariants(p);
    }

    @Test
    @DisplayName("§2.4: timeout 0 with a packet queued but running >= concurrency also times out (and counts) [ROS-queue]")
    void timeoutZeroAtTheLimitWithPacketsQueued() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("A"));
        p.post(pkt("B"));
        assertEquals(List.of("A"), take(p, t1, 1));
        assertInstanceOf(Removal.TimedOut.class, p.remove(t2, 1, false));
        assertEquals(List.of("B"), labels(p.queue()), "B stays queued");
        assertEquals(2, p.running(), "T2 was not counted before; the timeout path counts it");
        invariants(p);
    }

    @Test
    @DisplayName("§2.2: at the limit a thread waits even though packets are queued, on top of the stack [DOC-IOCP; ROS-queue]")
    void atTheLimitAThreadWaitsDespiteQueuedPackets() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("A"));
        p.post(pkt("B"));
        assertEquals(List.of("A"), take(p, t1, 1));
        mustWait(p, t2);
        assertEquals(List.of("T2"), names(p.waiters()));
        assertEquals(List.of("B"), labels(p.queue()));
        assertEquals(1, p.running());
    }

    @Test
    @DisplayName("§2.2: the same thread calling GQCS again gives up its slot first: no context switch at M=1 [ROS-queue \"same queue\"; DOC-IOCP]")
    void sameThreadGivesUpItsSlot() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        for (int i = 0; i < 5; i++) {
            p.post(pkt("A" + i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of("A" + i), take(p, t1, 1));
            assertEquals(1, p.running());
        }
        assertThrows(IllegalArgumentException.class, () -> p.remove(t1, 0, true));
    }

    // ---------------------------------------------------------------- §2.1 / S4, S5

    @Test
    @DisplayName("S4: waiters are released LIFO, each post handed off directly and counted at post time [DOC-IOCP; ROS-queue; WINE-T]")
    void s4LifoHandOff() {
        CompletionPort p = port(3);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread t3 = new KernelThread("T3");
        mustWait(p, t1);
        mustWait(p, t2);
        mustWait(p, t3);
        assertEquals(List.of("T3", "T2", "T1"), names(p.waiters()));
        assertEquals(0, p.running());
        obs.clear();

        assertSame(t3, p.post(pkt("A")));
        assertEquals(1, p.running());
        invariants(p);
        assertSame(t2, p.post(pkt("B")));
        assertEquals(2, p.running());
        invariants(p);
        assertSame(t1, p.post(pkt("C")));
        assertEquals(3, p.running());
        invariants(p);
        assertEquals(0, p.depth(), "a handed-off packet never enters the queue");
        assertTrue(p.waiters().isEmpty());

        assertEquals(List.of("T3", "T2", "T1"), obs.releases.stream().map(r -> r.thread().name()).toList());
        assertEquals(List.of("A", "B", "C"), obs.releases.stream().map(r -> label(r.packet())).toList());
        for (Release r : obs.releases) {
            assertEquals(Release.Cause.HANDED_OFF, r.cause());
            assertNull(r.freedBy());
            assertFalse(r.thread().isWaitingOnPort());
            assertTrue(r.thread().countsAsRunning());
        }
        // the port state is reported before the release, and already without the released waiter
        assertEquals(List.of("changed:P", "released:T3", "changed:P", "released:T2", "changed:P", "released:T1"), obs.log);
        assertEquals(List.of("T2", "T1"), obs.changes.get(0).waiters());
    }

    @Test
    @DisplayName("S5: the concurrency limit holds packets back; the remaining waiter is not woken [DOC-IOCP; ROS-queue]")
    void s5LimitHoldsPacketsBack() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread t3 = new KernelThread("T3");
        mustWait(p, t1);
        mustWait(p, t2);
        mustWait(p, t3);
        assertSame(t3, p.post(pkt("A")));
        assertSame(t2, p.post(pkt("B")));
        assertNull(p.post(pkt("C")));
        assertEquals(List.of("C"), labels(p.queue()));
        assertEquals(2, p.running());
        assertEquals(List.of("T1"), names(p.waiters()));
        assertTrue(t1.isWaitingOnPort());
        assertEquals(2, obs.releases.size());
        invariants(p);
    }

    @Test
    @DisplayName("S38: waiting threads never count: three waiters, running 0 [ROS-queue]")
    void s38WaitersNeverCount() {
        CompletionPort p = port(1);
        for (String n : List.of("T1", "T2", "T3")) {
            mustWait(p, new KernelThread(n));
        }
        assertEquals(0, p.running());
        assertEquals(3, p.associated().size());
    }

    // ---------------------------------------------------------------- §2.3 / S7, S8, S10

    @Test
    @DisplayName("S7: a running thread that blocks releases the most recent waiter with the head packet; the cause says why [DOC-IOCP; ROS-wait KiActivateWaiterQueue]")
    void s7BlockingReleasesMostRecentWaiter() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        mustWait(p, t1);
        mustWait(p, t2);
        assertSame(t2, p.post(pkt("A")));
        assertEquals(1, p.running());
        assertNull(p.post(pkt("B")));
        assertEquals(List.of("B"), labels(p.queue()));
        invariants(p);
        obs.clear();

        assertFalse(t2.beginWait(Release.Cause.SLEPT), "T2 was not in a port wait");
        assertEquals(1, p.running(), "0 after T2's sleep, then 1 with T1");
        assertTrue(p.waiters().isEmpty());
        assertEquals(0, p.depth());
        assertEquals(1, obs.releases.size());
        Release r = obs.releases.get(0);
        assertSame(t1, r.thread());
        assertEquals("B", label(r.packet()));
        assertEquals(Release.Cause.SLEPT, r.cause());
        assertSame(t2, r.freedBy());
        assertTrue(t2.isBlocked());
        assertFalse(t2.countsAsRunning());
        assertTrue(t1.countsAsRunning());
        invariants(p);
    }

    @Test
    @DisplayName("S7 (LIFO among several): the blocking thread's slot goes to the most recent of three waiters")
    void s7ReleasesTheMostRecentOfSeveral() {
        CompletionPort p = port(1);
        KernelThread run = new KernelThread("R");
        p.post(pkt("X"));
        assertEquals(List.of("X"), take(p, run, 1));
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread t3 = new KernelThread("T3");
        mustWait(p, t1);
        mustWait(p, t2);
        mustWait(p, t3);
        p.post(pkt("A"));
        p.post(pkt("B"));
        obs.clear();
        run.beginWait(Release.Cause.BLOCKED_IN_IO);
        assertEquals(1, obs.releases.size());
        assertSame(t3, obs.releases.get(0).thread());
        assertEquals("A", label(obs.releases.get(0).packet()));
        assertEquals(Release.Cause.BLOCKED_IN_IO, obs.releases.get(0).cause());
        assertEquals(List.of("T2", "T1"), names(p.waiters()));
        assertEquals(List.of("B"), labels(p.queue()));
        invariants(p);
    }

    @Test
    @DisplayName("S8: when the blocked thread runs again it is counted with no limit check: running exceeds concurrency [DOC-IOCP; ROS-wait KiUnlinkThread]")
    void s8EndWaitOvershoots() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        mustWait(p, t1);
        mustWait(p, t2);
        p.post(pkt("A"));
        p.post(pkt("B"));
        t2.beginWait(Release.Cause.SLEPT);
        obs.clear();
        t2.endWait();
        assertEquals(2, p.running());
        assertTrue(t1.countsAsRunning());
        assertTrue(t2.countsAsRunning());
        assertTrue(obs.releases.isEmpty());
        assertEquals(2, obs.last().running());
        invariants(p);
        // the overshoot blocks new takers until running falls below the limit again
        p.post(pkt("C"));
        KernelThread t3 = new KernelThread("T3");
        mustWait(p, t3);
        assertEquals(List.of("C"), labels(p.queue()));
        // T1 gives up its slot: 2 -> 1, still not below 1, so it waits although C is queued
        mustWait(p, t1);
        assertEquals(1, p.running());
        assertEquals(List.of("T1", "T3"), names(p.waiters()));
        // T2 gives up its slot: 1 -> 0, it takes C itself without waiting
        assertEquals(List.of("C"), take(p, t2, 1));
        assertEquals(1, p.running());
    }

    @Test
    @DisplayName("S10: a blocked thread frees its slot with nothing queued; a post then hands off; the unblock overshoots [ROS-wait; ROS-queue]")
    void s10BlockedThenPostThenUnblock() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("X"));
        assertEquals(List.of("X"), take(p, t1, 1));
        mustWait(p, t2);
        assertEquals(1, p.running());
        obs.clear();
        t1.beginWait(Release.Cause.BLOCKED_IN_IO);
        assertEquals(0, p.running());
        assertTrue(obs.releases.isEmpty(), "nobody is woken when the queue is empty");
        assertEquals(List.of("T2"), names(p.waiters()));
        invariants(p);
        assertSame(t2, p.post(pkt("A")));
        assertEquals(1, p.running());
        invariants(p);
        t1.endWait();
        assertEquals(2, p.running());
        invariants(p);
    }

    @Test
    @DisplayName("§2.3: beginWait/endWait of a thread with no port changes nothing; misuse throws")
    void waitsOfUnassociatedThread() {
        KernelThread t = new KernelThread("T");
        assertFalse(t.beginWait(Release.Cause.SLEPT));
        assertThrows(IllegalStateException.class, () -> t.beginWait(Release.Cause.SLEPT));
        t.endWait();
        assertThrows(IllegalStateException.class, t::endWait);
        assertFalse(t.countsAsRunning());
    }

    // ---------------------------------------------------------------- exit / S11

    @Test
    @DisplayName("S11: ExitThread frees the slot (a waiter gets the queued packet) and ends the association [DOC-IOCP; ROS-thrd KeTerminateThread]")
    void s11ExitFreesSlotAndDisassociates() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("A"));
        assertEquals(List.of("A"), take(p, t1, 1));
        mustWait(p, t2);
        assertNull(p.post(pkt("B")));
        assertEquals(List.of("B"), labels(p.queue()));
        obs.clear();

        t1.exit();
        assertTrue(t1.hasExited());
        assertNull(t1.port());
        assertFalse(p.associated().contains(t1));
        assertFalse(t1.countsAsRunning());
        assertEquals(1, p.running());
        assertEquals(0, p.depth());
        assertEquals(1, obs.releases.size());
        Release r = obs.releases.get(0);
        assertSame(t2, r.thread());
        assertEquals("B", label(r.packet()));
        assertEquals(Release.Cause.EXITED, r.cause());
        assertSame(t1, r.freedBy());
        invariants(p);
        t1.exit(); // a second exit is harmless
        assertEquals(1, p.running());
    }

    @Test
    @DisplayName("S11 variant: a thread that exits while blocked (not counted) does not lower running again")
    void exitWhileBlockedDoesNotDoubleDecrement() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("A"));
        p.post(pkt("B"));
        take(p, t1, 1);
        take(p, t2, 1);
        assertEquals(2, p.running());
        t1.beginWait(Release.Cause.SLEPT);
        assertEquals(1, p.running());
        t1.exit();
        assertEquals(1, p.running());
        assertNull(t1.port());
        invariants(p);
    }

    // ---------------------------------------------------------------- timeouts / S13, S14

    @Test
    @DisplayName("S13: a new thread's GQCS(P, 0) on an empty port times out, associates it, and C=1 [DOC-GQCS; ROS-queue]")
    void s13TimeoutZeroAssociatesAndCounts() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        assertInstanceOf(Removal.TimedOut.class, p.remove(t1, 1, false));
        assertSame(p, t1.port());
        assertTrue(p.associated().contains(t1));
        assertEquals(1, p.running());
        invariants(p);
    }

    @Test
    @DisplayName("S14a: a waiter whose timeout expires leaves the stack and counts as running again (Model decision 3) [ROS-dpc; ROS-wait]")
    void s14aTimeoutCountsAsRunning() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        mustWait(p, t1);
        mustWait(p, t2);
        assertEquals(0, p.running());
        obs.clear();
        p.timeOut(t1); // not the most recent: a timeout takes any waiter out
        assertEquals(1, p.running());
        assertEquals(List.of("T2"), names(p.waiters()));
        assertFalse(t1.isWaitingOnPort());
        assertTrue(t1.countsAsRunning());
        assertSame(p, t1.port());
        assertTrue(obs.releases.isEmpty());
        invariants(p);
        assertThrows(IllegalStateException.class, () -> p.timeOut(t1), "no longer waiting");
    }

    @Test
    @DisplayName("S14a (overshoot): timeouts can push running above the concurrency value [ROS; §8.6]")
    void timeoutsOvershoot() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread t3 = new KernelThread("T3");
        p.post(pkt("X"));
        take(p, t3, 1);
        mustWait(p, t1);
        mustWait(p, t2);
        p.timeOut(t1);
        p.timeOut(t2);
        assertEquals(3, p.running());
        invariants(p);
    }

    @Test
    @DisplayName("S14b: a post during the wait hands the packet to the waiter: C=1, no timeout [DOC-GQCS]")
    void s14bPostBeforeTimeout() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        mustWait(p, t1);
        assertSame(t1, p.post(pkt("A")));
        assertEquals(1, p.running());
        assertThrows(IllegalStateException.class, () -> p.timeOut(t1));
        invariants(p);
    }

    // ---------------------------------------------------------------- switching ports

    @Test
    @DisplayName("§1/§2.2: GQCS on another port switches the association and frees the slot on the old port [DOC-IOCP; ROS-queue KeRemoveQueue]")
    void gqcsOnAnotherPortSwitchesAssociation() {
        CompletionPort p1 = new CompletionPort("P1", 1, 4, obs);
        CompletionPort p2 = new CompletionPort("P2", 1, 4, obs);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p1.post(pkt("A"));
        assertEquals(List.of("A"), take(p1, t1, 1));
        mustWait(p1, t2);
        assertNull(p1.post(pkt("B")));
        invariants(p1, p2);
        obs.clear();

        assertInstanceOf(Removal.MustWait.class, p2.remove(t1, 1, true));
        assertSame(p2, t1.port());
        assertFalse(p1.associated().contains(t1));
        assertTrue(p2.associated().contains(t1));
        assertEquals(1, p1.running(), "T1's slot freed on P1, then T2 counted with B");
        assertEquals(0, p1.depth());
        assertEquals(0, p2.running(), "T1 was never counted on P2 and now waits there");
        assertEquals(List.of("T1"), names(p2.waiters()));
        assertEquals(1, obs.releases.size());
        Release r = obs.releases.get(0);
        assertSame(t2, r.thread());
        assertEquals("B", label(r.packet()));
        assertEquals(Release.Cause.SWITCHED_PORT, r.cause());
        assertSame(t1, r.freedBy());
        assertEquals(List.of("changed:P1", "released:T2", "changed:P2"), obs.log);
        invariants(p1, p2);
    }

    @Test
    @DisplayName("§2.2: switching to a port with packets takes one there without decrementing it")
    void switchingToAPortWithPackets() {
        CompletionPort p1 = new CompletionPort("P1", 2, 4, obs);
        CompletionPort p2 = new CompletionPort("P2", 1, 4, obs);
        KernelThread t1 = new KernelThread("T1");
        p1.post(pkt("A"));
        take(p1, t1, 1);
        p2.post(pkt("B"));
        assertEquals(List.of("B"), take(p2, t1, 1));
        assertEquals(0, p1.running());
        assertEquals(1, p2.running());
        assertTrue(p1.associated().isEmpty());
        invariants(p1, p2);
    }

    // ---------------------------------------------------------------- GQCSEx / §2.6

    @Test
    @DisplayName("§2.6 (Model decision 8): GQCSEx takes min(count, depth) at once and the thread counts once")
    void gqcsExBatch() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        for (String l : List.of("A", "B", "C", "D", "E")) {
            p.post(pkt(l));
        }
        obs.clear();
        assertEquals(List.of("A", "B", "C"), take(p, t1, 3));
        assertEquals(1, p.running());
        assertEquals(1, obs.changes.size(), "one state change for the whole batch");
        assertEquals(List.of("D", "E"), take(p, t1, 4));
        assertEquals(1, p.running());
        assertEquals(0, p.depth());
        assertInstanceOf(Removal.MustWait.class, p.remove(t1, 4, true));
        assertEquals(0, p.running());
        assertSame(t1, p.post(pkt("F")));
        assertEquals(List.of("F"), obs.releases.stream().map(r -> label(r.packet())).toList(),
                "after a wait only the one handed-off packet");
        assertNull(p.post(pkt("G")));
        assertEquals(List.of("G"), labels(p.queue()));
        invariants(p);
    }

    @Test
    @DisplayName("§2.6: GQCSEx at the limit waits even with several packets queued")
    void gqcsExAtTheLimitWaits() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        p.post(pkt("A"));
        p.post(pkt("B"));
        p.post(pkt("C"));
        take(p, t1, 1);
        assertInstanceOf(Removal.MustWait.class, p.remove(t2, 4, true));
        assertEquals(List.of("B", "C"), labels(p.queue()));
        assertInstanceOf(Removal.TimedOut.class, p.remove(new KernelThread("T3"), 4, false));
        invariants(p);
    }

    // ---------------------------------------------------------------- status block / Model decision 7

    @Test
    @DisplayName("Model decision 7: an I/O packet writes Internal/InternalHigh exactly at dequeue [DOC-IOCP]")
    void ioPacketWritesStatusBlockAtDequeue() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        Overlapped ok = new Overlapped("R1");
        Overlapped bad = new Overlapped("R2");
        ok.issue(false);
        bad.issue(false);
        assertTrue(ok.isPending());
        assertEquals(Win32Error.ERROR_IO_PENDING, ok.internal());

        p.post(Packet.ofIo(100, 7, ok, Win32Error.ERROR_SUCCESS));
        p.post(Packet.ofIo(0, 7, bad, Win32Error.ERROR_NETNAME_DELETED));
        assertTrue(ok.isPending(), "queued: not written yet");
        assertEquals(0, ok.internalHigh());
        assertTrue(bad.isPending());

        take(p, t1, 1);
        assertEquals(Win32Error.ERROR_SUCCESS, ok.internal());
        assertEquals(100, ok.internalHigh());
        assertTrue(bad.isPending(), "still queued");

        take(p, t1, 1);
        assertEquals(Win32Error.ERROR_NETNAME_DELETED, bad.internal());
        assertEquals(0, bad.internalHigh());
    }

    @Test
    @DisplayName("Model decision 7: the status block is written at a hand-off and at a slot-freed release, not before")
    void statusBlockAtHandOffAndRelease() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        Overlapped a = new Overlapped("A");
        Overlapped b = new Overlapped("B");
        a.issue(false);
        b.issue(false);
        mustWait(p, t1);
        mustWait(p, t2);
        assertSame(t2, p.post(Packet.ofIo(5, 1, a, Win32Error.ERROR_SUCCESS)));
        assertEquals(5, a.internalHigh());
        assertFalse(a.isPending());
        assertNull(p.post(Packet.ofIo(9, 1, b, Win32Error.ERROR_OPERATION_ABORTED)));
        assertTrue(b.isPending());
        t2.beginWait(Release.Cause.SLEPT);
        assertEquals(Win32Error.ERROR_OPERATION_ABORTED, b.internal());
        assertEquals(9, b.internalHigh());
    }

    @Test
    @DisplayName("DOC-PQCS: a posted packet never writes the status block of the OVERLAPPED it names")
    void postedPacketNeverWritesStatusBlock() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        Overlapped ov = new Overlapped("ov");
        ov.issue(false);
        p.post(Packet.posted(123, 9, ov));
        take(p, t1, 1);
        assertEquals(Win32Error.ERROR_IO_PENDING, ov.internal());
        assertEquals(0, ov.internalHigh());
        mustWait(p, t2);
        p.post(Packet.posted(456, 9, ov));
        assertEquals(Win32Error.ERROR_IO_PENDING, ov.internal());
        assertEquals(0, ov.internalHigh());
        Packet s = Packet.posted(1, 2, null);
        assertTrue(s.succeeded());
        assertFalse(s.fromIo());
    }

    @Test
    @DisplayName("§2.5: packets a close drops are never dequeued: their status blocks stay pending")
    void droppedIoPacketKeepsPendingStatus() {
        CompletionPort p = port(1);
        Overlapped r = new Overlapped("R");
        r.issue(false);
        p.post(Packet.ofIo(3, 1, r, 0));
        List<Packet> dropped = p.close();
        assertEquals(1, dropped.size());
        assertTrue(r.isPending());
    }

    // ---------------------------------------------------------------- suspension of a waiter

    @Test
    @DisplayName("§2.3: a waiter that is suspended leaves the waiter stack without changing running; resume counts it")
    void suspendedWaiterLeavesStack() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread t3 = new KernelThread("T3");
        mustWait(p, t1);
        mustWait(p, t2);
        mustWait(p, t3);
        obs.clear();
        assertTrue(t2.beginWait(Release.Cause.SUSPENDED), "taken out of a port wait: the call is made again later");
        assertEquals(0, p.running());
        assertEquals(List.of("T3", "T1"), names(p.waiters()));
        assertFalse(t2.isWaitingOnPort());
        assertTrue(t2.isBlocked());
        assertSame(p, t2.port(), "still associated");
        assertTrue(obs.releases.isEmpty());
        invariants(p);

        assertSame(t3, p.post(pkt("A")), "the suspended thread is skipped");
        assertNull(p.post(pkt("B")));
        t2.endWait();
        assertEquals(2, p.running());
        invariants(p);
        // the GQCS is made again: same queue, the slot given up first
        assertInstanceOf(Removal.MustWait.class, p.remove(t2, 1, true));
        assertEquals(1, p.running());
        invariants(p);
    }

    @Test
    @DisplayName("§2.3: a suspended waiter that is the only waiter: a post then queues; on resume and retry it takes the packet")
    void suspendedOnlyWaiterThenRetryTakesPacket() {
        CompletionPort p = port(1);
        KernelThread t1 = new KernelThread("T1");
        mustWait(p, t1);
        t1.beginWait(Release.Cause.SUSPENDED);
        assertNull(p.post(pkt("A")));
        assertEquals(List.of("A"), labels(p.queue()));
        t1.endWait();
        assertEquals(1, p.running());
        assertEquals(List.of("A"), take(p, t1, 1));
        assertEquals(1, p.running());
    }

    // ---------------------------------------------------------------- close / S29

    @Test
    @DisplayName("S29: close abandons every waiter, disassociates everyone, drops the queue; later calls get InvalidHandle [DOC-GQCS; WINE-T; Model decision 4]")
    void s29Close() {
        CompletionPort p = port(2);
        KernelThread t1 = new KernelThread("T1");
        KernelThread t2 = new KernelThread("T2");
        KernelThread r1 = new KernelThread("R1");
        KernelThread r2 = new KernelThread("R2");
        KernelThread sleeper = new KernelThread("S");
        p.post(pkt("X1"));
        p.post(pkt("X2"));
        p.post(pkt("X3"));
        take(p, r1, 1);
        take(p, r2, 1);
        r2.beginWait(Release.Cause.SLEPT);   // R2 blocked...
        take(p, sleeper, 1);                 // ...so S takes X3 (running back to 2)
        sleeper.beginWait(Release.Cause.SLEPT);
        r2.endWait();                        // running 2 again: R1, R2
        mustWait(p, t1);
        mustWait(p, t2);
        assertNull(p.post(pkt("Y")));
        assertNull(p.post(pkt("Z")));
        assertEquals(List.of("T2", "T1"), names(p.waiters()));
        assertEquals(List.of("Y", "Z"), labels(p.queue()));
        assertEquals(2, p.running());
        invariants(p);
        obs.clear();

        List<Packet> dropped = p.close();
        assertEquals(List.of("Y", "Z"), labels(dropped));
        assertTrue(p.isClosed());
        assertEquals(0, p.depth());
        assertEquals(0, p.running());
        assertTrue(p.waiters().isEmpty());
        assertTrue(p.associated().isEmpty());
        assertEquals(List.of("T2@P", "T1@P"), obs.abandoned, "every waiter, most recent first");
        assertTrue(obs.releases.isEmpty());
        assertEquals("changed:P", obs.log.get(0));
        assertTrue(obs.last().closed());
        for (KernelThread t : List.of(t1, t2, r1, r2, sleeper)) {
            assertNull(t.port(), t + " still associated");
            assertFalse(t.isWaitingOnPort());
            assertFalse(t.countsAsRunning());
        }
        sleeper.endWait();
        assertEquals(0, p.running(), "a thread waking after the close is no longer counted");

        assertInstanceOf(Removal.InvalidHandle.class, p.remove(r1, 1, true));
        assertInstanceOf(Removal.InvalidHandle.class, p.remove(new KernelThread("T3"), 1, false));
        assertInstanceOf(Removal.InvalidHandle.class, p.remove(t1, 4, true));
        assertEquals(0, p.running());
        assertTrue(p.associated().isEmpty());
        assertThrows(IllegalStateException.class, () -> p.post(pkt("late")));
        assertThrows(IllegalStateException.class, p::close);
    }

    @Test
    @DisplayName("S29: a GQCS on a closed port leaves the thread's association with another port unchanged")
    void invalidHandleDoesNotTouchOtherPort() {
        CompletionPort p1 = new CompletionPort("P1", 1, 4, obs);
        CompletionPort p2 = new CompletionPort("P2", 1, 4, obs);
        KernelThread t = new KernelThread("T");
        p1.post(pkt("A"));
        take(p1, t, 1);
        p2.close();
        assertInstanceOf(Removal.InvalidHandle.class, p2.remove(t, 1, true));
        assertSame(p1, t.port());
        assertEquals(1, p1.running());
        invariants(p1);
    }

    @Test
    @DisplayName("S29: a thread can associate with a new port after its port was closed")
    void reassociateAfterClose() {
        CompletionPort p1 = new CompletionPort("P1", 1, 4, obs);
        CompletionPort p2 = new CompletionPort("P2", 1, 4, obs);
        KernelThread t = new KernelThread("T");
        p1.post(pkt("A"));
        take(p1, t, 1);
        p1.close();
        p2.post(pkt("B"));
        assertEquals(List.of("B"), take(p2, t, 1));
        assertEquals(1, p2.running());
        invariants(p1, p2);
    }
}
