package dev.wpuscope.catalog.source;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.nio.file.Path;

/** One file format a catalog can be read from; the format of a file is detected from its content. */
public interface CatalogFormat {

    /** Short name for messages, e.g. "reg export". */
    String name();

    /** Whether these first bytes of a file (up to 4096) look like this format. */
    boolean recognizes(byte[] head);

    /** Reads the whole file. Throws only {@link CatalogReadException} for bad input. */
    CatalogSnapshot read(Path file) throws CatalogReadException;
}
