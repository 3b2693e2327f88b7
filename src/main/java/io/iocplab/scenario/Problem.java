package io.iocplab.scenario;

/**
 * One thing wrong with a scenario file, at a place in it.
 *
 * <p>Line and column are 1-based, as an editor shows them. {@link #toString()} is the form the
 * command line prints, {@code FILE:LINE:COLUMN: message}; the message starts with the key path
 * ({@code threads.T1[2]}, {@code ports.P.concurrency}) and says what was expected.
 */
public record Problem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
