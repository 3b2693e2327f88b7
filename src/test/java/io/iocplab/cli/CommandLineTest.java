package io.iocplab.cli;

import static io.iocplab.cli.CommandLineRun.iocplab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iocplab.cli.CommandLineRun.Result;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's conventions, as a user meets them: every command answers {@code --help} (exit 0) and
 * {@code --version}; {@code --help} lists every command; a usage error shows the usage of the command it is in
 * and exits 2; an unknown command says so and points to {@code --help}; the window's commands go to the window
 * side; the help is Korean on a Korean system or with {@code --lang ko}; a completion script is printed.
 */
class CommandLineTest {
    @TempDir
    Path dir;

    /** Every command of the tree, as typed after {@code iocplab}: "", "run", "lessons", "lessons check", ... */
    private static List<String> commands() {
        List<String> all = new ArrayList<>();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        collect(Cli.commandLine(null, nowhere, nowhere, Locale.ENGLISH, Locale.ENGLISH), "", all);
        return all;
    }

    private static void collect(CommandLine cl, String path, List<String> all) {
        all.add(path);
        cl.getSubcommands().forEach((name, sub) -> collect(sub, (path + " " + name).strip(), all));
    }

    private static String[] words(String command, String... more) {
        List<String> w = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        w.addAll(List.of(more));
        return w.toArray(String[]::new);
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsageAndExitsZero() {
        List<String> commands = commands();
        assertTrue(commands.containsAll(List.of("", "run", "lessons", "lessons check", "lessons list", "lessons show",
                "lessons homework", "lessons help", "sweep", "chart", "screenshots", "help", "generate-completion")),
                commands::toString);
        for (String c : commands) {
            for (String help : List.of("--help", "-h")) {
                Result r = iocplab(words(c, help));
                assertEquals(0, r.code(), c + " " + help + ": " + r.err());
                assertTrue(r.out().contains("Usage: iocplab" + (c.isEmpty() ? "" : " " + c) + " ["), c + ": " + r.out());
                assertEquals("", r.err(), c);
            }
        }
    }

    @Test
    void theMainHelpListsEveryCommand() {
        String help = iocplab("--help").out();
        for (String c : List.of("run", "lessons", "sweep", "chart", "screenshots", "help", "generate-completion")) {
            assertTrue(help.lines().anyMatch(l -> l.startsWith("  " + c + " ")), c + " in " + help);
        }
        assertTrue(help.contains("  lessons              The course: check, list, show, homework"), help);
        String lessons = iocplab("lessons", "--help").out();
        for (String c : List.of("check", "list", "show", "homework")) {
            assertTrue(lessons.lines().anyMatch(l -> l.startsWith("  " + c + " ")), c + " in " + lessons);
        }
        assertEquals(iocplab("--help").out(), iocplab("help").out());
        assertEquals(iocplab("lessons", "--help").out(), iocplab("help", "lessons").out());
        assertEquals(iocplab("lessons", "show", "--help").out(), iocplab("lessons", "help", "show").out());
    }

    @Test
    void everyCommandPrintsTheVersion() throws Exception {
        Properties built = new Properties();
        try (var in = Version.class.getResourceAsStream(Version.RESOURCE)) {
            built.load(in);
        }
        assertTrue(built.getProperty("version").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), built.toString());
        for (String c : commands()) {
            if (c.endsWith("help")) {
                continue;                   // picocli's help command takes any word as the command to explain
            }
            Result r = iocplab(words(c, "--version"));
            assertEquals(0, r.code(), c);
            List<String> lines = r.out().lines().toList();
            assertEquals("IOCP Lab " + built.getProperty("version"), lines.get(0), c);
            assertTrue(lines.get(1).startsWith("JavaFX " + built.getProperty("javafx") + ", Java "
                    + Runtime.version()), lines.get(1));
        }
        assertEquals(iocplab("--version").out(), iocplab("-V").out());
    }

    @Test
    void aUsageErrorShowsTheUsageOfItsOwnCommand() {
        iocplab("run").assertUsageError("run");
        iocplab("sweep", "--threads", "x").assertUsageError("sweep");
        iocplab("chart", "only-a-table.csv").assertUsageError("chart");
        iocplab("chart", "t.csv", "p.png", "--x", "knob").assertUsageError("chart");
        iocplab("screenshots").assertUsageError("screenshots");
        iocplab("lessons", "list", "a", "b").assertUsageError("lessons list");
        iocplab("--lang", "fr").assertUsageError("");
        Result r = iocplab("chart", "t.csv", "p.png", "--x", "knob");
        assertEquals("iocplab: Invalid value for option '--x': no knob 'knob'; expected threads, concurrency, cpus,"
                + " compute or block", r.errLines().get(0));
    }

