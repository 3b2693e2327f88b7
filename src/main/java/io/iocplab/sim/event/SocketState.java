package io.iocplab.sim.event;

/**
 * The bytes in flight on a socket with a send buffer, after a change ({@code socket.state}, an extension of the
 * contract), one direction each way, and its sends that wait for room.
 *
 * @param inbound    bytes the peer sent that have reached the socket and no receive has taken yet
 * @param unread     bytes the server sent that its peer has not read yet (in the send buffer, on the wire, or in the
 *                   peer's receive buffer): what the send buffer holds
 * @param sending    bytes of pending WSASend calls not taken into the send buffer yet
 * @param sendBuffer the send buffer's size (SO_SNDBUF)
 * @param pendingSends how many WSASend calls wait for room
 * @param peerReading whether the peer reads what reaches it
 */
public record SocketState(long tUs, long seq, long moment, String socket, long inbound, long unread, long sending,
                          long sendBuffer, int pendingSends, boolean peerReading) implements SimEvent {
    @Override
    public String type() {
        return "socket.state";
    }
}
