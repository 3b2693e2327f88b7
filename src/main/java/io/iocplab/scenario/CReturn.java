package io.iocplab.scenario;

import io.iocplab.sim.CCode;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;

/**
 * What a call returned, spelled as its C return value: the one place that decides it, for the code
 * view and the event log alike.
 *
 * <p>By the call's return type ({@link Api.Returns}): a BOOL is {@code TRUE} or {@code FALSE}; a
 * Winsock int is {@code 0} or {@code SOCKET_ERROR}; CreateIoCompletionPort's HANDLE is the port's
 * handle as the listing names it ({@code hcpP}) or {@code NULL}; SuspendThread/ResumeThread's DWORD
 * is the previous suspend count or {@code (DWORD)-1}; WaitForSingleObject's DWORD is
 * {@code WAIT_OBJECT_0} or {@code WAIT_FAILED}; QueueUserAPC's DWORD is {@code 1} (nonzero) or {@code 0};
 * SleepEx's is {@code 0} or {@code WAIT_IO_COMPLETION}; a void call returns nothing (null).
 */
public final class CReturn {
    private CReturn() {}

    /** The C return value of this call, or null for a void call. */
    public static String of(ApiReturn r) {
        CallResult out = r.result();
        return switch (r.api().returns()) {
            case VOID -> null;
            case BOOL -> r.ok() ? "TRUE" : "FALSE";
            case SOCKET_INT -> r.ok() ? "0" : "SOCKET_ERROR";
            case HANDLE -> r.ok() && out instanceof CallResult.Associated a && a.port() != null
                    ? CCode.handle(a.port()) : "NULL";
            case PREVIOUS_COUNT -> r.ok() && out instanceof CallResult.SuspendCount c && c.previousCount() != null
                    ? c.previousCount().toString() : "(DWORD)-1";
            case WAIT -> r.ok() ? "WAIT_OBJECT_0" : "WAIT_FAILED";
            case NONZERO -> r.ok() ? "1" : "0";
            case SLEEP_EX -> out instanceof CallResult.Slept s && s.value() != 0 ? "WAIT_IO_COMPLETION" : "0";
        };
    }

    /** The function a program calls to read why this call failed: {@code WSAGetLastError()} or {@code GetLastError()}. */
    public static String errorFunction(Api api) {
        return api.winsock() ? "WSAGetLastError()" : "GetLastError()";
    }
}
