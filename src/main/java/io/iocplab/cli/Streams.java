package io.iocplab.cli;

import java.io.PrintStream;

/**
 * Where a command writes: what it was asked for on {@code out} (a trace, a table, a list), everything else on
 * {@code err} (progress, problems). Byte streams, so that a trace keeps its UTF-8 bytes.
 */
record Streams(PrintStream out, PrintStream err) {}
