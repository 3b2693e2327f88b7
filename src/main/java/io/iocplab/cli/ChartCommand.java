package io.iocplab.cli;

import io.iocplab.sweep.Knob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iocplab chart TABLE.csv OUT.png [--x KNOB] [--lines KNOB] [--where KNOB=VALUE]...}: draws the charts of a
 * sweep table as one PNG picture, as the experiments window draws them. The picture is drawn by the window side
 * ({@link Desktop#chart}), which needs a display ({@code xvfb-run -a} on a machine without one).
 *
 * <p>Exit codes: 0 written; 2 a bad command line or a file that is not a sweep table; 1 the picture could not be
 * drawn or written. The PNG is complete or not written.
 */
@Command(name = "chart", sortOptions = false)
final class ChartCommand implements Callable<Integer> {
    @ParentCommand
    private IocpLabCommand root;

    @Parameters(index = "0", paramLabel = "TABLE.csv", descriptionKey = "chart.table")
    private Path table;

    @Parameters(index = "1", paramLabel = "OUT.png", descriptionKey = "chart.png")
    private Path png;

    @Option(names = "--x", paramLabel = "KNOB", converter = Converters.KnobName.class, descriptionKey = "chart.x")
    private Knob x;

    @Option(names = "--lines", paramLabel = "KNOB", converter = Converters.KnobName.class,
            descriptionKey = "chart.lines")
    private Knob lines;

    @Option(names = "--where", paramLabel = "KNOB=VALUE", converter = Converters.KnobName.class,
            descriptionKey = "chart.where")
    private Map<Knob, String> where = new LinkedHashMap<>();

    private final Streams io;

    ChartCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return root.desktop().chart(new Desktop.ChartRequest(table, png, x, lines, where, root.lang()), io.out(),
                io.err());
    }
}
