package dev.wpuscope.catalog.pe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real PE files the mingw-w64 build of native-hook makes (native-hook/build/{x64,x86}). */
final class BuiltBinaries {
    private static final Path BUILD = Path.of("..", "native-hook", "build");
    private static final Path VERSION_HEADER = Path.of("..", "native-hook", "core", "wpt_version.h");

    private BuiltBinaries() {
    }

    /** A built file; the test is skipped with a message when the native build has not run. */
    static Path file(String arch, String name) {
        Path file = BUILD.resolve(arch).resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " is not built (run mvn verify from the repository root, or"
                + " make -C native-hook -f windows.mk); skipping the tests on real PE files");
        return file;
    }

    /** "major.minor.patch" as native-hook/core/wpt_version.h defines it. */
    static String tracerVersion() throws IOException {
        String header = Files.readString(VERSION_HEADER);
        return number(header, "MAJOR") + "." + number(header, "MINOR") + "." + number(header, "PATCH");
    }

    private static String number(String header, String part) {
        Matcher m = Pattern.compile("#define WPT_VERSION_" + part + " (\\d+)").matcher(header);
        if (!m.find()) {
            throw new AssertionError("wpt_version.h defines no WPT_VERSION_" + part);
        }
        return m.group(1);
    }
}
