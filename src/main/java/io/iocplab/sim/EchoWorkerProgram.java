package io.iocplab.sim;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical IOCP worker loop, as an echo server writes it:
 * <pre>
 * for (;;) {
 *     BOOL ok = GetQueuedCompletionStatus(hcp, &amp;bytes, &amp;key, &amp;ov, INFINITE);
 *     if (ov == NULL) break;                                // no I/O: the shutdown packet, or the port is gone
 *     if (!ok || bytes == 0) { closesocket(ctx->s); continue; }  // failed, or the client left
 *     if (ov is the send) continue;                         // a send finished: nothing to do
 *     Compute(...);  [every k packets: Sleep(d), a blocking call]
 *     WSASend(ctx->s, received bytes, &amp;ctx->sendOv);        // echo
 *     WSARecv(ctx->s, &amp;buf, 1, ..., &amp;ctx->recvOv);           // and read again
 * }
 * </pre>
 * The completion key is the per-socket data (which client); the OVERLAPPED is the per-I/O data
 * (a receive or a send, and the bytes that landed in its buffer).
 */
final class EchoWorkerProgram implements Program {
    private final EchoServer echo;
    private final Machine machine;
    private final ArrayDeque<Step> planned = new ArrayDeque<>();
    /** Per client (index = completion key): its socket name and its two OVERLAPPED arguments. */
    private final String[] sockets;
    private final String[] sendLabels;
    private final Step.OverlappedArg[] recvArgs;
    private final Step.OverlappedArg[] sendArgs;
    private long handled;

    EchoWorkerProgram(EchoServer echo, Machine machine) {
        this.echo = echo;
        this.machine = machine;
        int n = echo.clients() + 1;
        sockets = new String[n];
        sendLabels = new String[n];
        recvArgs = new Step.OverlappedArg[n];
        sendArgs = new Step.OverlappedArg[n];
        for (int key = 1; key < n; key++) {
            sockets[key] = echo.socketName(key);
            sendLabels[key] = EchoServer.sendOverlapped(sockets[key]);
            recvArgs[key] = new Step.OverlappedArg(EchoServer.recvOverlapped(sockets[key]), false);
            sendArgs[key] = new Step.OverlappedArg(sendLabels[key], false);
        }
    }

    @Override
    public Step next() {
        if (planned.isEmpty()) {
            planned.add(new Step.GetQueuedCompletionStatus(echo.port(), Step.INFINITE, Step.Source.NONE));
        }
        return planned.poll();
    }

    @Override
    public void returned(SimThread.PendingReturn r) {
        if (r.api() != Api.GetQueuedCompletionStatus) {
            return;
        }
        PacketView packet = ((CallResult.Dequeued) r.result()).packet();
        if (packet == null || packet.key() == 0L) {
            planned.add(new Step.ExitThread(Step.Source.NONE));     // shutdown (or the port is gone)
            return;
        }
        int client = (int) packet.key();
        String socket = sockets[client];
        String ov = packet.overlapped();
        if (!r.ok() || packet.bytes() == 0) {
            planned.add(new Step.closesocket(socket, Step.Source.NONE));
            return;
        }
        if (sendLabels[client].equals(ov)) {
            return;                                                   // a send completed
        }
        Step.Source none = Step.Source.NONE;
        if (echo.computeUs() > 0) {
            planned.add(new Step.Compute(echo.computeUs(), none));
        }
        handled++;
        if (echo.blockEvery() > 0 && handled % echo.blockEvery() == 0) {
            planned.add(new Step.Sleep(echo.blockUs(), none));
        }
        planned.add(new Step.WSASend(socket, received(ov), sendArgs[client], false, none));
        planned.add(new Step.WSARecv(socket, List.of(echo.size()), recvArgs[client], 0, false, none));
    }

    private List<String> received(String overlapped) {
        List<String> texts = new ArrayList<>();
        for (byte[] b : machine.landedIn(overlapped)) {
            if (b.length > 0) {
                texts.add(new String(b, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    @Override
    public int indexOf(Step step) {
        if (step instanceof Step.GetQueuedCompletionStatus) return 0;
        if (step instanceof Step.ExitThread) return 1;
        if (step instanceof Step.closesocket) return 2;
        if (step instanceof Step.Compute) return 3;
        if (step instanceof Step.Sleep) return 4;
        if (step instanceof Step.WSASend) return 5;
        if (step instanceof Step.WSARecv) return 6;
        return -1;
    }
}
