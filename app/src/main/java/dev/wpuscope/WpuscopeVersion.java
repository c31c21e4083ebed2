package dev.wpuscope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, from the pom (filled into {@code version.properties} by Maven). */
public final class WpuscopeVersion {

    private WpuscopeVersion() {
    }

    /** "0.1.0": the pom's version without a qualifier such as -SNAPSHOT (as the packages name it). */
    public static String number() {
        Properties properties = new Properties();
        try (InputStream in = WpuscopeVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        int qualifier = version.indexOf('-');
        return qualifier < 0 ? version : version.substring(0, qualifier);
    }

    /** "wpuscope 0.1.0". */
    public static String text() {
        return "wpuscope " + number();
    }
}
