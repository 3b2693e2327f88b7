package io.iocplab.app;

import io.iocplab.app.model.Texts;
import io.iocplab.app.run.Keys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The fixed texts of the main window: which control of {@code main.fxml} (by its {@code fx:id})
 * shows which key of the {@code messages} bundle as its text or its tooltip (ending with the keys that
 * do the same, from {@link Keys}; the tooltip's words are also the control's accessible text, which a
 * screen reader says for a button that shows only an icon). {@link #localize()} sets every one of them
 * again when the language changes. (The texts that change with the run, such
 * as the play button's tip and the readout, are the {@link ControlBar}'s.)
 */
final class ShellLabels {
    /** fx:id, then the key of its text. */
    private static final String[][] TEXTS = {
        {"appTitle", "app.title"},
        {"openButton", "toolbar.open"},
        {"exportPngButton", "toolbar.exportPng"},
        {"exportTraceButton", "toolbar.exportTrace"},
        {"compareButton", "toolbar.compare"},
        {"experimentsButton", "toolbar.experiments"},
        {"englishButton", "language.en"},
        {"koreanButton", "language.ko"},
        {"presenterButton", "toolbar.presenter"},
        {"helpButton", "toolbar.help"},
        {"resetButton", "control.reset"},
        {"speedLabel", "control.speed"},
    };
    /** fx:id, then the key of its tooltip. */
    private static final String[][] TIPS = {
        {"openButton", "toolbar.open.tip"},
        {"exportPngButton", "toolbar.exportPng.tip"},
        {"exportTraceButton", "toolbar.exportTrace.tip"},
        {"compareButton", "toolbar.compare.tip"},
        {"experimentsButton", "toolbar.experiments.tip"},
        {"englishButton", "language.tip"},
        {"koreanButton", "language.tip"},
        {"presenterButton", "toolbar.presenter.tip"},
        {"helpButton", "toolbar.help.tip"},
        {"homeButton", "control.home.tip"},
        {"backButton", "control.back.tip"},
        {"forwardButton", "control.forward.tip"},
        {"endButton", "control.end.tip"},
        {"resetButton", "control.reset.tip"},
        {"speedSlider", "control.speed.tip"},
        {"scrubBar", "control.scrub.tip"},
    };
    /** The fx:ids that keep their whole width: the scenario title and the scrub bar give way, not these. */
    private static final List<String> FULL_WIDTH = List.of("appTitle", "openButton", "exportPngButton",
            "exportTraceButton", "compareButton", "experimentsButton", "englishButton", "koreanButton", "presenterButton", "helpButton", "homeButton",
            "backButton", "playButton", "forwardButton", "endButton", "resetButton", "speedLabel", "speedValue",
            "stepLabel");

    /** fx:id, then the command whose keys its tooltip ends with. */
    private static final Map<String, Keys.Command> KEYS = Map.of(
            "openButton", Keys.Command.OPEN, "presenterButton", Keys.Command.PRESENTER,
            "helpButton", Keys.Command.HELP, "homeButton", Keys.Command.HOME, "backButton", Keys.Command.STEP_BACK,
            "forwardButton", Keys.Command.STEP_FORWARD, "endButton", Keys.Command.END,
            "resetButton", Keys.Command.RESET);

    private final Texts texts;
    private final Map<Labeled, String> labels = new LinkedHashMap<>();
    private final Map<Control, String> tips = new LinkedHashMap<>();

    /** Finds the controls of the tables in {@code root} (before the views are put into its regions). */
    ShellLabels(Texts texts, Parent root) {
        this.texts = texts;
        for (String[] t : TEXTS) {
            Labeled node = (Labeled) find(root, t[0]);
            labels.put(node, t[1]);
            node.setText(texts.get(MainController.BUNDLE, t[1]));
        }
        for (String[] t : TIPS) {
            tips.put((Control) find(root, t[0]), t[1]);
        }
        for (String id : FULL_WIDTH) {
            ((Region) find(root, id)).setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static Node find(Parent root, String id) {
        Node n = root.lookup("#" + id);
        if (n == null) {
            throw new IllegalStateException("main.fxml has no fx:id " + id);
        }
        return n;
    }

    /** Sets every text and tooltip again, in the language now chosen. */
    void localize() {
        labels.forEach((node, key) -> node.setText(texts.get(MainController.BUNDLE, key)));
        tips.forEach((node, key) -> {
            if (node.getTooltip() == null) {
                node.setTooltip(new Tooltip());
            }
            String tip = texts.get(MainController.BUNDLE, key);
            Keys.Command c = KEYS.get(node.getId());
            node.getTooltip().setText(c == null ? tip : tip + Keys.hint(c, k -> texts.get(MainController.BUNDLE, k)));
            node.setAccessibleText(tip);        // what a screen reader says, for the buttons with only an icon
        });
    }
}
