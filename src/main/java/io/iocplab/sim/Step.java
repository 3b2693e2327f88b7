package io.iocplab.sim;

import io.iocplab.sim.event.Api;
import java.util.List;

/**
 * One step of a simulated thread's program: a Win32/Winsock call, or Compute, or a Loop.
 * The names are the Win32 names, as in scenario files (scenario-and-trace.md, "Steps").
 * Times are virtual microseconds; {@link #INFINITE} is the INFINITE timeout.
 *
 * <p>Every step knows where it was written ({@link Source}), so a lesson, the code view and an error
 * message can point at it.
 */
public sealed interface Step {

    /** INFINITE (0xFFFFFFFF): a wait that never times out. */
    long INFINITE = -1;

    /** Where the step was written: line and column in its file, 1-based; {@link #NONE} when built in code. */
    record Source(int line, int column) {
        public static final Source NONE = new Source(0, 0);
    }

    Source source();

    /** The call this step makes: each record is named exactly as its call (a {@link Loop} makes none). */
    default Api api() {
        return Api.valueOf(getClass().getSimpleName());
    }

    record GetQueuedCompletionStatus(String port, long timeoutUs, Source source) implements Step {}

    record GetQueuedCompletionStatusEx(String port, int count, long timeoutUs, boolean alertable, Source source)
            implements Step {}

    /** {@code overlapped} is the label passed as the pointer, or null; the system never looks at it. */
    record PostQueuedCompletionStatus(String port, long bytes, long key, String overlapped, Source source)
            implements Step {}

    /** Uses the processor for that long; not a wait. */
    record Compute(long us, Source source) implements Step {}

    /** A wait, as Sleep(); Sleep(0) only yields the processor. */
    record Sleep(long us, Source source) implements Step {}

    /**
     * HeapFree (or delete): the program frees the per-socket context completion key {@code key} points to, or the
     * memory named {@code buffer}, or the per-I/O context holding OVERLAPPED {@code overlapped}; exactly one is set.
     */
    record HeapFree(Long key, String buffer, String overlapped, Source source) implements Step {}

    /** SleepEx: a wait of {@code us} (or {@link #INFINITE}); an alertable one ends when APCs are queued, and runs them. */
    record SleepEx(long us, boolean alertable, Source source) implements Step {}

    /** QueueUserAPC: queues a user APC to the thread. */
    record QueueUserAPC(String thread, Source source) implements Step {}

    record SuspendThread(String thread, Source source) implements Step {}

    record ResumeThread(String thread, Source source) implements Step {}

    record ExitThread(Source source) implements Step {}

    /** CloseHandle on a completion port. */
    record CloseHandle(String port, Source source) implements Step {}

    /**
     * CreateIoCompletionPort(socket, port, key, 0): associates a socket with an existing port at run
     * time. {@code socket} may be {@link #INVALID_HANDLE_VALUE}, which with an existing port fails.
     */
    record CreateIoCompletionPort(String socket, String port, long key, Source source) implements Step {
        public static final String INVALID_HANDLE_VALUE = "INVALID_HANDLE_VALUE";
    }

    /** An OVERLAPPED argument: the label, and whether its hEvent has the low-order bit set. */
    record OverlappedArg(String label, boolean hEventLowBit) {}

    /**
     * {@code overlapped} null means a blocking call. {@code flags} is 0 or {@link #MSG_PEEK} (a blocking call only);
     * WSABUFs of length 0 only make the zero-byte receive.
     */
    record WSARecv(String socket, List<Integer> buffers, OverlappedArg overlapped, int flags,
                   boolean completionRoutine, String buffer, Source source) implements Step {
        /** MSG_PEEK: the data is copied, and stays in the socket [DOC-WSARecv]. */
        public static final int MSG_PEEK = 0x2;

        /** A receive whose WSABUFs point to memory the program does not name. */
        public WSARecv(String socket, List<Integer> buffers, OverlappedArg overlapped, int flags,
                       boolean completionRoutine, Source source) {
            this(socket, buffers, overlapped, flags, completionRoutine, null, source);
        }

        public boolean peek() {
            return (flags & MSG_PEEK) != 0;
        }
    }

    /** {@code buffer}, for WSARecv too: the name of the memory its WSABUFs point to, or null (not watched). */
    record WSASend(String socket, List<String> buffers, OverlappedArg overlapped, boolean completionRoutine,
                   String buffer, Source source) implements Step {
        /** A send whose WSABUFs point to memory the program does not name. */
        public WSASend(String socket, List<String> buffers, OverlappedArg overlapped, boolean completionRoutine,
                       Source source) {
            this(socket, buffers, overlapped, completionRoutine, null, source);
        }
    }

    record WSAGetOverlappedResult(String socket, String overlapped, Source source) implements Step {}

    /** {@code overlapped} null cancels every request on the socket. */
    record CancelIoEx(String socket, String overlapped, Source source) implements Step {}

    record SetFileCompletionNotificationModes(String socket, boolean skipCompletionPortOnSuccess,
                                              boolean skipSetEventOnHandle, Source source) implements Step {}

    /** closesocket on a socket or a listener. */
    record closesocket(String socket, Source source) implements Step {}

    /**
     * AcceptEx(listen, socket, ...): accepts the next connection on the listener into the socket, waiting
     * for {@code receive} bytes of first data (0: none); overlapped only.
     */
    record AcceptEx(String listen, String socket, int receive, OverlappedArg overlapped, Source source)
            implements Step {}

    /** DisconnectEx(socket, overlapped, reuse ? TF_REUSE_SOCKET : 0): overlapped only. */
    record DisconnectEx(String socket, boolean reuse, OverlappedArg overlapped, Source source) implements Step {}

    /**
     * WaitForSingleObject on an event the run itself signals; used by workloads, not written in
     * scenario files. {@link #ALL_CLIENTS_GONE} is set once every socket of the run is closed.
     */
    record WaitForSingleObject(String event, Source source) implements Step {
        public static final String ALL_CLIENTS_GONE = "hAllClientsGone";
        /** Live mode: a semaphore released once for each client the listener accepted. */
        public static final String CLIENT_ACCEPTED = "hClientAccepted";
    }

    /** Repeats its steps {@code times} times, or forever when {@code times} is null. */
    record Loop(Integer times, List<Step> steps, Source source) implements Step {
        @Override
        public Api api() {
            throw new UnsupportedOperationException("a Loop is not a call: the program cursor enters it");
        }
    }
}
