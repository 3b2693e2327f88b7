package io.iocplab.app;

import io.iocplab.app.model.Texts;
import io.iocplab.cli.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * What the About dialog says, in the window's language: the program and its version, the JavaFX and Java it runs
 * on, where the model's rules come from, and the licences of what the program carries (the NanumGothic font's
 * SIL Open Font License in full). {@link ShellDialogs#showAbout} shows it.
 */
final class AboutDialog {
    private static final String BUNDLE = MainController.BUNDLE;
    /** The font's licence, packed beside the font (pom.xml copies assets/fonts there). */
    static final String FONT_LICENCE = "/io/iocplab/app/fonts/LICENSE-NanumGothic.txt";

    private AboutDialog() {}

    /** The header line: {@code IOCP Lab 0.1.0}. */
    static String header(Texts texts) {
        return texts.get(BUNDLE, "about.header", Version.program());
    }

    /** The icon, 64 pixels. */
    static Node graphic() {
        ImageView icon = new ImageView(AppIcon.images().get(3));
        icon.setId("about-icon");
        return icon;
    }

    /** The sentences: what the program is, what it runs on, where its rules come from, the licences. */
    static Node content(Texts texts) {
        Label summary = wrapped(texts.get(BUNDLE, "about.summary"), "about-summary");
        Label runtime = wrapped(texts.get(BUNDLE, "about.runtime", Version.javafx(), Runtime.version().toString()),
                "about-runtime");
        Label rulesHeading = heading(texts.get(BUNDLE, "about.rules.heading"));
        Label rules = wrapped(texts.get(BUNDLE, "about.rules"), "about-rules");
        Label licencesHeading = heading(texts.get(BUNDLE, "about.licences.heading"));
        Label licences = wrapped(texts.get(BUNDLE, "about.licences"), "about-licences");
        VBox box = new VBox(8, summary, runtime, rulesHeading, rules, licencesHeading, licences, fontLicence(texts));
        box.getStyleClass().add("about");            // main.css: 40em wide, the sentences wrap
        return box;
    }

    /** The font's licence in full, folded until opened. */
    private static Node fontLicence(Texts texts) {
        TextArea text = new TextArea(fontLicenceText());
        text.setId("about-font-licence");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(12);
        TitledPane pane = new TitledPane(texts.get(BUNDLE, "about.fontLicence"), text);
        pane.setId("about-font-licence-pane");
        pane.setExpanded(false);
        return pane;
    }

    static String fontLicenceText() {
        try (InputStream in = AboutDialog.class.getResourceAsStream(FONT_LICENCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FONT_LICENCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("about-heading");
        return l;
    }
}
