package io.iocplab.kernel;

/**
 * Why a pending socket operation ended in failure, and what each cause looks like to the program
 * (Model decision 5): GetQueuedCompletionStatus reports the status through the kernel32 mapping,
 * WSAGetOverlappedResult through the Winsock one, so one cause has two numbers.
 * <ul>
 *   <li>The peer reset the connection (RST): ERROR_NETNAME_DELETED (64), WSAECONNRESET (10054)
 *       [OBS SO Q28925003; corosio #304].</li>
 *   <li>The program closed the socket itself with the operation pending: ERROR_CONNECTION_ABORTED (1236),
 *       WSAECONNABORTED (10053), as Windows since Vista gives; XP gave 64 [WINE-sock
 *       {@code iocp_async_read_closesocket}, run on Windows].</li>
 *   <li>The program cancelled it with CancelIoEx: ERROR_OPERATION_ABORTED (995) either way [DOC-CancelIoEx].</li>
 * </ul>
 * A thread's exit cancels nothing: its pending operations complete as usual [WINE-sock
 * {@code iocp_async_read_thread}].
 */
public enum IoFailure {
    PEER_RESET(Win32Error.ERROR_NETNAME_DELETED, Win32Error.WSAECONNRESET),
    LOCAL_CLOSE(Win32Error.ERROR_CONNECTION_ABORTED, Win32Error.WSAECONNABORTED),
    CANCELLED(Win32Error.ERROR_OPERATION_ABORTED, Win32Error.ERROR_OPERATION_ABORTED);

    private final int status;
    private final int winsock;

    IoFailure(int status, int winsock) {
        this.status = status;
        this.winsock = winsock;
    }

    /** The status the operation completes with: what GetQueuedCompletionStatus's GetLastError() says. */
    public int status() {
        return status;
    }

    /** What WSAGetOverlappedResult's WSAGetLastError() says for the same failure. */
    public int winsock() {
        return winsock;
    }

    /** The cause of an operation that completed with {@code status}, or null when the status names none of these. */
    public static IoFailure of(int status) {
        for (IoFailure f : values()) {
            if (f.status == status) {
                return f;
            }
        }
        return null;
    }
}
