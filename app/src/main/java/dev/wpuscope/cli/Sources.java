package dev.wpuscope.cli;

import dev.wpuscope.catalog.source.CatalogReadException;

/** The catalog sources the commands read. */
final class Sources {

    /** Catalog files, format detected from their content. */
    static final SnapshotLoader FILES = file -> {
        throw new CatalogReadException(file + ": reading catalog files arrives with the catalog readers");
    };

    private Sources() {
    }
}
