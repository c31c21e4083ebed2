package dev.wpuscope.catalog.source.reg;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.FileBytes;
import java.nio.file.Path;

/**
 * Registry exports as regedit and {@code reg export} write them: "Windows Registry Editor Version 5.00"
 * (UTF-16LE with BOM, or UTF-8) and "REGEDIT4" (ANSI or UTF-8), of the whole WinSock2 key or any part of
 * it, under CurrentControlSet, a ControlSet00N or a hive-relative path.
 */
public final class RegExportFormat implements CatalogFormat {

    @Override
    public String name() {
        return "registry export (.reg)";
    }

    @Override
    public boolean recognizes(byte[] head) {
        return RegText.hasHeader(head);
    }

    @Override
    public CatalogSnapshot read(Path file) throws CatalogReadException {
        return read(FileBytes.read(file), file.toString());
    }

    /** Reads export bytes; {@code name} is used in messages and as the snapshot's location. */
    public CatalogSnapshot read(byte[] bytes, String name) throws CatalogReadException {
        return RegCatalogReader.read(RegFileParser.parse(bytes, name), name);
    }
}
