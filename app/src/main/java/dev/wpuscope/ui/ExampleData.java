package dev.wpuscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the example data the project ships in {@code resources/}: the example catalog it authored and
 * the capture recorded from the real tracer. The repository root comes from the system property
 * {@code wpuscope.root} (set by the {@code ./wpuscope} launcher and by the test build), else the
 * working directory.
 */
public final class ExampleData {
    public static final String CATALOG = "examples/example-catalog.reg";
    public static final String CAPTURES = "captures";
    static final String EXAMPLE_CAPTURE = "scenario-all-x64.wputrace";

    private final Path resources;

    public ExampleData(Path resources) {
        this.resources = resources;
    }

    public static ExampleData fromSystemProperty() {
        String root = System.getProperty("wpuscope.root");
        Path base = root == null || root.isBlank() ? Path.of("").toAbsolutePath() : Path.of(root);
        return new ExampleData(base.resolve("resources"));
    }

    public Path resources() {
        return resources;
    }

    public Optional<Path> catalog() {
        Path file = resources.resolve(CATALOG);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            return -1;
        }
    }

    /**
     * The recorded capture shown at start-up: {@code resources/captures/scenario-all-x64.wputrace} (every scenario of
     * the non-IFS sample), or, without it, the largest capture there.
     */
    public Optional<Path> capture() {
        Path dir = resources.resolve(CAPTURES);
        if (Files.isRegularFile(dir.resolve(EXAMPLE_CAPTURE))) {
            return Optional.of(dir.resolve(EXAMPLE_CAPTURE));
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".wputrace"))
                    .filter(Files::isRegularFile)
                    .max(java.util.Comparator.comparingLong(ExampleData::size));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
