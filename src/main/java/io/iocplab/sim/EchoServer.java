package io.iocplab.sim;

/**
 * The echo-server workload of a scenario's {@code echo:} block (see the scenario contract's
 * extensions): {@code clients} peers each send {@code messages} messages of {@code size} bytes,
 * each a think time after the previous echo; {@code workers} threads run the canonical worker loop
 * on {@code port}, computing {@code computeUs} per packet and, when {@code blockEvery > 0}, making a
 * blocking call of {@code blockUs} every {@code blockEvery} packets.
 *
 * <p>Client i's socket is named {@code C<i>} and associated with completion key i; key 0 is the
 * shutdown key. With {@code acceptEx} the server accepts its clients as real IOCP servers do: the clients
 * ({@code client1..}) connect to the listener {@code L} (completion key {@link #listenKey()}), main issues one
 * AcceptEx per client socket, and the worker that takes an accept's packet associates the socket and reads.
 */
public record EchoServer(String port, int workers, int clients, int messages, int size, long thinkUs,
                         long startUs, long computeUs, int blockEvery, long blockUs, boolean acceptEx) {

    /** The workload whose sockets are connected from the start (no AcceptEx). */
    public EchoServer(String port, int workers, int clients, int messages, int size, long thinkUs, long startUs,
                      long computeUs, int blockEvery, long blockUs) {
        this(port, workers, clients, messages, size, thinkUs, startUs, computeUs, blockEvery, blockUs, false);
    }

    public EchoServer {
        if (workers < 1 || clients < 1 || messages < 1 || size < 1) {
            throw new IllegalArgumentException("workers, clients, messages and size must be at least 1");
        }
        if (thinkUs < 0 || startUs < 0 || computeUs < 0 || blockEvery < 0 || blockUs < 0) {
            throw new IllegalArgumentException("times and counts must not be negative");
        }
    }

    public String socketName(int client) {
        return "C" + client;
    }

    public String workerName(int worker) {
        return "W" + worker;
    }

    /** The AcceptEx variant's listener. */
    public String listenerName() {
        return "L";
    }

    /** The AcceptEx variant's client i, which connects to the listener. */
    public String clientName(int client) {
        return "client" + client;
    }

    /** The AcceptEx variant's listener key: after every client's key, so that none is taken twice. */
    public long listenKey() {
        return clients + 1L;
    }

    /** The same workload, accepting its clients with AcceptEx or not. */
    public EchoServer withAcceptEx(boolean accept) {
        return new EchoServer(port, workers, clients, messages, size, thinkUs, startUs, computeUs, blockEvery, blockUs,
                accept);
    }

    /**
     * The same workload with other work in its workers (a what-if from a moment on): their Compute per packet, and
     * a blocking call every {@code every} packets (0: none) for {@code blockUs}.
     */
    public EchoServer withWork(long compute, int every, long block) {
        return new EchoServer(port, workers, clients, messages, size, thinkUs, startUs, compute, every, block,
                acceptEx);
    }

    /** The C of a worker thread of this workload, as {@code EchoWorkerProgram} runs it (the same step numbers). */
    public void writeWorker(CCode.Writer w, String thread) {
        EchoWorkerProgram.write(w, thread, this);
    }

    /** The C of the workload's main thread, as {@code EchoMainProgram} runs it (the same step numbers). */
    public void writeMain(CCode.Writer w) {
        EchoMainProgram.write(w, this);
    }

    /** The C of live mode's main thread, as {@code LiveMainProgram} runs it (the same step numbers). */
    public void writeLiveMain(CCode.Writer w) {
        LiveMainProgram.write(w, this);
    }

    /** The OVERLAPPED of client i's receives and sends: one per operation, as the per-I/O context. */
    static String recvOverlapped(String socket) {
        return "recv:" + socket;
    }

    static String sendOverlapped(String socket) {
        return "send:" + socket;
    }

    /** The OVERLAPPED of the AcceptEx that accepts client i into socket {@code socket}. */
    static String acceptOverlapped(String socket) {
        return "accept:" + socket;
    }
}
