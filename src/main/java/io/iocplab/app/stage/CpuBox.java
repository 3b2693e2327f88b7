package io.iocplab.app.stage;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One processor: "CPU k" and the thread on it, or "idle". */
final class CpuBox extends VBox {
    private final Label label = new Label();
    private final Label thread = new Label();
    private ProcessorModel model;

    CpuBox() {
        getStyleClass().add("cpu-box");
        label.getStyleClass().add("cpu-label");
        thread.getStyleClass().add("cpu-thread");
        getChildren().addAll(label, thread);
    }

    void show(ProcessorModel m) {
        if (m.equals(model)) {
            return;
        }
        model = m;
        label.setText(m.label());
        thread.setText(m.text());
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("idle"), m.idle());
    }

    ProcessorModel model() {
        return model;
    }
}
