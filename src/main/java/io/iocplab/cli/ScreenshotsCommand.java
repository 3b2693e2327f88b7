package io.iocplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code iocplab screenshots DIR [--headless] [--every-size]}: writes PNG pictures of every window, English and Korean, into
 * {@code DIR} (the README's pictures), each file's path on standard output. Drawn by the window side
 * ({@link Desktop#screenshots}); it needs a display, or {@code --headless} with the headless toolkit (Monocle) on
 * the class path.
 */
@Command(name = "screenshots")
final class ScreenshotsCommand implements Callable<Integer> {
    @ParentCommand
    private IocpLabCommand root;

    @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "screenshots.dir")
    private Path dir;

    @Option(names = "--headless", descriptionKey = "screenshots.headless")
    private boolean headless;

    @Option(names = "--every-size", descriptionKey = "screenshots.everySize")
    private boolean everySize;

    private final Streams io;

    ScreenshotsCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        return root.desktop().screenshots(dir, headless, everySize, io.out(), io.err());
    }
}
