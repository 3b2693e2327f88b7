package io.iocplab.bench;

import io.iocplab.app.FrameBenchmark;
import io.iocplab.cli.EchoBenchmark;
import io.iocplab.cli.MachineBenchmark;
import java.util.Arrays;

/**
 * The benchmarks, which print figures beside a floor or a peer (docs/benchmarks.md). They are not part of the
 * program: they live in {@code src/bench/java}, are compiled and tested with the tests, and run from the source
 * tree with {@code scripts/bench}:
 * <pre>
 * scripts/bench machine [PACKETS [TRACE-FILE]]        packets/s through the machine (MachineBenchmark)
 * scripts/bench echo [PEERS [MESSAGES [SIZE]]]        echo messages/s against a NIO.2 server (EchoBenchmark)
 * scripts/bench frame [MESSAGES [FRAMES]]             the main window's frame time, headless (FrameBenchmark)
 * </pre>
 */
public final class Bench {
    private Bench() {}

    private static final String USAGE = "usage: scripts/bench machine [PACKETS [TRACE-FILE]] | echo [PEERS [MESSAGES "
            + "[SIZE]]] | frame [MESSAGES [FRAMES]]";

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (which) {
                case "machine" -> MachineBenchmark.main(rest);
                case "echo" -> EchoBenchmark.main(rest);
                case "frame" -> FrameBenchmark.main(rest);
                default -> usage("which benchmark?");
            }
        } catch (NumberFormatException e) {          // a number that is not one: a usage error, not a crash
            usage("not a whole number: " + e.getMessage());
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
