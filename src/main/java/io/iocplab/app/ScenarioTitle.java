package io.iocplab.app;

import io.iocplab.app.model.Texts;
import io.iocplab.app.model.Welcome;
import io.iocplab.app.run.PlayerModel;
import io.iocplab.app.run.RunSession;
import io.iocplab.scenario.Scenario;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The name of the run shown, in the toolbar and in the window's title: the scenario's title, or its
 * file name when it has none. The welcome scenario (and a restart of it with other settings), and
 * the run of an open lesson, are named in the window's language.
 *
 * <p>A title names the file as it was opened, and may state its numbers ("3 workers"). So a run
 * restarted with other settings ("Change and see") says so after the title, unless the title is the
 * welcome run's, which is written with the run's own numbers.
 */
final class ScenarioTitle {
    private final Texts texts;
    private final PlayerModel player;
    private final Label label;
    private Stage window;
    private Function<RunSession, String> lessonTitle = session -> null;
    private Scenario opened;

    ScenarioTitle(Texts texts, PlayerModel player, Label label) {
        this.texts = texts;
        this.player = player;
        this.label = label;
    }

    void setWindow(Stage window) {
        this.window = window;
    }

    /** Where the title of a lesson's run comes from (null for a run that is not an open lesson's). */
    void setLessonTitles(Function<RunSession, String> lessonTitle) {
        this.lessonTitle = lessonTitle;
    }

    /** The scenario as it was opened (or loaded), before any change of its settings. */
    void setOpened(Scenario scenario) {
        this.opened = scenario;
    }

    /** Shows the name of the run shown now, in the language now chosen. */
    void refresh() {
        RunSession session = player.session();
        String lesson = session == null ? null : lessonTitle.apply(session);
        String name = session == null ? null
                : lesson != null ? lesson
                : Welcome.titleOf(texts, session.name(), session.scenario());
        if (lesson == null && session != null && opened != null && !opened.equals(session.scenario())
                && !Welcome.isWelcome(session.name(), session.scenario())) {
            name = texts.get(MainController.BUNDLE, "title.changed", name);
        }
        label.setText(name == null ? "" : name);
        if (window != null) {
            window.setTitle(name == null ? texts.get(MainController.BUNDLE, "window.title")
                    : texts.get(MainController.BUNDLE, "window.titleWith", name));
        }
    }
}
