package io.iocplab.cli;

import io.iocplab.scenario.OneLine;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The command line of {@code iocplab}, with picocli's conventions: {@code iocplab [FILE.yaml]} opens the window,
 * {@code run}, {@code lessons}, {@code sweep}, {@code chart}, {@code screenshots}, {@code help} and
 * {@code generate-completion} are its commands ({@link IocpLabCommand}), and every command answers
 * {@code --help} and {@code --version}.
 *
 * <p>Exit codes, for every command: 0 done (help and version included); 2 the input was wrong: the command line
 * (picocli's usage error: the problem, the command's own usage lines, where to read more; {@link UsageErrors}),
 * a file that cannot be read or is not valid (one {@code FILE:LINE:COLUMN: message} line per problem), and then
 * nothing is run; 1 a failure while running or writing, with a one-line message and no stack trace (the system
 * property {@code iocplab.debug} adds one; {@link Failures}).
 *
 * <p>The usage texts come from the {@value #BUNDLE} bundles, English and Korean: Korean when the command line
 * says {@code --lang ko}, or says no language and the system's is Korean ({@link #language}).
 */
public final class Cli {
    /** The usage texts and the command line's own sentences. */
    static final String BUNDLE = "io.iocplab.cli.usage";

    private Cli() {}

    /** Runs one command line on a system in the language of the default locale; never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err, Desktop desktop) {
        return run(args, out, err, desktop, Locale.getDefault());
    }

    /** Runs one command line on a system whose language is {@code system}'s; never calls System.exit, never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err, Desktop desktop, Locale system) {
        return commandLine(desktop, out, err, system, language(args, system)).execute(args);
    }

    /**
     * The whole command line on a system whose language is {@code system}'s, its help in {@code help}'s (English
     * unless Korean), writing to {@code out} and {@code err}.
     */
    static CommandLine commandLine(Desktop desktop, PrintStream out, PrintStream err, Locale system, Locale help) {
        ResourceBundle texts = texts(help);
        CommandLine cl = new CommandLine(new IocpLabCommand(desktop, system), new Factory(new Streams(out, err)));
        cl.setResourceBundle(texts);
        cl.setOut(writer(out));
        cl.setErr(writer(err));
        cl.setParameterExceptionHandler(new UsageErrors(texts));
        cl.setExecutionExceptionHandler(new Failures());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        completion.getCommandSpec().usageMessage().hidden(false);      // picocli hides it; our help lists it
        return cl;
    }

    /** Picocli's writer onto a stream, in the stream's own encoding (a PrintWriter on it would use the system's). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                stream.print(new String(text, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    /**
     * The language of the texts: {@code --lang ko} or {@code --lang=ko} anywhere on the command line, else the
     * system's: Korean for any Korean locale, English otherwise.
     */
    static Locale language(String[] args, Locale system) {
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (a.equals("--")) {
                break;
            }
            String value = a.startsWith("--lang=") ? a.substring("--lang=".length())
                    : a.equals("--lang") && i + 1 < list.size() ? list.get(i + 1) : null;
            if (value != null) {
                return value.equalsIgnoreCase("ko") ? Locale.KOREAN : Locale.ENGLISH;
            }
        }
        return system.getLanguage().equals("ko") ? Locale.KOREAN : Locale.ENGLISH;
    }

    /** The bundle for {@code locale}, without falling back to the system's language. */
    static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A message as one line: newlines and control characters from a file escaped ({@link OneLine}). */
    static String oneLine(String message) {
        return message == null ? "" : OneLine.of(message);
    }

    /** A file system failure as a few words: "no such file", "permission denied", ... */
    static String reason(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return reason(u.getCause());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof MalformedInputException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName()
                : oneLine(Character.toLowerCase(m.charAt(0)) + m.substring(1));
    }
}
