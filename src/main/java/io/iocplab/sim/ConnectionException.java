package io.iocplab.sim;

/** A real socket did not do what the model expected: names the socket and the operation. */
public final class ConnectionException extends Exception {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
