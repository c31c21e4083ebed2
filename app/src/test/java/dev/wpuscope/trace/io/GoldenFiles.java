package dev.wpuscope.trace.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden vectors of resources/trace-format/golden. */
final class GoldenFiles {

    static final Path DIR = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format", "golden");

    private GoldenFiles() {
    }

    /** Names of all vectors (without extension). */
    static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".wputrace"))
                    .map(n -> n.substring(0, n.length() - ".wputrace".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name + ".wputrace"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path capture(String name) {
        return DIR.resolve(name + ".wputrace");
    }
}
