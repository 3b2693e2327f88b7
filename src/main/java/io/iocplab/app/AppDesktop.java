package io.iocplab.app;

import io.iocplab.app.experiments.ChartCommand;
import io.iocplab.cli.Desktop;
import io.iocplab.lesson.Lang;
import java.io.PrintStream;
import java.nio.file.Path;

/** The window side of the command line ({@link Desktop}): the window, the charts and the screenshots. */
public final class AppDesktop implements Desktop {

    @Override
    public int openWindow(Path file, Lang language) {
        IocpLabApp.launchWindow(file, language);
        return 0;
    }

    @Override
    public int chart(ChartRequest request, PrintStream out, PrintStream err) {
        return ChartCommand.draw(request, err);
    }

    @Override
    public int screenshots(Path dir, boolean headless, boolean everySize, PrintStream out, PrintStream err) {
        return Screenshots.run(dir, headless, everySize, out, err);
    }
}
