package io.iocplab.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An I/O completion port: the kernel queue object (KQUEUE) behind the handle that
 * {@code CreateIoCompletionPort} returns (iocp-semantics.md §1, §2).
 *
 * <h2>State</h2>
 * <ul>
 *   <li>{@code queue}: completion packets, added at the tail and removed from the head: <b>FIFO</b>
 *       [DOC-IOCP; ROS-queue {@code KiInsertQueue}].</li>
 *   <li>{@code waiters}: threads blocked in GetQueuedCompletionStatus; the head is the most recent,
 *       and every release takes the head: <b>LIFO</b> (Model decision 2) [DOC-IOCP; ROS-queue; WINE-T].</li>
 *   <li>{@code concurrency}: NumberOfConcurrentThreads, the number of processors when 0
 *       [DOC-CICP; ROS-queue {@code KeInitializeQueue}].</li>
 *   <li>{@code running}: CurrentCount, the associated threads that are not waiting [ROS].</li>
 *   <li>{@code associated}: the threads whose {@code Thread->Queue} is this port [DOC-IOCP].</li>
 * </ul>
 *
 * <h2>Invariants, true after every public method</h2>
 * <ol>
 *   <li>{@code running == |{t in associated : t.countsAsRunning()}|}.</li>
 *   <li>Never {@code running < concurrency} with both a queued packet and a waiter: every transition
 *       that lowers {@code running} looks for a waiter to release, so a hand-off never overtakes the
 *       queue [ROS-queue; INF].</li>
 *   <li>Every packet posted is either in the queue or in exactly one thread's hands; none is
 *       duplicated or lost, except the queue a close discards [ROS-iocomp {@code IopDeleteIoCompletion}].</li>
 * </ol>
 * The concurrency limit is enforced (Model decision 1), unlike Wine, which ignores it [WINE-srv].
 */
public final class CompletionPort {
    private final String name;
    private final int concurrency;
    private final PortObserver observer;
    private static final Packet[] NO_PACKETS = new Packet[0];

    private final ArrayDeque<Packet> queue = new ArrayDeque<>();
    /** Packets that have left the queue (taken by a thread, or dropped when the port closed), ever. */
    private long left;
    private final ArrayDeque<KernelThread> waiters = new ArrayDeque<>();
    private final Set<KernelThread> associated = new LinkedHashSet<>();
    private int running;
    private boolean closed;

    /**
     * CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, numberOfConcurrentThreads).
     *
     * @param numberOfConcurrentThreads the concurrency value asked for; 0 means the number of processors
     */
    public CompletionPort(String name, int numberOfConcurrentThreads, int processors, PortObserver observer) {
        if (numberOfConcurrentThreads < 0 || processors < 1) {
            throw new IllegalArgumentException("concurrency must be >= 0 and processors >= 1");
        }
        this.name = name;
        this.concurrency = concurrencyInForce(numberOfConcurrentThreads, processors);
        this.observer = observer;
    }

    /** The concurrency value a port enforces when asked for {@code requested}: 0 means the processors. [DOC-CICP; ROS-queue] */
    public static int concurrencyInForce(int requested, int processors) {
        return requested == 0 ? processors : requested;
    }

    public String name() { return name; }

    /** MaximumCount: the concurrency value in force. */
    public int concurrency() { return concurrency; }

    /** CurrentCount: associated threads that are running or ready (it may exceed the concurrency value). */
    public int running() { return running; }

    public boolean isClosed() { return closed; }

    /** The queued packets, head (next to leave) first. */
    public List<Packet> queue() { return List.copyOf(queue); }

    public int depth() { return queue.size(); }

    /** The queued packets, head first, copied into a new array: one snapshot per change, at the cost of one array copy. */
    public Packet[] queueArray() { return queue.toArray(NO_PACKETS); }

    /**
     * How many packets have left the queue so far. The queue is FIFO, so it always holds the packets that
     * joined it in places {@code left() .. left() + depth() - 1} (counting from 0, in the order they joined).
     */
    public long left() { return left; }

    /** The waiting threads, most recent (next to be released) first. */
    public List<KernelThread> waiters() { return List.copyOf(waiters); }

    public Set<KernelThread> associated() { return Collections.unmodifiableSet(associated); }

