package dev.wpuscope.catalog.source;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.netsh.NetshCatalogParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Text saved from {@code netsh winsock show catalog}, in any Windows display language. */
public final class NetshCatalogFormat implements CatalogFormat {
    /** netsh dumps are tens of kilobytes; anything far larger is not one. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    public String name() {
        return "netsh winsock show catalog";
    }

    @Override
    public boolean recognizes(byte[] head) {
        return NetshCatalogParser.looksLikeNetsh(head);
    }

    @Override
    public CatalogSnapshot read(Path file) throws CatalogReadException {
        byte[] content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw CatalogReadException.atOffset(file.toString(), MAX_BYTES,
                        "too large for 'netsh winsock show catalog' output");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogReadException(file + ": cannot read: " + e.getMessage(), e);
        }
        return NetshCatalogParser.parse(file.toString(), content);
    }
}