    @Test
    void anUnknownCommandSaysSoAndPointsToHelp() {
        Result r = iocplab("frob");
        r.assertUsageError("");
        assertEquals("iocplab: Unknown command 'frob' (a scenario file ends in .yaml)", r.errLines().get(0));
        r = iocplab("lesson", "list");
        r.assertUsageError("");
        assertEquals("iocplab: Unknown command 'lesson' (a scenario file ends in .yaml)", r.errLines().get(0));
        assertTrue(r.err().contains("Did you mean: iocplab lessons"), r.err());
        iocplab("new.yaml", "extra").assertUsageError("");
    }

    @Test
    void aScenarioFileOpensTheWindowOnItInTheLanguageAskedFor() throws Exception {
        CommandLineRun cli = new CommandLineRun();
        assertEquals(0, cli.run().code());
        assertEquals(0, cli.run("new.yaml").code());                    // not there yet: the window says so
        Path file = Files.writeString(dir.resolve("scenario.txt"), "threads: { T: [ ExitThread ] }\n");
        assertEquals(0, cli.run(file.toString()).code());               // any existing file
        assertEquals(0, cli.run("--lang", "ko", "06-lifo.YML").code());
        assertEquals(0, cli.run("--lang=en").code());
        assertEquals(List.of("open null", "open new.yaml", "open " + file, "open 06-lifo.YML in ko", "open null in en"),
                cli.asked, "--lang is the window's language too; without it the window is as it was left");
    }

    @Test
    void theWindowsCommandsGoToTheWindowSide() {
        CommandLineRun cli = new CommandLineRun();
        assertEquals(0, cli.run("chart", "s.csv", "s.png", "--where", "cpus=2", "--where=threads=4", "--lines",
                "concurrency").code());
        assertEquals(0, cli.run("chart", "s.csv", "s.png", "--lang", "ko").code());
        assertEquals(0, cli.run("screenshots", "pictures", "--headless").code());
        assertEquals(List.of(
                "chart s.csv s.png x=null lines=CONCURRENCY where={CPUS=2, THREADS=4} lang=EN",
                "chart s.csv s.png x=null lines=null where={} lang=KO",
                "screenshots pictures headless"), cli.asked);
    }

    @Test
    void theHelpIsKoreanOnAKoreanSystemOrWithLangKo() {
        Result system = new CommandLineRun(Locale.KOREAN).run("--help");
        assertEquals(0, system.code());
        assertTrue(system.out().startsWith("IOCP Lab: Windows I/O 완료 포트를 가르치는 시뮬레이터\n사용법: iocplab"),
                system.out());
        assertTrue(system.out().contains("  lessons              레슨 과정: check, list, show, homework"), system.out());
        assertEquals(system.out(), iocplab("--lang", "ko", "--help").out());
        assertEquals(iocplab("--help").out(), new CommandLineRun(Locale.KOREAN).run("--help", "--lang=en").out());
        Result error = new CommandLineRun(Locale.KOREAN).run("run");
        assertEquals("자세한 내용은 'iocplab run --help'를 보라.", error.errLines().get(error.errLines().size() - 1));
    }

    @Test
    void theKoreanHelpHasEveryTextOfTheEnglish() throws Exception {
        Properties en = new Properties();
        Properties ko = new Properties();
        try (var e = Cli.class.getResourceAsStream("usage.properties");
             var k = Cli.class.getResourceAsStream("usage_ko.properties")) {
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
            ko.load(new java.io.InputStreamReader(k, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), ko.keySet());
    }

    @Test
    void aCompletionScriptIsPrinted() {
        Result r = iocplab("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F _complete_iocplab"), r.out());
        for (String word : List.of("run", "lessons", "sweep", "chart", "screenshots", "--threads", "--trace")) {
            assertTrue(r.out().contains(word), word);
        }
    }

    @Test
    void runStrictStopsAtTheFirstHazardWithExitOneAndItsLineLast() throws Exception {
        Path file = Path.of("src/test/resources/conformance/HAZARD-socket-closed.yaml");
        CommandLineRun.Result lax = new CommandLineRun().run("run", file.toString());
        assertEquals(0, lax.code(), lax.err());
        assertEquals(3, lax.out().lines().filter(l -> l.contains("\"type\":\"hazard\"")).count(),
                "hazards are in the trace, and the run goes on");

        CommandLineRun.Result strict = new CommandLineRun().run("run", file.toString(), "--strict");
        assertEquals(1, strict.code(), strict.err());
        List<String> lines = strict.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).contains("\"rule\":\"socket-closed\""), strict.out());
        assertEquals(1, lines.stream().filter(l -> l.contains("\"type\":\"hazard\"")).count());
        assertEquals(List.of("iocplab: the run failed: a hazard (--strict): socket-closed in main's WSARecv at 0.001 ms: "
                + "S was closed at 0.000 ms: a call on a closed socket (in a real process the handle value may name "
                + "another socket by then)"), strict.errLines());
    }
}
