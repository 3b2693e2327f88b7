package io.iocplab.cli;

import io.iocplab.lesson.Answer;
import io.iocplab.lesson.Choice;
import io.iocplab.lesson.CodeFocus;
import io.iocplab.lesson.Homework;
import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lang;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.LessonCheck;
import io.iocplab.lesson.LessonLoader;
import io.iocplab.lesson.LessonRun;
import io.iocplab.lesson.LessonStep;
import io.iocplab.scenario.CListing;
import io.iocplab.scenario.Problem;
import io.iocplab.scenario.TraceWriter;
import io.iocplab.sim.event.SimEvent;
import io.iocplab.sweep.Csv;
import io.iocplab.sweep.Measures;
import io.iocplab.sweep.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code iocplab lessons ...}: check, list, show and homework (see {@code lessons/README.md}).
 *
 * <p>Exit codes: 0 when the command did what it was asked ({@code check}: every lesson is fine);
 * 1 when {@code check} found problems (one {@code FILE:LINE:COLUMN: message} line each, on standard
 * error) or a homework could not be made; 2 for a wrong command line or a lesson that cannot be found
 * or read.
 */
public final class LessonsCommand {
    public static final String USAGE = String.join("\n",
            "usage: iocplab lessons check [DIR]",
            "       iocplab lessons list [DIR] [--lang en|ko]",
            "       iocplab lessons show LESSON [--dir DIR] [--lang en|ko]",
            "       iocplab lessons homework LESSON --seed N [--answers] [--lang en|ko] [--dir DIR]");
    /** Where lessons are when no folder is given. */
    public static final String DEFAULT_DIR = "lessons";

    private LessonsCommand() {}

    /** {@code java -cp iocplab.jar io.iocplab.cli.LessonsCommand check}: the same without the main command line. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code lessons} with the arguments after the word "lessons"; never throws, never exits. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                return usage(err, "lessons needs a command: check, list, show or homework");
            }
            if (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            Options o = Options.parse(args);
            if (o.problem != null) {
                return usage(err, o.problem);
            }
            return switch (args[0]) {
                case "check" -> check(o, out, err);
                case "list" -> list(o, out, err);
                case "show" -> show(o, out, err);
                case "homework" -> homework(o, out, err);
                default -> usage(err, "unknown lessons command '" + args[0] + "'");
            };
        } catch (RuntimeException | Error e) {
            err.println("iocplab: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Cli.oneLine(e.getMessage())));
            if (System.getProperty("iocplab.debug") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    /** The parsed command line. */
    private static final class Options {
        String command;
        String dir;
        String lesson;
        Long seed;
        boolean answers;
        Lang lang = Lang.EN;
        String problem;

