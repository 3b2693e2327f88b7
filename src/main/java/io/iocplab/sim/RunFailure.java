package io.iocplab.sim;

/**
 * The run cannot go on: a real socket did not do what the model expected, or an echoed byte
 * differed. The message names the socket and the operation; the run stops there.
 */
public final class RunFailure extends RuntimeException {
    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public RunFailure(String message) {
        super(message);
    }
}
