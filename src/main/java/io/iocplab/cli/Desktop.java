package io.iocplab.cli;

import io.iocplab.lesson.Lang;
import io.iocplab.sweep.Knob;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line asks of the window side of the program, which it does not know (the layers: {@code cli}
 * sits beside {@code app}, not above it). {@code io.iocplab.Main} hands the command line the real one; a test
 * hands it one that records what was asked.
 *
 * <p>Every method returns the exit code of its command, as the command line's own commands do: 0 done,
 * 1 failed (said on {@code err}), 2 the input was wrong.
 */
public interface Desktop {

    /**
     * Opens the simulator window, on {@code file} when it is not null (a scenario, or a lesson, which starts that
     * lesson; a file with mistakes shows them in the window as Open does), in {@code language} when it is not null
     * ({@code --lang}; else as the window was left, the system's language at the first launch). Returns when the
     * window is closed.
     */
    int openWindow(Path file, Lang language);

    /** {@code chart}: draws the charts of a sweep table as one PNG picture ({@link ChartRequest}). */
    int chart(ChartRequest request, PrintStream out, PrintStream err);

    /**
     * {@code screenshots}: writes pictures of every window into {@code dir} (with {@code everySize}, every window at
     * every tested size, in both languages), each file's path on {@code out}.
     */
    int screenshots(Path dir, boolean headless, boolean everySize, PrintStream out, PrintStream err);

    /**
     * The picture {@code chart} asks for.
     *
     * @param table the CSV table written by {@code sweep --csv}
     * @param png   where the picture goes (complete or not written)
     * @param x     the knob along the charts, or null: the first that varies in the table
     * @param lines the knob drawn as one line per value, or null: the next that varies
     * @param where knobs held at one value (the rows kept), in the order given
     * @param lang  the language of the picture's texts
     */
    record ChartRequest(Path table, Path png, Knob x, Knob lines, Map<Knob, String> where, Lang lang) {}
}
