package io.iocplab.timeline;

import io.iocplab.sim.Connection;
import io.iocplab.sim.ConnectionException;
import io.iocplab.sim.Machine;
import io.iocplab.sim.MachineConfig;
import io.iocplab.sim.Peer;
import io.iocplab.sim.Step;
import io.iocplab.sim.event.SimEvent;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small real runs of {@link Machine} for the timeline tests: step constructors (times in µs, no
 * source position) and the scenarios the tests share. Every run uses {@link MachineConfig#defaults()}
 * (4 processors, calls cost 1 µs).
 */
final class Runs {
    private Runs() {}

    static final Step.Source N = Step.Source.NONE;
    static final int CPUS = MachineConfig.defaults().cpus();

    static Step gqcs(String port) {
        return new Step.GetQueuedCompletionStatus(port, Step.INFINITE, N);
    }

    static Step gqcs(String port, long timeoutUs) {
        return new Step.GetQueuedCompletionStatus(port, timeoutUs, N);
    }

    static Step gqcsEx(String port, int count) {
        return new Step.GetQueuedCompletionStatusEx(port, count, Step.INFINITE, false, N);
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

    static Step close(String port) {
        return new Step.CloseHandle(port, N);
    }

    static Step recv(String socket, String overlapped, Integer... lengths) {
        return new Step.WSARecv(socket, List.of(lengths),
                overlapped == null ? null : new Step.OverlappedArg(overlapped, false), 0, false, N);
    }

    /** A machine being set up; {@link #run()} runs it to its end and returns every event. */
    static final class Run {
        final Machine machine;
        final List<SimEvent> events = new ArrayList<>();

        Run() {
            this(MachineConfig.defaults().cpus());
        }

        /** A machine with this many processors. */
        Run(int cpus) {
            machine = new Machine(MachineConfig.defaults().withCpus(cpus), events::add);
        }

        Run(FakeConnections net) {
            machine = new Machine(MachineConfig.defaults(), events::add, net);
        }

        Run port(String name, int concurrency) {
            machine.createPort(name, concurrency);
            return this;
        }

        Run socket(String name, String port, long key, Peer peer) {
            machine.createSocket(name, port, key, peer);
            return this;
        }

        Run thread(String name, Step... steps) {
            machine.createThread(name, Arrays.asList(steps));
            return this;
        }

        List<SimEvent> run() {
            machine.run();
            machine.close();
            return List.copyOf(events);
        }
    }

    /**
     * S5: concurrency 2; T1, T2, T3 wait; main posts A, B, C at 10 µs. A goes to T3 and B to T2
     * (LIFO hand-offs), C stays queued because the count is at 2. T3 and T2 compute 1 ms and
     * exit; T3's exit releases T1 with C.
     */
    static List<SimEvent> s5() {
        return new Run().port("P", 2)
                .thread("T1", gqcs("P"), compute(1_000))
                .thread("T2", gqcs("P"), compute(1_000))
                .thread("T3", gqcs("P"), compute(1_000))
                .thread("main", compute(10), post("P", "A"), post("P", "B"), post("P", "C"))
                .run();
    }

    /**
     * S7-like: concurrency 1; T2 (the most recent waiter) gets A by hand-off, B is queued; T2 Sleeps
     * 100 µs, which frees the slot: T1 is released with B (slept, freed by T2). T2 wakes while T1
     * runs: 2 of 1, an overshoot.
     */
    static List<SimEvent> s7() {
        return new Run().port("P", 1)
                .thread("T1", gqcs("P"), compute(1_000))
                .thread("T2", gqcs("P"), sleep(100), compute(10))
                .thread("M", compute(10), post("P", "A"), post("P", "B"))
                .run();
    }

    /** The index of the first event matching, plus one: the step at which it has been applied. */
    static int stepAfter(List<SimEvent> events, java.util.function.Predicate<SimEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i + 1;
            }
        }
        throw new AssertionError("no such event in\n" + dump(events));
    }

    /** The stop at which the first event matching p is shown: the end of its moment (a step). */
    static int stopAfter(List<SimEvent> events, java.util.function.Predicate<SimEvent> p) {
        int i = stepAfter(events, p) - 1;
        while (i + 1 < events.size() && events.get(i + 1).moment() == events.get(i).moment()) {
            i++;
        }
        return i + 1;
    }

    static String dump(List<SimEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            sb.append(i).append(": ").append(events.get(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * In-memory connections for the machine: what the peer sends is what the server reads, in
     * order, and the other way round. No real sockets (the timeline only folds events). A dynamic
     * proxy, so that a method added to {@link Connection} later does nothing here rather than
     * breaking the build: only the methods that move bytes or name ports do anything.
     */
    static final class FakeConnections implements Connection.Factory {
        private int nextPort = 50_000;

        @Override
        public Connection open(String socket) {
            int server = nextPort++;
            int peer = nextPort++;
            Pipe pipe = new Pipe();
            InvocationHandler h = (proxy, method, args) -> switch (method.getName()) {
                case "serverPort" -> server;
                case "peerPort" -> peer;
                case "serverReceive" -> pipe.serverReceive((int[]) args[0], (int) args[1]);
                case "serverSend" -> {
                    for (byte[] b : (byte[][]) args[0]) {
                        pipe.toPeer.writeBytes(b);
                    }
                    yield null;
                }
                case "peerSend" -> {
                    pipe.toServer.writeBytes((byte[]) args[0]);
                    yield null;
                }
                case "peerReceive" -> pipe.peerReceive((byte[]) args[0]);
                case "toString" -> "fake connection " + socket;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, h);
        }

        /** Listeners are not faked: the timeline's tests run no scenario with one. */
        @Override
        public Connection.Listener listen(String name) {
            throw new UnsupportedOperationException("no fake listeners");
        }

        @Override
        public void close() {
        }
    }

    /** The two directions of one fake connection. */
    private static final class Pipe {
        final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        final ByteArrayOutputStream toPeer = new ByteArrayOutputStream();
        private int serverRead;
        private int peerRead;

        byte[][] serverReceive(int[] lengths, int count) throws ConnectionException {
            byte[] all = toServer.toByteArray();
            if (all.length - serverRead < count) {
                throw new ConnectionException("not enough bytes");
            }
            byte[][] out = new byte[lengths.length][];
            int left = count;
            for (int i = 0; i < lengths.length; i++) {
                int n = Math.min(left, lengths[i]);
                out[i] = Arrays.copyOfRange(all, serverRead, serverRead + n);
                serverRead += n;
                left -= n;
            }
            return out;
        }

        Object peerReceive(byte[] expected) throws ConnectionException {
            byte[] all = toPeer.toByteArray();
            byte[] out = Arrays.copyOfRange(all, peerRead, peerRead + expected.length);
            peerRead += expected.length;
            if (!Arrays.equals(out, expected)) {
                throw new ConnectionException("the peer did not receive what the server sent");
            }
            return null;
        }
    }
}
