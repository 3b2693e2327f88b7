package io.iocplab.cli;

import java.io.PrintWriter;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli could not read: picocli's usage error, as its documentation writes it. The problem,
 * prefixed {@code iocplab:}, on one line (what was typed is escaped: {@link Cli#oneLine}); for a word picocli did not know, the commands or options it resembles; then the
 * usage lines of the command the problem is in (not those of another), and where to read more:
 * {@code Try 'iocplab run --help' for more information.} Exit code 2, picocli's for invalid input.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    private final ResourceBundle texts;

    UsageErrors(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("iocplab: " + Cli.oneLine(e.getMessage()));      // a word typed may hold any character
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print(cl.getHelp().fullSynopsis());
        CommandSpec spec = cl.getCommandSpec();
        err.println(texts.getString("error.try").formatted(spec.qualifiedName() + " --help"));
        err.flush();
        return spec.exitCodeOnInvalidInput();
    }
}
