package io.iocplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command that failed unexpectedly prints: one line, {@code iocplab: internal error: Kind: message} (or
 * {@code iocplab: reason} for a file the command could not read or write), never a bare stack trace (the system
 * property {@code iocplab.debug} adds it); exit code 1.
 */
final class Failures implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof IOException io) {
            err.println("iocplab: " + Cli.reason(io));
        } else {
            err.println("iocplab: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())));
        }
        if (System.getProperty("iocplab.debug") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** A message as one line: newlines and control characters escaped, so that no value can forge a line. */
    static String firstLine(String message) {
        return Cli.oneLine(message);
    }
}
