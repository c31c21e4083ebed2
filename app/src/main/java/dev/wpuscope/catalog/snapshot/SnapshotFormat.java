package dev.wpuscope.catalog.snapshot;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.FileBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** wpuscope's own snapshot files ({@link SnapshotJson}). */
public final class SnapshotFormat implements CatalogFormat {

    @Override
    public String name() {
        return "wpuscope snapshot (JSON)";
    }

    /** A JSON object that names the snapshot format near its start. */
    @Override
    public boolean recognizes(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("{") && text.contains("\"" + SnapshotDocument.FORMAT + "\"");
    }

    @Override
    public CatalogSnapshot read(Path file) throws CatalogReadException {
        return SnapshotJson.read(FileBytes.read(file), file.toString());
    }
}
