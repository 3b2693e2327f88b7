package io.iocplab.app;

import io.iocplab.app.fx.Pictures;
import io.iocplab.app.run.Notice;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.lesson.InvalidLessonException;
import io.iocplab.lesson.Lesson;
import io.iocplab.lesson.read.LessonLoader;
import io.iocplab.scenario.InvalidScenarioException;
import io.iocplab.scenario.Scenario;
import io.iocplab.scenario.ScenarioLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * What the toolbar does with files: open a scenario (chosen, or dropped on the window), save the
 * window as a PNG picture, save the run's events as a JSONL trace or for Perfetto (the Chrome trace-event format).
 *
 * <p>Rules: a file whose top level has {@code steps:} is a lesson, any other a scenario ({@link LessonLoader#isLesson}).
 * A file with mistakes is shown in a dialog with its {@code FILE:LINE:COLUMN: message} lines and changes
 * nothing else (the current run keeps going); saving writes whole files
 * or nothing, in the background ({@link Exports}), and says how it went in a notice.
 */
final class FileActions {
    private final ShellDialogs dialogs;
    private final PlayerModel player;
    private final BiConsumer<String, Scenario> load;
    private final Consumer<Lesson> lessons;
    private final Consumer<Notice> notices;
    private final BiConsumer<String, String> sources;
    private Scene scene;

    /**
     * {@code load} starts a run of a scenario under a name, {@code lessons} starts a lesson; {@code notices} shows
     * how a save went; {@code sources} is told the name and text of each scenario file opened (for the editor).
     */
    FileActions(ShellDialogs dialogs, PlayerModel player, BiConsumer<String, Scenario> load, Consumer<Lesson> lessons,
                Consumer<Notice> notices, BiConsumer<String, String> sources) {
        this.sources = sources;
        this.dialogs = dialogs;
        this.player = player;
        this.load = load;
        this.lessons = lessons;
        this.notices = notices;
    }

    /** A file dropped on {@code scene} is opened (the first one, after the drop is done). */
    void acceptDrops(Scene scene) {
        this.scene = scene;
        scene.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                Path file = files.get(0).toPath();
                Platform.runLater(() -> open(file));  // after the drop is done, so a dialog cannot block it
            }
        });
    }

    /**
     * Opens a scenario or lesson file: a valid scenario starts a new run, a valid lesson starts that lesson; one
     * with mistakes shows them and changes nothing.
     *
     * @return whether a run or a lesson was started
     */
    boolean open(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            dialogs.showReadError(file, e);
            return false;
        }
        String name = file.getFileName().toString();
        try {
            if (LessonLoader.isLesson(text)) {
                Lesson lesson = LessonLoader.loadString(file.toString(), text);
                dialogs.openedFile(file);
                lessons.accept(lesson);
            } else {
                Scenario s = ScenarioLoader.loadString(file.toString(), text);
                dialogs.openedFile(file);
                sources.accept(name, text);
                load.accept(name, s);
            }
            return true;
        } catch (InvalidScenarioException e) {
            dialogs.showProblems(file, e.problems());
        } catch (InvalidLessonException e) {
            dialogs.showProblems(file, e.problems());
        }
        return false;
    }

    /** Asks for a scenario file and opens it. */
    void chooseAndOpen() {
        Path file = dialogs.chooseScenario();
        if (file != null) {
            open(file);
        }
    }

    /** Asks where to save the picture of the window, and saves it. */
    void chooseAndExportPng() {
        Path file = dialogs.chooseTarget("dialog.exportPng.title", "dialog.exportPng.filter", "*.png",
                "iocplab-step-" + player.step() + ".png");
        if (file != null) {
            exportPng(file);
        }
    }

    /** Asks where to save the trace of the run, and saves it. */
    void chooseAndExportTrace() {
        String base = player.session() == null ? "iocplab" : stripExtension(player.session().name());
        Path file = dialogs.chooseTarget("dialog.exportTrace.title", "dialog.exportTrace.filter", "*.jsonl",
                base + ".jsonl");
        if (file != null) {
            exportTrace(file);
        }
    }

    /** Asks where to save the run for Perfetto, and saves it. */
    void chooseAndExportPerfetto() {
        String base = player.session() == null ? "iocplab" : stripExtension(player.session().name());
        Path file = dialogs.chooseTarget("dialog.exportPerfetto.title", "dialog.exportPerfetto.filter", "*.json",
                base + ".perfetto.json");
        if (file != null) {
            exportPerfetto(file);
        }
    }

    /** Saves the run's events so far in the Chrome trace-event format (written in the background). */
    void exportPerfetto(Path target) {
        RunSession session = player.session();
        if (session != null) {
            Exports.perfetto(session.timeline(), session.timeline().size(), target, notices);
        }
    }

    /** Saves the window as it is now as a PNG file (the picture is taken now, written in the background). */
    void exportPng(Path target) {
        Exports.png(Pictures.snapshot(scene), target, notices);
    }

    /** Saves the run's events so far as a JSONL trace (written in the background). */
    void exportTrace(Path target) {
        RunSession session = player.session();
        if (session != null) {
            Exports.trace(session.timeline(), session.timeline().size(), target, notices);
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
