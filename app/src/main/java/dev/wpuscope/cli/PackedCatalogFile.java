package dev.wpuscope.cli;

import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One catalog of a snapshot as the registry holds it: its entries in provider order, each the 888-byte
 * {@code PackedCatalogItem} value (260-byte ANSI DLL path, then the WSAPROTOCOL_INFOW), one after the other. It is
 * the file {@code wpuhost --catalog-from} lays a customer's chain out from (native-hook/README.md).
 */
final class PackedCatalogFile {

    private PackedCatalogFile() {
    }

    /** Writes the catalog of {@code bitness} to {@code file}; returns how many entries. */
    static int write(CatalogSnapshot snapshot, Bitness bitness, Path file) throws CatalogReadException, IOException {
        Catalog catalog = snapshot.catalog(bitness).orElseThrow(() -> new CatalogReadException(
                snapshot.location() + ": holds no " + bitness.label() + " catalog"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CatalogEntry entry : catalog.entries()) {
            try {
                out.write(PackedCatalogItem.encode(entry));
            } catch (IllegalArgumentException incomplete) {
                throw new CatalogReadException(snapshot.location() + ": catalog entry " + entry.info().catalogEntryId()
                        + " cannot be written as a PackedCatalogItem (" + incomplete.getMessage()
                        + "); a registry export has every field, a netsh dump does not");
            }
        }
        Files.write(file, out.toByteArray());
        return catalog.entries().size();
    }
}
