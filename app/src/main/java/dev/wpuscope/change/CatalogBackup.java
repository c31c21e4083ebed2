package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import java.io.IOException;
import java.nio.file.Path;

/** Keeps a copy of the catalog before it is changed, in a file the user is told about. */
public interface CatalogBackup {

    /** Saves the snapshot and returns the file it is in. */
    Path save(CatalogSnapshot snapshot) throws IOException;
}
