package io.iocplab.cli;

import io.iocplab.lesson.Lang;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code iocplab [FILE.yaml]}: with no command, opens the simulator window, on the scenario or lesson file when
 * one is given (the contract's "New commands"). An argument that is neither a command nor a scenario file
 * ({@code .yaml}, {@code .yml}, or an existing file) is an unknown command, said as picocli says it, with the
 * commands it resembles.
 *
 * <p>{@code --lang en|ko} belongs to every command (the language of what they print and of their help); without
 * it, the system's language.
 */
@Command(name = "iocplab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = ScopeType.INHERIT, sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        subcommands = {RunCommand.class, LiveCommand.class, LessonsCommand.class, SweepCommand.class, ChartCommand.class,
                ScreenshotsCommand.class, HelpCommand.class, AutoComplete.GenerateCompletion.class})
final class IocpLabCommand implements Callable<Integer> {
    private final Desktop desktop;
    private final Locale system;

    @Spec
    private CommandSpec spec;

    /** The file to open; more words than one, or a word that is no file, make an unknown command. */
    @Parameters(arity = "0..*", paramLabel = "[FILE.yaml]", hideParamSyntax = true, descriptionKey = "iocplab.file")
    private List<String> words = List.of();

    @Option(names = "--lang", paramLabel = "en|ko", scope = ScopeType.INHERIT, converter = Converters.Language.class,
            descriptionKey = "iocplab.lang")
    private Lang lang;

    /** @param system the system's locale (its language is the default of {@code --lang}) */
    IocpLabCommand(Desktop desktop, Locale system) {
        this.desktop = desktop;
        this.system = system;
    }

    Desktop desktop() {
        return desktop;
    }

    /** The language asked for with {@code --lang}, else the system's. */
    Lang lang() {
        return lang != null ? lang : system.getLanguage().equals("ko") ? Lang.KO : Lang.EN;
    }

    @Override
    public Integer call() {
        if (words.isEmpty()) {
            return desktop.openWindow(null, lang);
        }
        String first = words.get(0);
        Path path = scenarioFile(first);
        if (path == null) {
            throw new UnknownCommand(spec.commandLine(), first,
                    spec.resourceBundle().getString("error.unknownCommand").formatted(first));
        }
        if (words.size() > 1) {
            throw new UnmatchedArgumentException(spec.commandLine(), words.subList(1, words.size()));
        }
        return desktop.openWindow(path, lang);
    }

    /** A word that is not a command: said so, with the commands it resembles (picocli's suggestions). */
    private static final class UnknownCommand extends UnmatchedArgumentException {
        private final String message;

        UnknownCommand(CommandLine cl, String word, String message) {
            super(cl, List.of(word));
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** The argument as a scenario file: a name ending in .yaml or .yml, or an existing file; else null. */
    private static Path scenarioFile(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        try {
            Path path = Path.of(argument);
            return lower.endsWith(".yaml") || lower.endsWith(".yml") || Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
