package io.iocplab.cli;

import io.iocplab.scenario.Limits;

/**
 * The arguments of {@code run}: {@code FILE [--trace PATH] [--seed N] [--max-trace SIZE]}, options in any
 * order, either as {@code --opt VALUE} or {@code --opt=VALUE}. Exactly one of the accessors' outcomes holds: a
 * {@link #problem()} to show with the usage line, or a file to run.
 *
 * @param seed     null when not given
 * @param maxTrace the most bytes the trace may take ({@link Limits#DEFAULT_MAX_TRACE_BYTES} unless given)
 */
record RunOptions(String file, String trace, Long seed, long maxTrace, String problem) {

    static RunOptions parse(String[] args) {
        String file = null;
        String trace = null;
        String seed = null;
        String maxTrace = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.equals("--trace") || name.equals("--seed") || name.equals("--max-trace")) {
                String value;
                if (a.contains("=")) {
                    value = a.substring(a.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return failed(name + " needs a value");
                }
                if (name.equals("--trace")) {
                    trace = value;
                } else if (name.equals("--seed")) {
                    seed = value;
                } else {
                    maxTrace = value;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                return failed("unknown option '" + a + "'");
            } else if (file != null) {
                return failed("one scenario file at a time (got '" + file + "' and '" + a + "')");
            } else {
                file = a;
            }
        }
        if (file == null) {
            return failed("run needs a scenario file");
        }
        if (trace != null && trace.isEmpty()) {
            return failed("--trace needs a file name");
        }
        Long seedValue = null;
        if (seed != null) {
            try {
                seedValue = Long.parseLong(seed);
            } catch (NumberFormatException e) {
                return failed("--seed expects a whole number, got '" + seed + "'");
            }
        }
        long maxTraceValue = Limits.DEFAULT_MAX_TRACE_BYTES;
        if (maxTrace != null) {
            try {
                maxTraceValue = Arguments.bytes("--max-trace", maxTrace);
            } catch (IllegalArgumentException e) {
                return failed(e.getMessage());
            }
        }
        return new RunOptions(file, trace, seedValue, maxTraceValue, null);
    }

    private static RunOptions failed(String problem) {
        return new RunOptions(null, null, null, 0, problem);
    }
}
