package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Backups as wpuscope snapshot files ({@code catalog-backup-<UTC time>.json}) in one folder. */
public final class SnapshotBackupDirectory implements CatalogBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    public SnapshotBackupDirectory(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Path save(CatalogSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        String name = "catalog-backup-" + STAMP.format(clock.instant());
        Path file = directory.resolve(name + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(name + "-" + n + ".json");
        }
        Files.write(file, SnapshotJson.write(snapshot), StandardOpenOption.CREATE_NEW);
        return file.toAbsolutePath();
    }
}
