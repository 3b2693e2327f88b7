package io.iocplab.kernel;

import java.util.Map;

/**
 * The Win32 and Winsock error numbers the model can produce (iocp-semantics.md §9).
 *
 * <p>Every status the model stores or reports is one of these Win32 numbers, never an NTSTATUS:
 * the trace contract says so, and a student reads them from {@code GetLastError()}.
 */
public final class Win32Error {
    private Win32Error() {}

    public static final int ERROR_SUCCESS = 0;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_GEN_FAILURE = 31;
    public static final int ERROR_NETNAME_DELETED = 64;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int WAIT_IO_COMPLETION = 192;
    public static final int WAIT_TIMEOUT = 258;
    public static final int ERROR_ABANDONED_WAIT_0 = 735;
    public static final int ERROR_OPERATION_ABORTED = 995;
    public static final int ERROR_IO_INCOMPLETE = 996;
    public static final int ERROR_IO_PENDING = 997;
    public static final int ERROR_NOT_FOUND = 1168;
    public static final int ERROR_CONNECTION_ABORTED = 1236;
    public static final int WSAENOTSOCK = 10038;
    public static final int WSAEINVAL = 10022;
    public static final int WSAEMSGSIZE = 10040;
    public static final int WSAEOPNOTSUPP = 10045;
    public static final int WSAECONNABORTED = 10053;
    public static final int WSAECONNRESET = 10054;
    public static final int WSAENOTCONN = 10057;
    public static final int WSAESHUTDOWN = 10058;
    public static final int WSAEDISCON = 10101;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(ERROR_SUCCESS, "ERROR_SUCCESS"),
            Map.entry(ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"),
            Map.entry(ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE"),
            Map.entry(ERROR_GEN_FAILURE, "ERROR_GEN_FAILURE"),
            Map.entry(ERROR_NETNAME_DELETED, "ERROR_NETNAME_DELETED"),
            Map.entry(ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"),
            Map.entry(WAIT_IO_COMPLETION, "WAIT_IO_COMPLETION"),
            Map.entry(WAIT_TIMEOUT, "WAIT_TIMEOUT"),
            Map.entry(ERROR_ABANDONED_WAIT_0, "ERROR_ABANDONED_WAIT_0"),
            Map.entry(ERROR_OPERATION_ABORTED, "ERROR_OPERATION_ABORTED"),
            Map.entry(ERROR_IO_INCOMPLETE, "WSA_IO_INCOMPLETE"),
            Map.entry(ERROR_IO_PENDING, "WSA_IO_PENDING"),
            Map.entry(ERROR_NOT_FOUND, "ERROR_NOT_FOUND"),
            Map.entry(ERROR_CONNECTION_ABORTED, "ERROR_CONNECTION_ABORTED"),
            Map.entry(WSAEINVAL, "WSAEINVAL"),
            Map.entry(WSAENOTSOCK, "WSAENOTSOCK"),
            Map.entry(WSAEMSGSIZE, "WSAEMSGSIZE"),
            Map.entry(WSAEOPNOTSUPP, "WSAEOPNOTSUPP"),
            Map.entry(WSAECONNABORTED, "WSAECONNABORTED"),
            Map.entry(WSAECONNRESET, "WSAECONNRESET"),
            Map.entry(WSAENOTCONN, "WSAENOTCONN"),
            Map.entry(WSAESHUTDOWN, "WSAESHUTDOWN"),
            Map.entry(WSAEDISCON, "WSAEDISCON"));

    /** The symbolic name a student finds in winerror.h, e.g. {@code name(258)} is "WAIT_TIMEOUT". */
    public static String name(int code) {
        return NAMES.getOrDefault(code, Integer.toString(code));
    }
}
