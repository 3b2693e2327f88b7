package io.iocplab.lesson.run;

import io.iocplab.kernel.Win32Error;
import io.iocplab.lesson.Goal;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.IoComplete;
import io.iocplab.sim.event.PortDequeue;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether, and at which stop, a run reaches a {@link Goal}: the goal is looked for at the end of every moment (the
 * state a student can land on, read from each port's last {@code port.state} and each thread's last
 * {@code thread.state}), never between the events of one moment.
 *
 * <p>What each goal reads: {@link Goal.QueuedWhileWaiting} and {@link Goal.Overshoot} the port's last state (its
 * queue, waiters, running count and the concurrency value in force); {@link Goal.CleanExit} every thread's last
 * state, the packets made (an {@code io.complete} that made one, a PostQueuedCompletionStatus that returned TRUE)
 * against the packets taken ({@code port.dequeue}), and the operations still pending (a receive, send, AcceptEx or
 * DisconnectEx that returned ERROR_IO_PENDING whose {@code io.complete} has not come).
 */
public final class GoalCheck {
    private final Map<String, PortState> ports = new HashMap<>();
    private final Map<String, ThreadState> threads = new HashMap<>();
    private final Map<String, Integer> pending = new HashMap<>();
    private long made;
    private long taken;

    private GoalCheck() {}

    /** The index of the last event of the first moment at whose end the goal holds, or -1 when no stop has it. */
    public static int firstReached(Goal goal, List<SimEvent> events) {
        GoalCheck state = new GoalCheck();
        for (int i = 0; i < events.size(); i++) {
            state.accept(events.get(i));
            boolean momentEnds = i + 1 == events.size() || events.get(i + 1).moment() != events.get(i).moment();
            if (momentEnds && state.holds(goal)) {
                return i;
            }
        }
        return -1;
    }

    private void accept(SimEvent e) {
        if (e instanceof PortState p) {
            ports.put(p.port(), p);
        } else if (e instanceof ThreadState t) {
            threads.put(t.thread(), t);
        } else if (e instanceof PortDequeue d) {
            taken += d.packets().size();
        } else if (e instanceof IoComplete c) {
            pending.computeIfPresent(c.socket() + "/" + c.overlapped(), (k, n) -> n > 1 ? n - 1 : null);
            made += c.packet() ? 1 : 0;
        } else if (e instanceof ApiReturn r) {
            if (r.api() == Api.PostQueuedCompletionStatus && r.ok()) {
                made++;
            } else if (!r.ok() && r.error() == Win32Error.ERROR_IO_PENDING) {
                String operation = pendingOperation(r.result());
                if (operation != null) {
                    pending.merge(operation, 1, Integer::sum);
                }
            }
        }
    }

    /**
     * The handle and OVERLAPPED an overlapped call's {@code io.complete} will name: the socket for a receive, a send
     * and DisconnectEx, the listening socket for AcceptEx (its packet is the listener's); null for other calls.
     */
    private static String pendingOperation(CallResult result) {
        if (result instanceof CallResult.SocketIo io) {
            return io.socket() + "/" + io.overlapped();
        }
        if (result instanceof CallResult.Accept a) {
            return a.listener() + "/" + a.overlapped();
        }
        if (result instanceof CallResult.Disconnect d) {
            return d.socket() + "/" + d.overlapped();
        }
        return null;
    }

    private boolean holds(Goal goal) {
        if (goal instanceof Goal.QueuedWhileWaiting q) {
            PortState p = ports.get(q.port());
            return p != null && !p.queue().isEmpty() && !p.waiters().isEmpty();
        }
        if (goal instanceof Goal.Overshoot o) {
            PortState p = ports.get(o.port());
            return p != null && p.running() > p.concurrency();
        }
        return !threads.isEmpty() && threads.values().stream().allMatch(t -> t.state() == ThreadState.State.EXITED)
                && made == taken && pending.isEmpty();
    }
}
