package io.iocplab.scenario;

import io.iocplab.net.LiveClient;
import io.iocplab.sim.Connection;

/**
 * The machine's {@link Connection} under a live socket: the server side of an outside client's real connection
 * ({@link LiveClient}). What the client sent has already been received for real by the listener; a WSARecv takes
 * it from there. The peer's own operations belong to the outside program, so they are never called.
 */
final class LiveConnection implements Connection {
    private final LiveClient client;

    LiveConnection(LiveClient client) {
        this.client = client;
    }

    @Override
    public int serverPort() {
        return client.localPort();
    }

    @Override
    public int peerPort() {
        return client.remotePort();
    }

    @Override
    public byte[][] serverReceive(int[] lengths, int count) {
        return client.take(lengths, count);
    }

    @Override
    public byte[][] serverPeek(int[] lengths, int count) {
        return client.peek(lengths, count);
    }

    @Override
    public void serverSend(byte[][] buffers) {
        client.write(buffers);
    }

    @Override
    public void serverExpectEnd() {
        // the listener saw the FIN before the machine was told of it
    }

    @Override
    public void serverExpectReset() {
        // the listener saw the RST before the machine was told of it
    }

    @Override
    public void serverClose() {
        client.close(false);
    }

    @Override
    public void peerSend(byte[] data) {
        throw outside();
    }

    @Override
    public void peerReceive(byte[] expected) {
        throw outside();
    }

    @Override
    public void peerClose() {
        throw outside();
    }

    @Override
    public void peerReset() {
        throw outside();
    }

    private UnsupportedOperationException outside() {
        return new UnsupportedOperationException("client " + client.name() + " is an outside program");
    }

    @Override
    public void close() {
        client.close(false);
    }
}
