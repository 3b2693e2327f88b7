package io.iocplab.sim.event;

/**
 * The calls a simulated program makes, named exactly as Win32 and Winsock name them (the names a
 * scenario file's steps and the trace's {@code api} use), each with the C type of what it returns.
 *
 * <p>{@link #Compute} is not a Win32 call: it is the program's own work on its processor, listed
 * here because a thread can be "in" it as it can be in a call. How a return value is spelled in C
 * (TRUE, SOCKET_ERROR, a handle, a count) is decided once, from {@link #returns()}, in
 * {@code scenario.CReturn}.
 */
public enum Api {
    GetQueuedCompletionStatus(Returns.BOOL),
    GetQueuedCompletionStatusEx(Returns.BOOL),
    PostQueuedCompletionStatus(Returns.BOOL),
    CreateIoCompletionPort(Returns.HANDLE),
    CloseHandle(Returns.BOOL),
    Sleep(Returns.VOID),
    SuspendThread(Returns.PREVIOUS_COUNT),
    ResumeThread(Returns.PREVIOUS_COUNT),
    ExitThread(Returns.VOID),
    WaitForSingleObject(Returns.WAIT),
    WSARecv(Returns.SOCKET_INT),
    WSASend(Returns.SOCKET_INT),
    WSAGetOverlappedResult(Returns.BOOL),
    CancelIoEx(Returns.BOOL),
    SetFileCompletionNotificationModes(Returns.BOOL),
    closesocket(Returns.SOCKET_INT),
    AcceptEx(Returns.BOOL),
    DisconnectEx(Returns.BOOL),
    QueueUserAPC(Returns.NONZERO),
    SleepEx(Returns.SLEEP_EX),
    HeapFree(Returns.BOOL),
    Compute(Returns.VOID);

    /** The C type of a call's return value, as far as its spelling goes. */
    public enum Returns {
        /** BOOL: TRUE, or FALSE with GetLastError(). */
        BOOL,
        /** int: 0, or SOCKET_ERROR with WSAGetLastError(). */
        SOCKET_INT,
        /** HANDLE: the handle, or NULL with GetLastError(). */
        HANDLE,
        /** DWORD: the thread's previous suspend count, or (DWORD)-1 with GetLastError(). */
        PREVIOUS_COUNT,
        /** DWORD: WAIT_OBJECT_0, or WAIT_FAILED with GetLastError(). */
        WAIT,
        /** DWORD: nonzero (1), or 0 with GetLastError() (QueueUserAPC). */
        NONZERO,
        /** DWORD: 0 when the time elapsed, WAIT_IO_COMPLETION when APCs ran (SleepEx); it never fails. */
        SLEEP_EX,
        /** void: nothing is returned. */
        VOID
    }

    private final Returns returns;

    Api(Returns returns) {
        this.returns = returns;
    }

    public Returns returns() {
        return returns;
    }

    /** Whether the error a failed call leaves is read with WSAGetLastError() (a Winsock call) rather than GetLastError(). */
    public boolean winsock() {
        return returns == Returns.SOCKET_INT || this == WSAGetOverlappedResult || this == AcceptEx
                || this == DisconnectEx;
    }

    /** The call named {@code name}, exactly as written (case matters: {@code closesocket}), or null. */
    public static Api named(String name) {
        for (Api a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
