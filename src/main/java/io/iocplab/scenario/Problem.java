package io.iocplab.scenario;

/**
 * One thing wrong with a scenario file, at a place in it.
 *
 * <p>Line and column are 1-based, as an editor shows them. {@link #toString()} is the form the
 * command line prints, {@code FILE:LINE:COLUMN: message}; the message starts with the key path
 * ({@code threads.T1[2]}, {@code ports.P.concurrency}) and says what was expected.
 *
 * <p>A problem is always one line: the file name and the message are kept through {@link OneLine}, so a
 * value quoted from the file cannot break the line or reach the terminal as a control sequence.
 */
public record Problem(String file, int line, int column, String message) {

    public Problem {
        file = OneLine.of(file);
        message = OneLine.of(message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
