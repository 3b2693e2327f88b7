package io.iocplab.sim.event;

import io.iocplab.kernel.Release;
import java.util.List;

/**
 * What a call wrote back besides its return value and GetLastError(): the out-parameters and the
 * handles it was about, one record per kind of call. The trace writes them as the {@code api.return}
 * fields the contract names, in this order; every other reader (the views, the lessons, the echo
 * worker) reads the record, never a name.
 *
 * <p>"Did this call take a packet from a port?" is asked one way only: {@link #packets()}.
 */
public sealed interface CallResult {

    /** The packets this call took from a completion port, in the order it took them; empty for every other call. */
    default List<PacketView> packets() {
        return List.of();
    }

    /**
     * GetQueuedCompletionStatus: {@code packet} is what it dequeued, or null (a timeout, an abandoned
     * wait, a closed handle: then *lpNumberOfBytes and *lpCompletionKey are not written and
     * *lpOverlapped is NULL [DOC-GQCS]); {@code how} says how the packet reached the thread and
     * {@code freedBy} whose stop made room for it (null for an immediate take or a hand-off).
     */
    record Dequeued(String port, PacketView packet, Release.Cause how, String freedBy) implements CallResult {
        /** No packet: the call returned FALSE with a NULL OVERLAPPED. */
        public static Dequeued none(String port) {
            return new Dequeued(port, null, null, null);
        }

        @Override
        public List<PacketView> packets() {
            return packet == null ? List.of() : List.of(packet);
        }
    }

    /** GetQueuedCompletionStatusEx: the OVERLAPPED_ENTRY array it filled (empty when it returned FALSE). */
    record DequeuedEx(String port, List<PacketView> entries, Release.Cause how, String freedBy) implements CallResult {
        public DequeuedEx {
            entries = List.copyOf(entries);
        }

        public static DequeuedEx none(String port) {
            return new DequeuedEx(port, List.of(), null, null);
        }

        @Override
        public List<PacketView> packets() {
            return entries;
        }
    }

    /** PostQueuedCompletionStatus: the thread the packet went straight to, or null when it was queued. */
    record Posted(String port, String deliveredTo) implements CallResult {}

    /** A call that writes nothing back (Sleep). */
    record Nothing() implements CallResult {
        public static final Nothing INSTANCE = new Nothing();
    }

    /** SuspendThread / ResumeThread: the thread's previous suspend count, or null when the call failed. */
    record SuspendCount(String thread, Integer previousCount) implements CallResult {}

    /** CloseHandle and WaitForSingleObject: the handle the call was about. */
    record OnHandle(String handle) implements CallResult {}

    /** CreateIoCompletionPort(socket, port, key, 0): the port the socket is now associated with, or null. */
    record Associated(String socket, String port) implements CallResult {}

    /**
     * WSARecv / WSASend: {@code result} is the int returned (0 or SOCKET_ERROR, -1); {@code bytes} the
     * count written to lpNumberOfBytesRecvd/Sent when the call completed at once, else null (not
     * written [DOC-WSARecv]); {@code wsabufs} the lengths of the WSABUFs passed, in order.
     */
    record SocketIo(String socket, String overlapped, int result, Long bytes, List<Integer> wsabufs)
            implements CallResult {
        public SocketIo {
            wsabufs = List.copyOf(wsabufs);
        }
    }

    /** WSAGetOverlappedResult: the byte count it reports, or null while the operation is incomplete. */
    record OverlappedResult(String socket, String overlapped, Long bytes) implements CallResult {}

    /** CancelIoEx: the socket and the OVERLAPPED asked for (null: every request on the socket). */
    record Cancelled(String socket, String overlapped) implements CallResult {}

    /** AcceptEx: the listening socket, the socket that gets the connection, and the OVERLAPPED. */
    record Accept(String listener, String socket, String overlapped) implements CallResult {}

    /** DisconnectEx: the socket, the OVERLAPPED, and whether TF_REUSE_SOCKET asked to keep the handle for reuse. */
    record Disconnect(String socket, String overlapped, boolean reuse) implements CallResult {}

    /** QueueUserAPC: the thread the APC was queued to. */
    record ApcQueued(String thread) implements CallResult {}

    /** SleepEx: what it returned, 0 (the time elapsed) or WAIT_IO_COMPLETION (192: APCs ran), and whether it was alertable. */
    record Slept(int value, boolean alertable) implements CallResult {}

    /**
     * HeapFree: what the program freed, one of: the per-socket context a completion key points to, the memory a
     * buffer name stands for, or the per-I/O context holding an OVERLAPPED (the others null).
     */
    record Freed(Long key, String buffer, String overlapped) implements CallResult {}

    /** closesocket and SetFileCompletionNotificationModes: the socket the call was about. */
    record OnSocket(String socket) implements CallResult {}
}
