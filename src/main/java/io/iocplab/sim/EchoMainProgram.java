package io.iocplab.sim;

import java.util.List;

/**
 * The echo server's main thread, as in the classic sample servers; its C is {@link #write}, whose step
 * lines are numbered by {@link Line}, the numbers this program reports:
 * <pre>
 * for each client:  CreateIoCompletionPort(client, hcp, key, 0); WSARecv(client, &amp;buf, 1, ..., &amp;ov, NULL);
 *   (with AcceptEx: CreateIoCompletionPort(listener, hcp, LISTEN_KEY, 0);
 *    for each client: AcceptEx(listener, client, ..., &amp;acceptOv))
 * WaitForSingleObject(hAllClientsGone, INFINITE);
 * for each worker:  PostQueuedCompletionStatus(hcp, 0, 0, NULL);   // key 0: shut down
 * </pre>
 */
final class EchoMainProgram extends ListedProgram<EchoMainProgram.Line> {

    /** Main's steps; each is numbered by its place here (the AcceptEx variant's come last, so numbers stay). */
    enum Line { ASSOCIATE, FIRST_RECV, WAIT_ALL_GONE, SHUTDOWN_POST, ASSOCIATE_LISTENER, ACCEPT }

    /** Main's C, each step line numbered by its {@link Line}. */
    static void write(CCode.Writer w, EchoServer echo) {
        String hcp = CCode.handle(echo.port());
        w.mainBegins();
        w.add(1, "DWORD flags = 0;", null, null);
        if (echo.acceptEx()) {
            w.add(1, "SOCKET listener = listening(\"127.0.0.1\");", "note.listener", null);
            line(w, 1, "CreateIoCompletionPort((HANDLE)listener, " + hcp + ", LISTEN_KEY, 0);", Line.ASSOCIATE_LISTENER,
                    "note.listenKey");
            w.add(1, "for (int i = 1; i <= " + echo.clients() + "; i++) {", "note.eachAccept", null);
            w.add(2, "client[i].s = WSASocketW(AF_INET, SOCK_STREAM, IPPROTO_TCP, NULL, 0, WSA_FLAG_OVERLAPPED);", null,
                    null);
            line(w, 2, "AcceptEx(listener, client[i].s, client[i].addrs, 0, ADDRLEN, ADDRLEN, NULL, "
                    + "&client[i].acceptOv);", Line.ACCEPT, "note.acceptEx");
        } else {
            w.add(1, "for (int i = 1; i <= " + echo.clients() + "; i++) {", "note.eachClient", null);
            line(w, 2, "CreateIoCompletionPort((HANDLE)client[i].s, " + hcp + ", i, 0);", Line.ASSOCIATE,
                    "note.keyI");
            w.add(2, "client[i].recvBuf.len = " + echo.size() + ";", null, null);
            line(w, 2, "WSARecv(client[i].s, &client[i].recvBuf, 1, NULL, &flags, &client[i].recvOv, NULL);",
                    Line.FIRST_RECV, "note.firstRecv");
        }
        w.add(1, "}", null, null);
        line(w, 1, "WaitForSingleObject(hAllClientsGone, INFINITE);", Line.WAIT_ALL_GONE, "note.allGone");
        w.add(1, "for (int i = 0; i < " + echo.workers() + "; i++) {", null, null);
        line(w, 2, "PostQueuedCompletionStatus(" + hcp + ", 0, 0, NULL);", Line.SHUTDOWN_POST, "note.shutdownPost");
        w.add(1, "}", null, null);
        w.mainEnds();                                  // the workers go on until they take their packets
        w.add(0, "}", null, null);
    }

    EchoMainProgram(EchoServer echo, List<String> clients) {
        Step.Source none = Step.Source.NONE;
        if (echo.acceptEx()) {
            plan(new Step.CreateIoCompletionPort(echo.listenerName(), echo.port(), echo.listenKey(), none),
                    Line.ASSOCIATE_LISTENER);
            for (String c : clients) {
                plan(new Step.AcceptEx(echo.listenerName(), c, 0,
                        new Step.OverlappedArg(EchoServer.acceptOverlapped(c), false), none), Line.ACCEPT);
            }
        } else {
            long key = 1;
            for (String c : clients) {
                plan(new Step.CreateIoCompletionPort(c, echo.port(), key++, none), Line.ASSOCIATE);
                plan(new Step.WSARecv(c, List.of(echo.size()),
                        new Step.OverlappedArg(EchoServer.recvOverlapped(c), false), 0, false, none), Line.FIRST_RECV);
            }
        }
        plan(new Step.WaitForSingleObject(Step.WaitForSingleObject.ALL_CLIENTS_GONE, none), Line.WAIT_ALL_GONE);
        for (int i = 0; i < echo.workers(); i++) {
            plan(new Step.PostQueuedCompletionStatus(echo.port(), 0, 0, null, none), Line.SHUTDOWN_POST);
        }
    }
}
