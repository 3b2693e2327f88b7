package io.iocplab.sim;

import io.iocplab.sim.event.Api;
import io.iocplab.sim.event.CallResult;
import io.iocplab.sim.event.PacketView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The canonical IOCP worker loop, as an echo server writes it; its C is {@link #write}, and the step
 * numbers this program reports are the ones that listing gives its lines ({@link Line}), so the code
 * view and the program cannot disagree:
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
 * (a receive or a send, and the bytes that landed in its buffer). With AcceptEx, a packet with the
 * listener's key is an accept: the worker associates the accepted socket with its client's key and reads.
 */
final class EchoWorkerProgram extends ListedProgram<EchoWorkerProgram.Line> {

    /** The worker's steps; each is numbered by its place here (new ones are added at the end, so numbers stay). */
    enum Line { GET, EXIT, CLOSE, COMPUTE, BLOCK, SEND, RECV, ASSOCIATE, FIRST_RECV }

    /**
     * The worker's C, each step line numbered by its {@link Line}: what the code view shows of a worker, and
     * the numbers its {@code thread.state} and {@code api.return} events carry.
     */
    static void write(CCode.Writer w, String thread, EchoServer echo) {
        String hcp = CCode.handle(echo.port());
        w.add(0, "DWORD WINAPI Worker(LPVOID param) {", "note.workerFunction", thread);
        w.add(1, "DWORD bytes, flags = 0; ULONG_PTR key; OVERLAPPED *ov;", null, null);
        w.add(1, "for (;;) {", null, null);
        line(w, 2, "BOOL ok = GetQueuedCompletionStatus(" + hcp + ", &bytes, &key, &ov, INFINITE);", Line.GET, null);
        line(w, 2, "if (ov == NULL) return 0;", Line.EXIT, "note.shutdownExit");
        if (echo.acceptEx()) {
            w.add(2, "if (key == LISTEN_KEY) {", "note.listenKey", null);
            w.add(3, "CLIENT *ctx = CONTAINING_RECORD(ov, CLIENT, acceptOv);", "note.acceptedClient", null);
            line(w, 3, "CreateIoCompletionPort((HANDLE)ctx->s, " + hcp + ", ctx->key, 0);", Line.ASSOCIATE,
                    "note.associateAccepted");
            line(w, 3, "WSARecv(ctx->s, &ctx->recvBuf, 1, NULL, &flags, &ctx->recvOv, NULL);", Line.FIRST_RECV,
                    "note.firstRecv");
            w.add(3, "continue;", null, null);
            w.add(2, "}", null, null);
        }
        w.add(2, "CLIENT *ctx = &client[key];", "note.keyIsClient", null);
        line(w, 2, "if (!ok || bytes == 0) { closesocket(ctx->s); continue; }", Line.CLOSE, "note.clientLeft");
        w.add(2, "if (ov == &ctx->sendOv) continue;", "note.sendDone", null);
        if (echo.computeUs() > 0) {
            line(w, 2, "Compute(" + CCode.ms(echo.computeUs()) + ");", Line.COMPUTE, "note.compute");
        }
        if (echo.blockEvery() > 0) {
            line(w, 2, "if (++handled % " + echo.blockEvery() + " == 0) Sleep(" + CCode.ms(echo.blockUs()) + ");",
                    Line.BLOCK, "note.blockEvery");
        }
        line(w, 2, "WSASend(ctx->s, &ctx->echoBuf, 1, NULL, 0, &ctx->sendOv, NULL);", Line.SEND, "note.echo");
        line(w, 2, "WSARecv(ctx->s, &ctx->recvBuf, 1, NULL, &flags, &ctx->recvOv, NULL);", Line.RECV, "note.readAgain");
        w.add(1, "}", null, null);
        w.add(0, "}", null, null);
    }

    private final EchoServer echo;
    /** The workload as it is now: a what-if may change the workers' work from a moment on. */
    private final Supplier<EchoServer> work;
    private final Memory memory;
    /**
     * Per client (index = completion key): its socket name and its OVERLAPPED arguments. Live mode's clients come
     * one by one, so the tables grow as keys do ({@link #name}).
     */
    private String[] sockets;
    private String[] acceptLabels;
    private String[] sendLabels;
    private Step.OverlappedArg[] recvArgs;
    private Step.OverlappedArg[] sendArgs;
    private long handled;

    EchoWorkerProgram(EchoServer echo, Supplier<EchoServer> work, Memory memory) {
        this.echo = echo;
        this.work = work;
        this.memory = memory;
        int n = echo.clients() + 1;
        sockets = new String[n];
        acceptLabels = new String[n];
        sendLabels = new String[n];
        recvArgs = new Step.OverlappedArg[n];
        sendArgs = new Step.OverlappedArg[n];
        for (int key = 1; key < n; key++) {
            name(key);
        }
    }

    /** Client {@code key}'s socket and OVERLAPPED names, the tables grown to hold them if need be. */
    private void name(int key) {
        if (key >= sockets.length) {
            int n = Math.max(key + 1, sockets.length * 2);
            sockets = Arrays.copyOf(sockets, n);
            acceptLabels = Arrays.copyOf(acceptLabels, n);
            sendLabels = Arrays.copyOf(sendLabels, n);
            recvArgs = Arrays.copyOf(recvArgs, n);
            sendArgs = Arrays.copyOf(sendArgs, n);
        }
        sockets[key] = echo.socketName(key);
        acceptLabels[key] = EchoServer.acceptOverlapped(sockets[key]);
        sendLabels[key] = EchoServer.sendOverlapped(sockets[key]);
        recvArgs[key] = new Step.OverlappedArg(EchoServer.recvOverlapped(sockets[key]), false);
        sendArgs[key] = new Step.OverlappedArg(sendLabels[key], false);
    }

    @Override
    public Step next() {
        if (nothingPlanned()) {
            plan(new Step.GetQueuedCompletionStatus(echo.port(), Step.INFINITE, Step.Source.NONE), Line.GET);
        }
        return super.next();
    }

    @Override
    public void returned(SimThread.PendingReturn r) {
        if (r.api() != Api.GetQueuedCompletionStatus) {
            return;
        }
        PacketView packet = ((CallResult.Dequeued) r.result()).packet();
        Step.Source none = Step.Source.NONE;
        if (packet == null || packet.overlapped() == null) {
            plan(new Step.ExitThread(none), Line.EXIT);                 // no I/O: the shutdown packet, or the port is gone
            return;
        }
        if (echo.acceptEx() && packet.key() == echo.listenKey()) {
            accepted(packet.overlapped());                          // an AcceptEx completed: which client by its ov
            return;
        }
        int client = (int) packet.key();
        if (client >= sockets.length || sockets[client] == null) {
            name(client);
        }
        String socket = sockets[client];
        String ov = packet.overlapped();
        if (!r.ok() || packet.bytes() == 0) {
            plan(new Step.closesocket(socket, none), Line.CLOSE);
            return;
        }
        if (sendLabels[client].equals(ov)) {
            return;                                                   // a send completed
        }
        EchoServer now = work.get();
        if (now.computeUs() > 0) {
            plan(new Step.Compute(now.computeUs(), none), Line.COMPUTE);
        }
        handled++;
        if (now.blockEvery() > 0 && handled % now.blockEvery() == 0) {
            plan(new Step.Sleep(now.blockUs(), none), Line.BLOCK);
        }
        plan(new Step.WSASend(socket, received(ov), sendArgs[client], false, none), Line.SEND);
        plan(new Step.WSARecv(socket, List.of(echo.size()), recvArgs[client], 0, false, none), Line.RECV);
    }

    /** CONTAINING_RECORD(ov, CLIENT, acceptOv): the client whose AcceptEx this was, associated with its key, read. */
    private void accepted(String overlapped) {
        for (int client = 1; client < acceptLabels.length; client++) {
            if (acceptLabels[client].equals(overlapped)) {
                Step.Source none = Step.Source.NONE;
                plan(new Step.CreateIoCompletionPort(sockets[client], echo.port(), client, none), Line.ASSOCIATE);
                plan(new Step.WSARecv(sockets[client], List.of(echo.size()), recvArgs[client], 0, false, none),
                        Line.FIRST_RECV);
                return;
            }
        }
        throw new IllegalStateException("no client's AcceptEx has the OVERLAPPED " + overlapped);
    }

    private List<String> received(String overlapped) {
        List<String> texts = new ArrayList<>();
        for (byte[] b : memory.landedIn(overlapped)) {
            if (b.length > 0) {
                texts.add(new String(b, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
