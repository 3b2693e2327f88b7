package io.iocplab.net;

import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One of the network's two threads of its own ({@link LoopbackNetwork}): the peers' ({@code iocplab-peers-N}: what
 * a peer sends and receives) and the server side's sends ({@code iocplab-sends-N}: the bytes of WSASend). Their
 * system calls overlap the machine's (the server side's receives), as a real client and server run side by side,
 * and the machine itself has no thread and waits for none of them (with the trace on or off alike).
 *
 * <p>The machine still decides everything: <em>when</em> each operation happens (virtual time), how many bytes it
 * carries, and which bytes they are (the model knows what the peer sends and what the server sent). This thread
 * only writes and reads them for real, and checks what it reads, in the order it was handed the operations. It can
 * do that late without changing the run, because nothing the machine decides depends on it: a peer's receive is
 * queued only after the server's send of what it reads, a wait for bytes another thread has still to write or
 * read is bounded in real time and wakes the other threads first ({@link #nudge()}), and the machine waits for
 * this thread only at fixed points ({@link #checkpoint()}, {@link #drain()}).
 *
 * <p>The thread is not woken for each operation (that would cost a system call each): when it finds nothing
 * queued it sleeps a fifth of a millisecond, then takes everything queued meanwhile.
 *
 * <p>Rules:
 * <ul>
 *   <li>Operations run one at a time, in the order they were queued: the bytes of one side reach its socket in
 *       the order the model sent them.</li>
 *   <li>The first operation that fails (a connection error, a byte that differs from what the server sent)
 *       is kept, and the ones after it still run, their failures ignored. The machine learns of it at fixed
 *       points of the run, never in between: {@link #checkpoint()}, which a peer's close or reset and the
 *       end of the run call, waits for every queued operation and then throws that failure. So a run fails
 *       at the same action whatever the threads' timing was. Only when the run fails for another reason
 *       first does the machine take this failure, if there is one, as the cause ({@link #failure()}).</li>
 *   <li>{@link #drain()} waits for every queued operation without throwing: a close of the server side
 *       must not take away bytes a queued receive has still to read, nor come before a queued send.</li>
 *   <li>Its waits are on a selector of its own ({@link #selector()}), opened at its first wait.</li>
 *   <li>{@link #close()} skips what is still queued and waits for the thread to end; it is idempotent.
 *       The thread is started with the first operation.</li>
 * </ul>
 */
final class NetThread implements AutoCloseable {
    /** A real socket operation. */
    @FunctionalInterface
    interface Operation {
        void run() throws NetException;
    }

    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();
    /** How often {@link #drain()} looks before it sleeps between looks (a few microseconds). */
    private static final int SPINS = 200;
    /** How long the thread sleeps when it finds nothing queued: it is not woken for each operation. */
    private static final long IDLE_NANOS = 200_000;

    private final String name;
    private final String work;
    private final ConcurrentLinkedQueue<Operation> queue = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private volatile Selector selector;
    private long queued;
    private volatile long done;
    private volatile boolean closed;
    private volatile NetException failure;

    /**
     * @param name what the thread is called ({@code iocplab-NAME-N})
     * @param work what it does, for messages ("its peers can no longer send or receive")
     */
    NetThread(String name, String work) {
        this.name = name;
        this.work = work;
    }

    /** Queues an operation; it runs after every operation queued before it. Only the machine's thread queues. */
    void submit(Operation operation) throws NetException {
        if (closed) {
            throw new NetException("", NetException.Kind.CLOSED, "the network is closed: " + work);
        }
        if (thread == null) {
            Thread t = new Thread(this::work, "iocplab-" + name + "-" + THREAD_NUMBERS.incrementAndGet());
            t.setDaemon(true);
            thread = t;
            t.start();
        }
        queued++;
        queue.offer(operation);
    }

    /** The first failure so far, or null; unlike {@link #checkpoint()} it does not wait (for a run already failing). */
    NetException failure() {
        return failure;
    }

    /** Waits until every queued operation has run, then throws the first failure, if there was one. */
    void checkpoint() throws NetException {
        drain();
        NetException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /** Wakes the thread if it sleeps with work queued: another thread is about to wait for that work. */
    void nudge() {
        Thread t = thread;
        if (t != null && !queue.isEmpty()) {
            LockSupport.unpark(t);
        }
    }

    /** Waits until every queued operation has run. Only the machine's thread drains. */
    void drain() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        for (int spins = 0; t != null && done < queued && !closed && t.isAlive(); spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
        if (done < queued && !closed) {
            throw new IllegalStateException("the network's thread " + t.getName() + " ended with work queued");
        }
    }

    /** The selector this thread's waits are on, or null before its first wait (the network opens it). */
    Selector selector() {
        return selector;
    }

    /** Set once, by this thread, at its first wait. */
    void selector(Selector opened) {
        selector = opened;
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        queue.clear();
    }

    private void work() {
        while (!closed) {
            Operation op = next();
            if (op == null) {
                continue;
            }
            try {
                op.run();
            } catch (NetException e) {
                failed(e);
            } catch (RuntimeException e) {
                failed(new NetException("", NetException.Kind.IO, "a real socket operation failed: " + e, e));
            }
            done++;                    // only this thread writes it
        }
    }

    private void failed(NetException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** The next operation, or null after a short sleep when none is queued. */
    private Operation next() {
        Operation op = queue.poll();
        if (op == null) {
            LockSupport.parkNanos(this, IDLE_NANOS);
        }
        return op;
    }
}
