package dev.wpuscope.trace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captures the real tracer recorded (resources/captures), for tests in any package. */
public final class RecordedCaptures {

    public static final Path DIR = Path.of(System.getProperty("wpuscope.root", "."), "resources", "captures");

    private RecordedCaptures() {
    }

    public static Path path(String name) {
        return DIR.resolve(name + ".wputrace");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
