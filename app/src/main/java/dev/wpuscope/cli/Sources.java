package dev.wpuscope.cli;

import dev.wpuscope.catalog.snapshot.SnapshotFormat;
import dev.wpuscope.catalog.source.CatalogFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.NetshCatalogFormat;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The catalog sources the commands read. */
final class Sources {

    private static final int HEAD_SIZE = 4096;
    private static final List<CatalogFormat> FORMATS = List.of(new SnapshotFormat(), new RegExportFormat(),
            new NetshCatalogFormat());

    /** Catalog files, format detected from their content. */
    static final SnapshotLoader FILES = Sources::read;

    private Sources() {
    }

    private static dev.wpuscope.catalog.model.CatalogSnapshot read(Path file) throws CatalogReadException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_SIZE);
        } catch (IOException e) {
            throw new CatalogReadException(file + ": cannot read: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        for (CatalogFormat format : FORMATS) {
            if (format.recognizes(head)) {
                return format.read(file);
            }
        }
        throw new CatalogReadException(file + ": byte offset 0: not a catalog file wpuscope knows (expected a reg"
                + " export of the WinSock2 key, netsh winsock show catalog output or a wpuscope snapshot)");
    }
}
