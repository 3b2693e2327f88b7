package io.iocplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.lesson.Lang;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@code iocplab} as a user types it, on an English system unless told, with a window side that only
 * records what it was asked ({@link #asked}); what it printed on each stream and its exit code.
 */
public final class CommandLineRun {
    /** What the window side was asked, one line each: {@code open FILE}, {@code chart ...}, {@code screenshots DIR}. */
    public final List<String> asked = new ArrayList<>();

    /** The outcome of one command line. */
    public record Result(int code, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }

        /**
         * A usage error of {@code command} ("run", "lessons show"...), as picocli's conventions say it: exit 2,
         * {@code iocplab: problem}, that command's own usage lines, where to read more; nothing on standard output.
         */
        public void assertUsageError(String command) {
            String all = "code " + code + ", out " + out + ", err " + err;
            assertEquals(2, code, all);
            List<String> e = errLines();
            assertTrue(e.get(0).startsWith("iocplab: "), all);
            String usage = "Usage: iocplab" + (command.isEmpty() ? "" : " " + command) + " [";
            assertTrue(e.stream().anyMatch(l -> l.startsWith(usage)), usage + " in " + all);
            assertEquals("Try 'iocplab" + (command.isEmpty() ? "" : " " + command) + " --help' for more information.",
                    e.get(e.size() - 1), all);
            assertEquals("", out, all);
        }
    }

    private final Locale system;

    public CommandLineRun() {
        this(Locale.ENGLISH);
    }

    /** On a system whose language is {@code system}'s. */
    public CommandLineRun(Locale system) {
        this.system = system;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new Recorder(), system);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code iocplab} with these arguments on an English system, printing to the given streams; its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run(args, out, err, new CommandLineRun().new Recorder(), Locale.ENGLISH);
    }

    /** Runs {@code iocplab} with these arguments on an English system. */
    public static Result iocplab(String... args) {
        return new CommandLineRun().run(args);
    }

    private final class Recorder implements Desktop {
        @Override
        public int openWindow(Path file, Lang language) {
            asked.add("open " + file + (language == null ? "" : " in " + language.code()));
            return 0;
        }

        @Override
        public int chart(ChartRequest r, PrintStream out, PrintStream err) {
            asked.add("chart " + r.table() + " " + r.png() + " x=" + r.x() + " lines=" + r.lines() + " where="
                    + r.where() + " lang=" + r.lang());
            return 0;
        }

        @Override
        public int screenshots(Path dir, boolean headless, boolean everySize, PrintStream out, PrintStream err) {
            asked.add("screenshots " + dir + (headless ? " headless" : "") + (everySize ? " every-size" : ""));
            return 0;
        }
    }
}