    /**
     * Whether the port would let one more thread take a packet now: the rule both for a post
     * (§2.1) and for a thread calling GetQueuedCompletionStatus (§2.2) [DOC-IOCP; ROS-queue].
     */
    public boolean belowLimit() {
        return belowLimit(running, concurrency);
    }

    /** The limit rule on plain numbers, for whoever explains a port from a picture of it. */
    public static boolean belowLimit(int running, int concurrency) {
        return running < concurrency;
    }

    // ---------------------------------------------------------------- §2.1 inserting a packet

    /**
     * PostQueuedCompletionStatus, or an I/O completion on an associated handle ({@code KiInsertQueue}).
     * If the running count is below the concurrency value and a thread waits, the most recent waiter
     * receives the packet directly and is counted now; otherwise the packet joins the tail of the queue.
     *
     * @return the thread the packet was handed to, or null when it was queued
     * @throws IllegalStateException when the port is closed (the caller reports ERROR_INVALID_HANDLE)
     */
    public KernelThread post(Packet packet) {
        requireOpen();
        if (belowLimit() && !waiters.isEmpty()) {
            KernelThread t = waiters.pop();                          // LIFO [DOC-IOCP; ROS-queue]
            t.waitingOnPort = false;
            running++;                                               // counted at post time [ROS-queue]
            packet.dequeued();
            observer.portChanged(this);
            observer.released(new Release(t, packet, Release.Cause.HANDED_OFF, null));
            return t;
        }
        queue.addLast(packet);                                       // FIFO [DOC-IOCP]
        observer.portChanged(this);
        return null;
    }

    // ---------------------------------------------------------------- §2.2 GetQueuedCompletionStatus(Ex)

