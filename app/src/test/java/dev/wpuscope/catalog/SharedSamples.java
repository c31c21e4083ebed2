package dev.wpuscope.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The third-party samples in ../shared/samples (system property wpuscope.shared); tests skip without them. */
public final class SharedSamples {

    private SharedSamples() {
    }

    /** A sample file, or the test is skipped with a message when the samples are absent. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.isRegularFile(path), "sample " + path + " is absent: test skipped");
        return path;
    }

    /** Every file of a samples folder, e.g. "reg". */
    public static List<Path> all(String folder) {
        Path dir = root().resolve(folder);
        assumeTrue(Files.isDirectory(dir), "samples folder " + dir + " is absent: test skipped");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        String shared = System.getProperty("wpuscope.shared");
        assumeTrue(shared != null, "system property wpuscope.shared is not set: sample tests skipped");
        return Path.of(shared, "samples");
    }
}
