package io.iocplab.app.model;

import java.nio.file.Path;

/**
 * The folder the window keeps what it remembers between launches in: {@code ~/.iocplab}, or the folder the
 * system property {@value #PROPERTY} names ({@code -Diocplab.home=DIR}; the tests use a temporary one).
 * The lesson progress and the settings live there side by side.
 */
public final class Home {
    public static final String PROPERTY = "iocplab.home";

    private Home() {}

    /** The folder now (it may not exist yet: it is made when something is first written). */
    public static Path dir() {
        String home = System.getProperty(PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".iocplab");
    }
}
