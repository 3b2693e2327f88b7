package io.iocplab;

import io.iocplab.app.AppDesktop;
import io.iocplab.cli.Cli;

/**
 * The launcher of {@code iocplab.jar}: the command line ({@link Cli}), given the window side of the program
 * ({@link AppDesktop}) for what needs a window ({@code iocplab [FILE.yaml]}, {@code chart}, {@code screenshots}),
 * and then the exit code. Not a JavaFX {@code Application} itself, so that {@code java -jar} works from a plain
 * class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.out, System.err, new AppDesktop()));
    }
}
