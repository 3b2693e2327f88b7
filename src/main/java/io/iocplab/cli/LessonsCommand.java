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
import io.iocplab.lesson.PackedCourse;
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
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iocplab lessons check|list|show|homework}: checks and uses the course (see {@code lessons/README.md}). The
 * course is the one packed with the program ({@link PackedCourse}), so the commands work from any folder; a
 * folder given ({@code check DIR}, {@code list DIR}, {@code --dir DIR}) is read instead.
 *
 * <p>Exit codes: 0 when the command did what it was asked ({@code check}: every lesson is fine);
 * 1 when {@code check} found problems (one {@code FILE:LINE:COLUMN: message} line each, on standard
 * error) or a homework could not be made; 2 for a wrong command line or a lesson that cannot be found
 * or read.
 */
@Command(name = "lessons", subcommands = {LessonsCommand.Check.class, LessonsCommand.ListCommand.class,
        LessonsCommand.Show.class, LessonsCommand.HomeworkCommand.class, HelpCommand.class})
final class LessonsCommand {
    static final int NOT_FOUND = 2;

    @ParentCommand
    private IocpLabCommand root;

    /** Where the lessons are read from: a folder given, or the packed course. */
    private record Source(String dir) {
        /** Lends the folder to {@code reader} (the packed course's only while it reads). */
        <T> T read(PackedCourse.Reader<T> reader) throws IOException {
            return dir == null ? PackedCourse.read(reader) : reader.read(Path.of(dir));
        }

        /** How the folder is named in messages. */
        String describe() {
            return dir == null ? "the packed course" : dir;
        }
    }

    /** {@code lessons check [DIR]}: every lesson loads, runs, and answers. */
    @Command(name = "check")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "lessons.dir")
        private String dir;

        private final Streams io;

        Check(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            return check(new Source(dir), io.out(), io.err());
        }
    }

    /** {@code lessons list [DIR]}: each lesson with its title, steps and predictions. */
    @Command(name = "list")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        private LessonsCommand lessons;

        @Parameters(arity = "0..1", paramLabel = "DIR", descriptionKey = "lessons.dir")
        private String dir;

        private final Streams io;

        ListCommand(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            return list(new Source(dir), lessons.root.lang(), io.out(), io.err());
        }
    }

    /** {@code lessons show LESSON [--dir DIR]}: each step's point, code line and answer, for authors. */
    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        private LessonsCommand lessons;

        @Parameters(index = "0", paramLabel = "LESSON", descriptionKey = "lessons.lesson")
        private String lesson;

        @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "lessons.dir")
        private String dir;

        private final Streams io;

        Show(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Lesson l = find(new Source(dir), lesson, io.err());
            return l == null ? NOT_FOUND : show(l, lessons.root.lang(), io.out(), io.err());
        }
    }

    /** {@code lessons homework LESSON --seed N [--answers] [--dir DIR]}: a variation of the lesson to work out. */
    @Command(name = "homework", sortOptions = false)
    static final class HomeworkCommand implements Callable<Integer> {
        @ParentCommand
        private LessonsCommand lessons;

        @Parameters(index = "0", paramLabel = "LESSON", descriptionKey = "lessons.lesson")
        private String lesson;

        @Option(names = "--seed", paramLabel = "N", required = true, descriptionKey = "lessons.seed")
        private long seed;

        @Option(names = "--answers", descriptionKey = "lessons.answers")
        private boolean answers;

        @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "lessons.dir")
        private String dir;

        private final Streams io;

        HomeworkCommand(Streams io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            Lesson l = find(new Source(dir), lesson, io.err());
            if (l == null) {
                return NOT_FOUND;
            }
            try {
                io.out().print(Homework.generate(l, seed).render(lessons.root.lang(), answers));
                return 0;
            } catch (Homework.CannotVaryException e) {
                io.err().println("iocplab: " + e.getMessage());
                return 1;
            }
        }
    }

    private static int check(Source source, PrintStream out, PrintStream err) {
        LessonCheck.Result r;
        try {
            r = source.read(LessonCheck::check);
        } catch (NoSuchFileException | InvalidPathException e) {
            err.println(source.describe() + ": no such folder");
            return NOT_FOUND;
        } catch (IOException e) {
            err.println(Cli.oneLine(source.describe() + ": cannot read: " + e.getMessage()));
            return NOT_FOUND;
        }
        if (r.files().isEmpty()) {
            err.println(source.describe() + ": no lessons (files named NN-slug.yaml)");
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

    private static int list(Source source, Lang lang, PrintStream out, PrintStream err) {
        try {
            return source.read(dir -> {
                int status = 0;
                for (Path f : LessonLoader.files(dir)) {
                    try {
                        Lesson l = LessonLoader.load(f);
                        out.printf("%-28s %s  (%d steps, %d prediction%s)%n", l.id(), l.title().get(lang),
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
            });
        } catch (IOException | InvalidPathException e) {
            err.println(Cli.oneLine(source.describe() + ": cannot read: " + e.getMessage()));
            return NOT_FOUND;
        }
    }

    /** The file name without .yaml. */
    private static String idOf(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
    }

    /**
     * Finds a lesson by file (a name ending in .yaml that exists), id or number in {@code source}, and loads it;
     * prints why not and returns null.
     */
    private static Lesson find(Source source, String lesson, PrintStream err) {
        try {
            if (lesson.endsWith(".yaml") && Files.isRegularFile(Path.of(lesson))) {
                return load(Path.of(lesson), err);
            }
            Lesson found = source.read(dir -> {
                for (Path f : LessonLoader.files(dir)) {
                    String id = idOf(f);
                    String number = id.substring(0, 2);
                    if (id.equals(lesson) || number.equals(lesson)
                            || lesson.matches("[0-9]") && number.equals("0" + lesson)) {
                        return load(f, err);
                    }
                }
                err.println(Cli.oneLine("iocplab: no lesson '" + lesson + "' in " + source.describe()
                        + " (try: iocplab lessons list)"));
                return null;
            });
            return found;
        } catch (IOException | InvalidPathException e) {
            err.println(Cli.oneLine(source.describe() + ": cannot read: " + e.getMessage()));
            return null;
        }
    }

    /** Loads a lesson file; prints its problems and returns null when it does not load. */
    private static Lesson load(Path file, PrintStream err) {
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

    /** Each step with its point, its code line and its prediction's answer: for lesson authors. */
    private static int show(Lesson lesson, Lang lang, PrintStream out, PrintStream err) {
        LessonRun run = LessonRun.run(lesson);
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
}
