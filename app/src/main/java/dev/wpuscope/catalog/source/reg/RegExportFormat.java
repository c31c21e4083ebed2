package dev.wpuscope.catalog.source.reg;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogFormat;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.catalog.source.FileBytes;
import dev.wpuscope.catalog.source.SourceText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.file.Files;
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

    /** Reads the file as a stream of lines: the memory needed is that of the values it holds, not its size. */
    @Override
    public CatalogSnapshot read(Path file) throws CatalogReadException {
        String name = file.toString();
        FileBytes.checkSize(file);
        try {
            SourceText.Encoding encoding = SourceText.encodingOf(file, FileBytes.head(file, CatalogSources.HEAD_SIZE));
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(encoding.bomLength());
                return read(new BufferedReader(new InputStreamReader(in, encoding.charset())), name);
            }
        } catch (IOException e) {
            throw FileBytes.cannotRead(file, e);
        }
    }

    /** Reads export bytes; {@code name} is used in messages and as the snapshot's location. */
    public CatalogSnapshot read(byte[] bytes, String name) throws CatalogReadException {
        return read(new BufferedReader(new StringReader(RegText.decode(bytes))), name);
    }

    private static CatalogSnapshot read(BufferedReader text, String name) throws CatalogReadException {
        return RegCatalogReader.read(RegFileParser.parse(text, name), name);
    }
}
