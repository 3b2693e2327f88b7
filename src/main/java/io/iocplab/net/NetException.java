package io.iocplab.net;

/**
 * A real loopback socket did not do what was expected of it. The message always starts with
 * {@code "socket <name>: "} and names the operation ({@code WSARecv}, {@code WSASend}, {@code peer
 * recv}, ...), so it can be shown to a student as is.
 *
 * <p>{@link #kind()} says what went wrong in a form code can act on (for instance a layer above may
 * turn {@link Kind#RESET} into WSAECONNRESET instead of stopping the run).
 */
public final class NetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The bytes (or the FIN, or the RST) did not come, or could not be written, within the real-time bound. */
        TIMEOUT,
        /** The other end closed gracefully (FIN) before the expected bytes or the expected reset arrived. */
        END_OF_STREAM,
        /** The connection was reset (RST), or a write hit a connection the other end had already torn down. */
        RESET,
        /** Something else arrived than what was expected (data instead of a FIN or an RST). */
        UNEXPECTED_DATA,
        /** The operation was asked of an end that this side had already closed. */
        CLOSED,
        /** Any other I/O failure (opening, connecting, accepting, ...). */
        IO
    }

    private final String socket;
    private final Kind kind;

    public NetException(String socket, Kind kind, String message) {
        super(message);
        this.socket = socket;
        this.kind = kind;
    }

    public NetException(String socket, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.socket = socket;
        this.kind = kind;
    }

    /** The scenario name of the socket the failed operation was on. */
    public String socket() {
        return socket;
    }

    public Kind kind() {
        return kind;
    }
}
