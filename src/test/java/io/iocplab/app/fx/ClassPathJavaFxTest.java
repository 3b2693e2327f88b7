package io.iocplab.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** JavaFX's class-path warning is left out; every other message of JavaFX's logger still goes through. */
class ClassPathJavaFxTest {

    @Test
    void onlyTheClassPathWarningIsLeftOut() {
        Logger javafx = Logger.getLogger(ClassPathJavaFx.LOGGER);
        List<String> seen = new ArrayList<>();
        Handler record = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(record);
        try {
            ClassPathJavaFx.quietWarning();
            ClassPathJavaFx.quietWarning();                 // twice is once
            System.getLogger(ClassPathJavaFx.LOGGER).log(System.Logger.Level.WARNING,
                    "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @4e0e2f2a'");
            System.getLogger(ClassPathJavaFx.LOGGER).log(System.Logger.Level.WARNING, "CSS error parsing main.css");
            javafx.log(Level.WARNING, "Unsupported JavaFX configuration: again");
        } finally {
            javafx.removeHandler(record);
        }
        assertEquals(List.of("CSS error parsing main.css"), seen);
    }
}
