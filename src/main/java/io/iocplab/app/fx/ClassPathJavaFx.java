package io.iocplab.app.fx;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * JavaFX on the class path, as {@code java -jar iocplab.jar} runs it: JavaFX then warns at start-up
 * "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'", because the JavaFX project
 * supports only JavaFX as named modules (a module path, or a runtime image made by jlink, as the installers
 * are). The one-jar form is still what runs everywhere without installing anything: the jar carries JavaFX's
 * classes and the natives of Windows, macOS and Linux, and its tests start it. So that one sentence, and
 * nothing else JavaFX logs, is left out; every other warning of the {@value #LOGGER} logger still shows.
 *
 * <p>Call {@link #quietWarning()} before JavaFX starts. The installers' runtime has JavaFX as modules and never
 * says it.
 */
public final class ClassPathJavaFx {
    /** JavaFX's logger ({@code com.sun.javafx.logging.PlatformLogger} logs to {@code System.getLogger("javafx")}). */
    static final String LOGGER = "javafx";
    static final String WARNING = "Unsupported JavaFX configuration";

    /** Held, so that the filter is not lost with a logger collected as garbage. */
    private static final Logger JAVAFX = Logger.getLogger(LOGGER);

    private ClassPathJavaFx() {}

    /** From now on, JavaFX's class-path warning is not printed. */
    public static synchronized void quietWarning() {
        Filter before = JAVAFX.getFilter();
        if (before instanceof Quiet) {
            return;
        }
        JAVAFX.setFilter(new Quiet(before));
    }

    /** Drops the class-path warning, lets everything else through (to the filter there was, if any). */
    private record Quiet(Filter before) implements Filter {
        @Override
        public boolean isLoggable(java.util.logging.LogRecord r) {
            if (r.getMessage() != null && r.getMessage().startsWith(WARNING)) {
                return false;
            }
            return before == null || before.isLoggable(r);
        }
    }
}
