package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.file.Path;

/** Reads a catalog source named on the command line (tests give their own). */
@FunctionalInterface
interface SnapshotLoader {

    CatalogSnapshot load(Path file) throws CatalogReadException;
}
