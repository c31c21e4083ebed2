package dev.wpuscope.catalog.source;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.netsh.NetshCatalogParser;
import java.nio.file.Path;

/** Text saved from {@code netsh winsock show catalog}, in any Windows display language. */
public final class NetshCatalogFormat implements CatalogFormat {

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
        return NetshCatalogParser.parse(file.toString(), FileBytes.read(file));
    }
}
