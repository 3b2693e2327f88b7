package io.iocplab;

import io.iocplab.app.IocpLabApp;
import io.iocplab.app.Screenshots;
import io.iocplab.app.experiments.ChartCommand;
import io.iocplab.cli.Cli;

/**
 * The launcher of {@code iocplab.jar}: with no arguments it opens the simulator window; with
 * {@code screenshots DIR} it writes pictures of the window; with {@code chart TABLE.csv OUT.png} it draws a
 * sweep's charts ({@link ChartCommand}); with anything else it is the command line
 * ({@link Cli}) and exits with its code. Not a JavaFX {@code Application} itself, so
 * that {@code java -jar} works from a plain class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            IocpLabApp.launchWindow(args);
            return;
        }
        if (args[0].equals("chart")) {
            ChartCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args[0].equals("screenshots")) {
            Screenshots.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
