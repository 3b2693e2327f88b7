package io.iocplab.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a command writes: what it was asked for on {@code out} (a trace, a table, a list), everything else on
 * {@code err} (progress, problems). Byte streams, so that a trace keeps its UTF-8 bytes. {@code in} is standard
 * input (live mode ends at its end).
 */
record Streams(InputStream in, PrintStream out, PrintStream err) {
    Streams(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }
}
