package io.iocplab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.app.code.CodeCursor;
import io.iocplab.app.history.EventText;
import io.iocplab.app.model.Texts;
import io.iocplab.kernel.Release;
import io.iocplab.scenario.CReturn;
import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.ApiReturn;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The event log and the code view print the same C return value for every call, succeeded or failed,
 * and it is the value of the call's C return type: BOOL, int with SOCKET_ERROR, HANDLE, DWORD, void.
 */
class ReturnValuesAgreeTest {
    private static final Texts EN = new Texts(Locale.ENGLISH);
    /** Calls that never return (ExitThread) or are not calls (Compute): no api.return is ever made of them. */
    private static final Set<Api> NEVER_RETURN = EnumSet.of(Api.ExitThread, Api.Compute);

    private static CallResult resultOf(Api api, boolean ok) {
        PacketView p = new PacketView(5, 11, "R1", ok ? 0 : 64);
        return switch (api) {
            case GetQueuedCompletionStatus -> ok ? new CallResult.Dequeued("P", p, Release.Cause.IMMEDIATE, null)
                    : CallResult.Dequeued.none("P");
            case GetQueuedCompletionStatusEx -> ok ? new CallResult.DequeuedEx("P", List.of(p), Release.Cause.IMMEDIATE,
                    null) : CallResult.DequeuedEx.none("P");
            case PostQueuedCompletionStatus -> new CallResult.Posted("P", ok ? "T1" : null);
            case CreateIoCompletionPort -> new CallResult.Associated("S1", ok ? "P" : null);
            case CloseHandle, WaitForSingleObject -> new CallResult.OnHandle("P");
            case Sleep -> CallResult.Nothing.INSTANCE;
            case SuspendThread, ResumeThread -> new CallResult.SuspendCount("T2", ok ? 1 : null);
            case WSARecv, WSASend -> new CallResult.SocketIo("S1", "R1", ok ? 0 : -1, ok ? 5L : null, List.of(8));
            case WSAGetOverlappedResult -> new CallResult.OverlappedResult("S1", "R1", ok ? 5L : null);
            case CancelIoEx -> new CallResult.Cancelled("S1", "R1");
            case SetFileCompletionNotificationModes, closesocket -> new CallResult.OnSocket("S1");
            case AcceptEx -> new CallResult.Accept("L", "A1", "OA");
            case DisconnectEx -> new CallResult.Disconnect("A1", "D", true);
            case QueueUserAPC -> new CallResult.ApcQueued("T2");
            case SleepEx -> new CallResult.Slept(192, true);
            case HeapFree -> new CallResult.Freed(5L, null, null);
            case ExitThread, Compute -> throw new IllegalArgumentException(api + " never returns");
        };
    }

    @Test
    void theLogAndTheCodeViewSayTheSameReturnValueForEveryCall() {
        EventText log = new EventText(EN);
        for (Api api : Api.values()) {
            if (NEVER_RETURN.contains(api)) {
                continue;
            }
            for (boolean ok : new boolean[] {true, false}) {
                if (api.returns() == Api.Returns.VOID && !ok) {
                    continue;
                }
                ApiReturn r = new ApiReturn(0, 0, 0, "T1", api, ok, ok ? 0 : 87, resultOf(api, ok), 0);
                String value = CReturn.of(r);
                String code = CodeCursor.result(r, EN);
                String row = log.row(r);
                if (value == null) {
                    assertTrue(code.startsWith("→ returned"), code);
                    assertTrue(row.contains(api.name() + " returned"), row);
                } else {
                    assertTrue(code.startsWith("→ " + value), api + " " + ok + ": " + code);
                    assertTrue(row.contains("→ " + value + " ") || row.endsWith("→ " + value), api + " " + ok + ": " + row);
                }
            }
        }
    }

    @Test
    void eachReturnTypeIsSpelledAsInC() {
        assertEquals("TRUE", CReturn.of(returned(Api.SetFileCompletionNotificationModes, true)), "a BOOL, not an int");
        assertEquals("FALSE", CReturn.of(returned(Api.GetQueuedCompletionStatus, false)));
        assertEquals("0", CReturn.of(returned(Api.WSASend, true)));
        assertEquals("SOCKET_ERROR", CReturn.of(returned(Api.closesocket, false)));
        assertEquals("hcpP", CReturn.of(returned(Api.CreateIoCompletionPort, true)), "the port's handle, as the code names it");
        assertEquals("NULL", CReturn.of(returned(Api.CreateIoCompletionPort, false)));
        assertEquals("1", CReturn.of(returned(Api.SuspendThread, true)), "the previous suspend count");
        assertEquals("(DWORD)-1", CReturn.of(returned(Api.ResumeThread, false)));
        assertEquals("WAIT_OBJECT_0", CReturn.of(returned(Api.WaitForSingleObject, true)));
        assertNull(CReturn.of(returned(Api.Sleep, true)), "void");
        assertEquals("WSAGetLastError()", CReturn.errorFunction(Api.WSAGetOverlappedResult));
        assertEquals("GetLastError()", CReturn.errorFunction(Api.GetQueuedCompletionStatus));
    }

    private static ApiReturn returned(Api api, boolean ok) {
        return new ApiReturn(0, 0, 0, "T1", api, ok, ok ? 0 : 87, resultOf(api, ok), 0);
    }
}
