package io.iocplab.app.widgets;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

/**
 * What an editable spinner does with the text typed into it. JavaFX takes the text only on Enter;
 * the window's spinners take it also when they lose the focus and before their value is read, so a
 * number typed and not confirmed is not lost.
 */
public final class Spinners {
    private Spinners() {}

    /**
     * Takes what was typed into {@code spinner} (its converter parses and bounds it), or puts its
     * value back when the text is not a number; the text then shows the value kept.
     */
    public static <T> void commit(Spinner<T> spinner) {
        SpinnerValueFactory<T> f = spinner.getValueFactory();
        if (f == null) {
            return;
        }
        try {
            T typed = f.getConverter().fromString(spinner.getEditor().getText().trim());
            if (typed != null) {
                f.setValue(typed);
            }
        } catch (RuntimeException e) {
            // not a number: keep the value
        }
        spinner.getEditor().setText(f.getConverter().toString(f.getValue()));
    }
}