    /**
     * A thread calls GetQueuedCompletionStatus ({@code count == 1}) or GetQueuedCompletionStatusEx
     * on this port ({@code KeRemoveQueue}).
     *
     * <ol>
     *   <li>A thread already associated here gives up the slot of its previous packet
     *       ("same queue": running - 1) [ROS-queue].</li>
     *   <li>A thread associated elsewhere leaves that port, freeing its slot there, and becomes
     *       associated here, not counted yet [DOC-IOCP; ROS-queue].</li>
     *   <li>If running &lt; concurrency and packets are queued, it takes up to {@code count} from the
     *       head and counts as running: no wait, no context switch [DOC-IOCP; DOC-GQCSEx].</li>
     *   <li>Otherwise, with a zero timeout, it times out and counts as running again (Model decision 3).</li>
     *   <li>Otherwise it becomes the most recent waiter, even if packets are queued [DOC-IOCP].</li>
     * </ol>
     */
    public Removal remove(KernelThread thread, int count, boolean mayWait) {
        if (closed) {
            return new Removal.InvalidHandle();                      // [WINE-T; DOC-GQCS]
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        thread.interruptedOn = null;                                 // the call is being made (again) now
        if (thread.port == this) {
            running--;                                               // "same queue" [ROS-queue]
        } else {
            if (thread.port != null) {
                thread.port.disassociate(thread, true, Release.Cause.SWITCHED_PORT);
            }
            thread.port = this;
            associated.add(thread);
        }
        if (belowLimit() && !queue.isEmpty()) {
            List<Packet> taken = new ArrayList<>(Math.min(count, queue.size()));
            while (taken.size() < count && !queue.isEmpty()) {
                Packet p = queue.removeFirst();                      // FIFO
                left++;
                p.dequeued();
                taken.add(p);
            }
            running++;                                               // one thread, counted once [INF §2.6]
            observer.portChanged(this);
            return new Removal.Dequeued(taken);
        }
        if (!mayWait) {
            running++;                                               // timeout 0: counts again [ROS; Model decision 3]
            observer.portChanged(this);
            return new Removal.TimedOut();
        }
        waiters.push(thread);                                        // most recent on top [ROS-queue]
        thread.waitingOnPort = true;
        observer.portChanged(this);
        return new Removal.MustWait();
    }

    /**
     * A waiter's timeout expired ({@code KiTimerExpiration → KiUnlinkThread}): it leaves the stack and
     * counts as running again, unconditionally (Model decision 3) [ROS-dpc; ROS-wait].
     */
    public void timeOut(KernelThread thread) {
        leaveWait(thread);
    }

    /**
     * An alertable waiter (GetQueuedCompletionStatusEx with fAlertable) is woken by an APC: like a timeout, it
     * leaves the stack and counts as running again, unconditionally [ROS-wait {@code KiUnlinkThread}; WINE-kb:
     * STATUS_USER_APC becomes FALSE with WAIT_IO_COMPLETION].
     */
    public void alerted(KernelThread thread) {
        leaveWait(thread);
    }

    private void leaveWait(KernelThread thread) {
        if (!thread.waitingOnPort || thread.port != this || !waiters.remove(thread)) {
            throw new IllegalStateException(thread + " is not waiting on " + name);
        }
        thread.waitingOnPort = false;
        running++;
        observer.portChanged(this);
    }

    // ---------------------------------------------------------------- §2.3 a running thread stops

    /**
     * {@code KiActivateWaiterQueue}: an associated, running thread stops running (a wait, exit, a
     * switch of ports). Its slot is freed; if a packet is queued and a thread waits, the most recent
     * waiter gets the head packet [DOC-IOCP; ROS-queue].
     */
    void activateWaiter(Release.Cause cause, KernelThread stopped) {
        running--;
        Release release = null;
        if (belowLimit() && !queue.isEmpty() && !waiters.isEmpty()) {
            KernelThread t = waiters.pop();                          // LIFO
            Packet p = queue.removeFirst();                          // FIFO
            left++;
            t.waitingOnPort = false;
            running++;                                               // via KiUnlinkThread [ROS-wait]
            p.dequeued();
            release = new Release(t, p, cause, stopped);
        }
        observer.portChanged(this);
        if (release != null) {
            observer.released(release);
        }
    }

    /** A blocked associated thread runs again: counted with no limit check [ROS-wait {@code KiUnlinkThread}]. */
    void countAgain(KernelThread thread) {
        running++;
        observer.portChanged(this);
    }

    /** A thread waiting here is pulled out of its wait into another (suspension); it was not counted. */
    void withdrawWaiter(KernelThread thread) {
        waiters.remove(thread);
        thread.waitingOnPort = false;
        observer.portChanged(this);
    }

    /** The thread's association with this port ends (exit, or a GQCS on another port). */
    void disassociate(KernelThread thread, boolean wasCounted, Release.Cause cause) {
        associated.remove(thread);
        thread.port = null;
        if (wasCounted) {
            activateWaiter(cause, thread);
        } else {
            observer.portChanged(this);
        }
    }

    // ---------------------------------------------------------------- §2.5 closing the port

    /**
     * CloseHandle on the last handle to the port, Windows Vista and later (Model decision 4):
     * every waiter returns FALSE, NULL, ERROR_ABANDONED_WAIT_0 (also one whose wait a suspension
     * interrupted: its call is still outstanding); every thread is disassociated;
     * the queued packets are dropped; the handle becomes invalid (later calls get ERROR_INVALID_HANDLE)
     * [DOC-GQCS; WINE-T; ROS-iocomp {@code IopDeleteIoCompletion}].
     *
     * @return the packets that were still queued and are now discarded
     */
    public List<Packet> close() {
        requireOpen();
        closed = true;
        List<KernelThread> abandoned = new ArrayList<>(waiters);
        waiters.clear();
        for (Iterator<KernelThread> it = associated.iterator(); it.hasNext(); ) {
            KernelThread t = it.next();
            if (t.interruptedOn == this) {
                abandoned.add(t);
                t.interruptedOn = null;
            }
            t.port = null;
            t.waitingOnPort = false;
            it.remove();
        }
        List<Packet> dropped = List.copyOf(queue);
        left += dropped.size();
        queue.clear();
        running = 0;
        observer.portChanged(this);
        for (KernelThread t : abandoned) {
            observer.abandoned(t, this);
        }
        return dropped;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("port " + name + " is closed");
        }
    }

    @Override
    public String toString() {
        return name + "{concurrency=" + concurrency + ", running=" + running + ", queue=" + queue.size()
                + ", waiters=" + waiters + "}";
    }
}