        static Options parse(String[] args) {
            Options o = new Options();
            o.command = args[0];
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length && o.problem == null; i++) {
                String a = args[i];
                String value = null;
                String name = a;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                switch (name) {
                    case "--answers" -> o.answers = true;
                    case "--seed", "--lang", "--dir" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                o.problem = name + " needs a value";
                                break;
                            }
                            value = args[++i];
                        }
                        if (name.equals("--seed")) {
                            try {
                                o.seed = Long.parseLong(value);
                            } catch (NumberFormatException e) {
                                o.problem = "--seed expects a whole number, got '" + value + "'";
                            }
                        } else if (name.equals("--lang")) {
                            o.lang = Lang.of(value);
                            if (o.lang == null) {
                                o.problem = "--lang expects en or ko, got '" + value + "'";
                            }
                        } else {
                            o.dir = value;
                        }
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            o.problem = "unknown option '" + a + "'";
                        } else {
                            positional.add(a);
                        }
                    }
                }
            }
            if (o.problem != null) {
                return o;
            }
            boolean takesLesson = o.command.equals("show") || o.command.equals("homework");
            if (takesLesson) {
                if (positional.isEmpty()) {
                    o.problem = o.command + " needs a lesson (its id, number or file)";
                } else {
                    o.lesson = positional.remove(0);
                }
            } else if (!positional.isEmpty()) {
                if (o.dir != null) {
                    o.problem = "give the folder once";
                }
                o.dir = positional.remove(0);
            }
            if (o.problem == null && !positional.isEmpty()) {
                o.problem = "unexpected argument '" + positional.get(0) + "'";
            }
            if (o.problem == null && o.command.equals("homework") && o.seed == null) {
                o.problem = "homework needs --seed N";
            }
            if (o.problem == null && o.answers && !o.command.equals("homework")) {
                o.problem = "--answers is for homework";
            }
            if (o.dir == null) {
                o.dir = DEFAULT_DIR;
            }
            return o;
        }
    }

    private static int check(Options o, PrintStream out, PrintStream err) {
        Path dir = Path.of(o.dir);
        if (!Files.isDirectory(dir)) {
            err.println(o.dir + ": no such folder");
            return 2;
        }
        LessonCheck.Result r;
        try {
            r = LessonCheck.check(dir);
        } catch (IOException e) {
            err.println(Cli.oneLine(o.dir + ": cannot read: " + e.getMessage()));
            return 2;
        }
        if (r.files().isEmpty()) {
            err.println(o.dir + ": no lessons (files named NN-slug.yaml)");
            return 1;
        }
        for (Problem p : r.problems()) {
            err.println(p);
        }
        if (!r.problems().isEmpty()) {
            long bad = r.problems().stream().map(Problem::file).distinct().count();
            err.println(r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s") + " in " + bad
                    + " of " + r.files().size() + " lessons");
            return 1;
        }
        out.println(r.files().size() + " lessons OK");
        return 0;
    }

    private static int list(Options o, PrintStream out, PrintStream err) {
        List<Path> files;
        try {
            files = LessonLoader.files(Path.of(o.dir));
        } catch (IOException e) {
            err.println(Cli.oneLine(o.dir + ": cannot read: " + e.getMessage()));
            return 2;
        }
        int status = 0;
        for (Path f : files) {
            try {
                Lesson l = LessonLoader.load(f);
                out.printf("%-28s %s  (%d steps, %d prediction%s)%n", l.id(), l.title().get(o.lang),
                        l.steps().size(), l.predictions(), l.predictions() == 1 ? "" : "s");
            } catch (InvalidLessonException e) {
                out.printf("%-28s (invalid: %s)%n", idOf(f), e.problems().get(0));
                status = 1;
            } catch (IOException e) {
                out.printf("%-28s (cannot read: %s)%n", idOf(f), e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** The file name without .yaml. */
    private static String idOf(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
    }

    /** Finds a lesson by file, id or number, and loads it; prints why not and returns null. */
    private static Lesson find(Options o, PrintStream err) {
        Path file = null;
        Path given = Path.of(o.lesson);
        if (o.lesson.endsWith(".yaml") && Files.isRegularFile(given)) {
            file = given;
        } else {
            try {
                for (Path f : LessonLoader.files(Path.of(o.dir))) {
                    String id = idOf(f);
                    String number = id.substring(0, 2);
                    if (id.equals(o.lesson) || number.equals(o.lesson)
                            || o.lesson.matches("[0-9]") && number.equals("0" + o.lesson)) {
                        file = f;
                        break;
                    }
                }
            } catch (IOException e) {
                err.println(Cli.oneLine(o.dir + ": cannot read: " + e.getMessage()));
                return null;
            }
        }
        if (file == null) {
            err.println(Cli.oneLine("iocplab: no lesson '" + o.lesson + "' in " + o.dir + " (try: iocplab lessons list)"));
            return null;
        }
        try {
            return LessonLoader.load(file);
        } catch (InvalidLessonException e) {
            for (Problem p : e.problems()) {
                err.println(p);
            }
        } catch (IOException e) {
            err.println(Cli.oneLine(file + ": cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static int homework(Options o, PrintStream out, PrintStream err) {
        Lesson lesson = find(o, err);
        if (lesson == null) {
            return 2;
        }
        try {
            out.print(Homework.generate(lesson, o.seed).render(o.lang, o.answers));
            return 0;
        } catch (Homework.CannotVaryException e) {
            err.println("iocplab: " + e.getMessage());
            return 1;
        }
    }

    /** Each step with its point, its code line and its prediction's answer: for lesson authors. */
    private static int show(Options o, PrintStream out, PrintStream err) {
        Lesson lesson = find(o, err);
        if (lesson == null) {
            return 2;
        }
        LessonRun run = LessonRun.run(lesson);
        Lang lang = o.lang;
        out.println(lesson.id() + ": " + lesson.title().get(lang));
        out.println(lesson.summary().get(lang));
        sweep(run, out);
        for (LessonStep s : lesson.steps()) {
            int p = run.pointOf(s.index());
            out.println();
            if (p < 0) {
                out.println("[" + s.index() + "] (never reached)");
                continue;
            }
            SimEvent e = run.events().get(p);
            out.println("[" + s.index() + "] event " + p + ": " + TraceWriter.line(e));   // as the trace has it
            out.println("    " + s.say().get(lang).replace("\n", "\n    "));
            CodeFocus c = run.codeOf(s.index());
            if (c != null) {
                CListing listing = CListing.of(lesson.scenario(), c.thread());
                out.println("    code " + c.thread() + " step " + c.programStep() + ": "
                        + (listing != null && c.line() >= 0 ? listing.lines().get(c.line()).code() : "-"));
            }
            if (s.predict() != null) {
                out.println("    ? " + s.predict().question().get(lang));
                Answer a = run.answerOf(s.index()).orElse(null);
                if (a != null) {
                    for (Choice ch : a.choices()) {
                        out.println("      " + (a.isCorrect(ch.id()) ? "*" : " ") + " " + ch.label().get(lang));
                    }
                    out.println("    = " + a.explanation().get(lang) + " [event " + a.decidedAt() + "]");
                }
            }
        }
        for (Problem pr : run.problems()) {
            err.println(pr);
        }
        return run.ok() ? 0 : 1;
    }

    /** The rows of the lesson's sweep, the stage's marked with *. */
    private static void sweep(LessonRun run, PrintStream out) {
        List<Row> rows = run.sweepRows();
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("sweep " + run.lesson().sweep().describe() + ": " + rows.size() + " runs, seed "
                + run.lesson().scenario().seed() + " (* the run on the stage)");
        out.printf(Locale.ROOT, "  %-36s %12s %15s %11s %13s%n", "configuration", "packets/s", "switches/packet",
                "utilisation", "median echo");
        for (int i = 0; i < rows.size(); i++) {
            Measures m = rows.get(i).measures();
            out.printf(Locale.ROOT, "%s %-36s %12.1f %15.3f %11.3f %13s%n", i == run.stageRow() ? "*" : " ",
                    rows.get(i).configuration().describe(), m.throughput(), m.contextSwitchesPerPacket(),
                    m.utilisation(), m.latencyMedianUs() == Measures.NO_SAMPLE ? "-" : Csv.ms(m.latencyMedianUs())
                            + " ms");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("iocplab: " + Cli.oneLine(problem));
        err.println(USAGE);
        return 2;
    }
}
