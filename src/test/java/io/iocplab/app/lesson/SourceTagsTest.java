package io.iocplab.app.lesson;

import static io.iocplab.app.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A source tag's long path wraps between its names, never inside one: the hair spaces {@link SourceTags} puts after
 * its slashes are break opportunities JavaFX's text layout honours, where a bare slash is not one (the same text
 * without them is broken inside a name at some width: the defect this answers).
 */
@ExtendWith(ApplicationExtension.class)
class SourceTagsTest {
    private static final String TAG = "[ReactOS: ntoskrnl/io/iomgr/iofunc.c; 문서: I/O Completion Ports]";

    @Start
    void start(Stage stage) {
        // the toolkit, for the text layout
    }

    @Test
    void aLongPathInATagGetsABreakAfterEachSlashAndNothingElseChanges() {
        String text = "근거 ntoskrnl/ke/wait.c 밖 " + TAG + ".";
        String shown = SourceTags.breakable(text);
        assertEquals("근거 ntoskrnl/ke/wait.c 밖 [ReactOS: ntoskrnl/\u200Aio/\u200Aiomgr/\u200Aiofunc.c; 문서: I/O "
                + "Completion Ports].", shown, "a path outside a tag and a short one (I/O) are left whole");
        assertEquals(text, shown.replace("\u200A", ""));
        assertEquals("no tag here", SourceTags.breakable("no tag here"));
    }

    @Test
    void theLayoutBreaksATagsPathBetweenNamesAtEveryWidth() throws Exception {
        Font font = font();
        boolean splitWithout = false;
        for (int width = 100; width <= 420; width++) {
            int w = width;
            List<String> plain = fx(() -> lines(TAG, font, w));
            List<String> broken = fx(() -> lines(SourceTags.breakable(TAG), font, w));
            splitWithout |= splitsAName(plain);
            assertFalse(splitsAName(broken), "at " + w + " px: " + String.join(" | ", broken));
        }
        assertTrue(splitWithout, "without the hair spaces the layout breaks inside a name at some width");
    }

    private static Font font() throws Exception {
        try (InputStream in = SourceTagsTest.class.getResourceAsStream("/io/iocplab/app/fonts/NanumGothic.ttf")) {
            return Font.loadFont(in, 14);
        }
    }

    /** The lines a text node of {@code width} draws {@code text} in. */
    private static List<String> lines(String text, Font font, double width) {
        Text t = new Text(text);
        t.setFont(font);
        t.setWrappingWidth(width);
        return lines(t);
    }

    /** The lines a wrapped text node draws, as the layout broke them. */
    static List<String> lines(Text t) {
        String text = t.getText();
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double y = Double.NaN;
        for (int i = 0; i < text.length(); i++) {
            double at = ((MoveTo) t.caretShape(i, true)[0]).getY();
            if (!Double.isNaN(y) && at != y) {
                out.add(line.toString());
                line.setLength(0);
            }
            y = at;
            line.append(text.charAt(i));
        }
        out.add(line.toString());
        return out;
    }

    /** Whether a line ends and the next begins inside a name of letters, digits and dots. */
    static boolean splitsAName(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String before = lines.get(i - 1);
            String after = lines.get(i);
            if (!before.isEmpty() && !after.isEmpty() && name(before.charAt(before.length() - 1)) && name(after.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean name(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_');
    }
}
