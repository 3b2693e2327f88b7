package io.iocplab.app;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Controller of {@code main.fxml}: the placeholder shows text and copies the headless command. */
public final class PlaceholderController {

    @FXML
    private Label command;

    /** Puts the headless command on the clipboard, ready to paste into a terminal. */
    @FXML
    void copyCommand() {
        ClipboardContent content = new ClipboardContent();
        content.putString(command.getText());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
