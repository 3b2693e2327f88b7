package io.iocplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The program's version, as the build wrote it into {@value #RESOURCE} (the pom's version, and the JavaFX version
 * the program was built with), for {@code --version} and the window's About.
 */
public final class Version implements IVersionProvider {
    static final String RESOURCE = "/io/iocplab/version.properties";

    /** The version of IOCP Lab, such as {@code 0.1.0}. */
    public static String program() {
        return read().getProperty("version");
    }

    /** The JavaFX version the program was built with. */
    public static String javafx() {
        return read().getProperty("javafx");
    }

    /** {@code IOCP Lab 0.1.0}, then the JavaFX, Java and system it runs with. */
    @Override
    public String[] getVersion() {
        return new String[] {"IOCP Lab " + program(),
                "JavaFX " + javafx() + ", Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
