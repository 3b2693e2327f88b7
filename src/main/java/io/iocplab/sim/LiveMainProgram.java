package io.iocplab.sim;

import io.iocplab.sim.event.Api;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Live mode's main thread: it waits until the listener has accepted a client, gives it the next completion key and
 * posts its first WSARecv, and waits again. Its C is {@link #write}, whose step lines are numbered by {@link Line},
 * the numbers this program reports:
 * <pre>
 * for (ULONG_PTR key = 1;; key++) {
 *     WaitForSingleObject(hClientAccepted, INFINITE);   // released once per client accept() took on 127.0.0.1:N
 *     CreateIoCompletionPort((HANDLE)client[key].s, hcp, key, 0);
 *     WSARecv(client[key].s, &amp;client[key].recvBuf, 1, NULL, &amp;flags, &amp;client[key].recvOv, NULL);
 * }
 * </pre>
 * The accept itself is the live listener's (a real accept on 127.0.0.1, outside the model): each client it
 * accepts is handed to this program ({@link #accepted}) as hClientAccepted is released once for it, so the
 * client this thread takes after a wait is always the oldest one not taken yet.
 */
final class LiveMainProgram extends ListedProgram<LiveMainProgram.Line> {

    /** Main's steps; each is numbered by its place here. */
    enum Line { WAIT_ACCEPTED, ASSOCIATE, FIRST_RECV }

    /** Main's C, each step line numbered by its {@link Line}. */
    static void write(CCode.Writer w, EchoServer echo) {
        String hcp = CCode.handle(echo.port());
        w.mainBegins();
        w.add(1, "DWORD flags = 0;", null, null);
        w.add(1, "for (ULONG_PTR key = 1;; key++) {", "note.liveEachClient", null);
        line(w, 2, "WaitForSingleObject(hClientAccepted, INFINITE);", Line.WAIT_ACCEPTED, "note.liveAccepted");
        line(w, 2, "CreateIoCompletionPort((HANDLE)client[key].s, " + hcp + ", key, 0);", Line.ASSOCIATE,
                "note.liveKey");
        w.add(2, "client[key].recvBuf.len = " + echo.size() + ";", null, null);
        line(w, 2, "WSARecv(client[key].s, &client[key].recvBuf, 1, NULL, &flags, &client[key].recvOv, NULL);",
                Line.FIRST_RECV, "note.liveFirstRecv");
        w.add(1, "}", null, null);
        w.add(0, "}", null, null);
    }

    private final EchoServer echo;
    /** Clients the listener accepted that this thread has not taken yet, in accept order. */
    private final ArrayDeque<String> accepted = new ArrayDeque<>();
    private long key;

    LiveMainProgram(EchoServer echo) {
        this.echo = echo;
    }

    /** The listener accepted this client; hClientAccepted is released for it. */
    void accepted(String client) {
        accepted.addLast(client);
    }

    @Override
    public Step next() {
        if (nothingPlanned()) {
            plan(new Step.WaitForSingleObject(Step.WaitForSingleObject.CLIENT_ACCEPTED, Step.Source.NONE),
                    Line.WAIT_ACCEPTED);
        }
        return super.next();
    }

    @Override
    public void returned(SimThread.PendingReturn r) {
        if (r.api() != Api.WaitForSingleObject) {
            return;
        }
        String client = accepted.pollFirst();
        Step.Source none = Step.Source.NONE;
        plan(new Step.CreateIoCompletionPort(client, echo.port(), ++key, none), Line.ASSOCIATE);
        plan(new Step.WSARecv(client, List.of(echo.size()),
                new Step.OverlappedArg(EchoServer.recvOverlapped(client), false), 0, false, none), Line.FIRST_RECV);
    }
}
