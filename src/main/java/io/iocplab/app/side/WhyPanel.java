package io.iocplab.app.side;

import io.iocplab.app.model.Playhead;
import io.iocplab.app.model.Texts;
import io.iocplab.scenario.Scenario;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * "Ask why": the answer of {@link WhyModel} for the playhead's selection at the current step. It
 * follows the step, the selection and the language; with nothing selected it shows the hint to
 * click a thread, a packet or the gauge.
 */
public final class WhyPanel {
    private final Playhead playhead;
    private final Texts texts;
    private final VBox root = new VBox(6);
    private final Label title = new Label();
    private final Label body = new Label();
    private Boolean hint;
    private Scenario scenario;

    public WhyPanel(Playhead playhead, Texts texts) {
        this.playhead = playhead;
        this.texts = texts;
        title.setId("why-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.getStyleClass().add("why-title");
        body.setId("why-body");
        body.getStyleClass().add("why-body");
        body.setWrapText(true);
        body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        root.setId("why");
        root.getStyleClass().add("why-panel");
        root.setPadding(new Insets(10));
        // square corners (main.css): a rounded background is a shape the software renderer rasterizes every frame
        root.setMinWidth(160);
        root.setPrefWidth(300);
        root.getChildren().addAll(title, body);
        playhead.stateProperty().addListener((o, was, now) -> refresh());
        playhead.selectionProperty().addListener((o, was, now) -> refresh());
        texts.localeProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    public Node node() {
        return root;
    }

    /** The scenario of the run shown (null: none known): it says which threads are still to start. */
    public void setScenario(Scenario scenario) {
        this.scenario = scenario;
        refresh();
    }

    private void refresh() {
        WhyModel.Answer a = WhyModel.answer(playhead.state(), playhead.selectionProperty().get(), texts, scenario);
        title.setText(a.title());
        body.setText(a.body());
        if (hint == null || hint != a.hint()) {
            hint = a.hint();                       // a new style costs a CSS pass: only when it changes
            body.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("hint"), a.hint());
        }
    }
}
