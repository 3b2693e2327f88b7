package io.iocplab.kernel;

/**
 * The kernel object behind a socket handle, as far as completion ports are concerned: its
 * completion context (port and key), its notification modes, and the rules that decide whether
 * finishing an operation on it produces a completion packet (iocp-semantics.md §1, §2.7, §4).
 *
 * <p>Rules kept here:
 * <ul>
 *   <li>A handle is associated with one port and one key, until it is closed; a second association
 *       fails with ERROR_INVALID_PARAMETER [DOC-CICP; WINE-fd].</li>
 *   <li>FILE_SKIP_COMPLETION_PORT_ON_SUCCESS and FILE_SKIP_SET_EVENT_ON_HANDLE cannot be removed once
 *       set [DOC-SFCNM].</li>
 *   <li>A completion routine on an associated socket is refused with WSAEINVAL, and no packet is
 *       ever made for it (Model decision 9) [ROS-iofunc].</li>
 *   <li>A packet is queued only if: the handle has a port; no completion routine; the OVERLAPPED is
 *       not NULL and its hEvent does not have the low-order bit set; the operation went pending, or
 *       succeeded at once without FILE_SKIP_COMPLETION_PORT_ON_SUCCESS. An operation that fails when
 *       issued never produces one (Model decisions 10, 11) [ROS-irp {@code IopCompleteRequest}; DOC-SFCNM].</li>
 * </ul>
 */
public final class SocketObject {
    private final String name;
    private CompletionPort port;
    private long key;
    private boolean skipCompletionPortOnSuccess;
    private boolean skipSetEventOnHandle;

    public SocketObject(String name) {
        this.name = name;
    }

    public String name() { return name; }

    /** The associated port, or null. */
    public CompletionPort port() { return port; }

    public long key() { return key; }

    public boolean isAssociated() { return port != null; }

    public boolean skipsCompletionPortOnSuccess() { return skipCompletionPortOnSuccess; }

    public boolean skipsSetEventOnHandle() { return skipSetEventOnHandle; }

    /**
     * CreateIoCompletionPort(socket, port, key, 0).
     *
     * @return 0, or ERROR_INVALID_PARAMETER when the socket is already associated [DOC-CICP; WINE-fd]
     */
    public int associate(CompletionPort target, long completionKey) {
        if (port != null) {
            return Win32Error.ERROR_INVALID_PARAMETER;
        }
        this.port = target;
        this.key = completionKey;
        return Win32Error.ERROR_SUCCESS;
    }

    /** SetFileCompletionNotificationModes: modes are only ever added [DOC-SFCNM]. */
    public void addNotificationModes(boolean skipOnSuccess, boolean skipSetEvent) {
        skipCompletionPortOnSuccess |= skipOnSuccess;
        skipSetEventOnHandle |= skipSetEvent;
    }

    /**
     * The error an overlapped WSARecv/WSASend fails with at once because of how it was called, or 0:
     * a completion routine on an associated socket is refused (Model decision 9) [ROS-iofunc].
     */
    public int refuseCall(boolean completionRoutine) {
        return completionRoutine && port != null ? Win32Error.WSAEINVAL : Win32Error.ERROR_SUCCESS;
    }

    /**
     * Whether finishing an operation produces a completion packet (§2.7).
     *
     * @param overlapped        the OVERLAPPED passed, or null (a blocking call)
     * @param completionRoutine whether a completion routine was passed
     * @param completedAtOnce   true when the call itself returned success (no WSA_IO_PENDING)
     */
    public boolean queuesPacket(Overlapped overlapped, boolean completionRoutine, boolean completedAtOnce) {
        if (port == null || completionRoutine || overlapped == null) {
            return false;                                   // conditions 1-3 [ROS-irp]
        }
        if (overlapped.hEventLowBit()) {
            return false;                                   // Model decision 11 [DOC-GQCS; ROS-rw]
        }
        return !(completedAtOnce && skipCompletionPortOnSuccess);   // Model decision 10 [DOC-SFCNM]
    }

    /**
     * Finishes an overlapped operation: queues its packet when {@link #queuesPacket} says so, or else
     * writes its status block at once (there is no dequeue to wait for).
     *
     * @return true when a packet was queued or handed to a waiter
     */
    public boolean complete(Overlapped overlapped, boolean completionRoutine, boolean completedAtOnce,
                            int status, long bytes) {
        if (queuesPacket(overlapped, completionRoutine, completedAtOnce) && !port.isClosed()) {
            port.post(Packet.ofIo(bytes, key, overlapped, status));
            return true;
        }
        if (overlapped != null) {
            overlapped.writeStatusBlock(status, bytes);
        }
        return false;
    }

    /**
     * WSAGetOverlappedResult translates a status through the Winsock mapping, where GQCS uses the
     * kernel32 one ({@link IoFailure}, Model decision 5): a peer's reset, 64 to GQCS, is 10054 here;
     * a local closesocket, 1236 to GQCS, is 10053 here; a cancel is 995 either way.
     */
    public static int winsockError(int status) {
        IoFailure cause = IoFailure.of(status);
        return cause == null ? status : cause.winsock();
    }

    @Override
    public String toString() {
        return name;
    }
}
