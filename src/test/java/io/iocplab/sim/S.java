package io.iocplab.sim;

import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.PortState;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sim.event.ThreadState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Short step constructors and event filters for the machine tests. */
final class S {
    private S() {}

    static final long INF = Step.INFINITE;
    private static final Step.Source N = Step.Source.NONE;

    static Step gqcs(String port, long timeoutUs) {
        return new Step.GetQueuedCompletionStatus(port, timeoutUs, N);
    }

    static Step gqcs(String port) {
        return gqcs(port, INF);
    }

    static Step gqcsEx(String port, int count, long timeoutUs) {
        return new Step.GetQueuedCompletionStatusEx(port, count, timeoutUs, false, N);
    }

    static Step post(String port, String label) {
        return new Step.PostQueuedCompletionStatus(port, 0, 0, label, N);
    }

    static Step post(String port, long bytes, long key, String label) {
        return new Step.PostQueuedCompletionStatus(port, bytes, key, label, N);
    }

    static Step compute(long us) {
        return new Step.Compute(us, N);
    }

    static Step sleep(long us) {
        return new Step.Sleep(us, N);
    }

    static Step suspend(String thread) {
        return new Step.SuspendThread(thread, N);
    }

    static Step resume(String thread) {
        return new Step.ResumeThread(thread, N);
    }

    static Step exit() {
        return new Step.ExitThread(N);
    }

    static Step close(String port) {
        return new Step.CloseHandle(port, N);
    }

    static Step loop(int times, Step... steps) {
        return new Step.Loop(times, List.of(steps), N);
    }

    static List<Step> prog(Step... steps) {
        return Arrays.asList(steps);
    }

    /** Runs a machine to its end, collecting every event. */
    static final class Run {
        final Machine machine;
        final List<SimEvent> events = new ArrayList<>();

        Run(MachineConfig config) {
            machine = new Machine(config, events::add);
        }

        Run port(String name, int concurrency) {
            machine.createPort(name, concurrency);
            return this;
        }

        Run thread(String name, Step... steps) {
            machine.createThread(name, List.of(steps));
            return this;
        }

        Run go() {
            int guard = 0;
            while (machine.advance()) {
                if (++guard > 1_000_000) {
                    throw new AssertionError("the run does not end");
                }
            }
            return this;
        }

        List<ApiReturn> returns(String thread) {
            return events.stream().filter(e -> e instanceof ApiReturn r && r.thread().equals(thread))
                    .map(e -> (ApiReturn) e).toList();
        }

        List<ApiReturn> returns(String thread, String api) {
            return returns(thread).stream().filter(r -> r.api().name().equals(api)).toList();
        }

        List<PortState> states(String port) {
            return events.stream().filter(e -> e instanceof PortState p && p.port().equals(port))
                    .map(e -> (PortState) e).toList();
        }

        List<ThreadState> threadStates(String thread) {
            return events.stream().filter(e -> e instanceof ThreadState s && s.thread().equals(thread))
                    .map(e -> (ThreadState) e).toList();
        }

        <T extends SimEvent> List<T> of(Class<T> type, Predicate<T> p) {
            return events.stream().filter(type::isInstance).map(type::cast).filter(p).toList();
        }

        int indexOf(SimEvent e) {
            return events.indexOf(e);
        }

        String dump() {
            StringBuilder sb = new StringBuilder();
            for (SimEvent e : events) {
                sb.append(e).append('\n');
            }
            return sb.toString();
        }
    }
}
