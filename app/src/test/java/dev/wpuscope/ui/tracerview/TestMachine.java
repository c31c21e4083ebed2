package dev.wpuscope.ui.tracerview;

import dev.wpuscope.platform.Elevation;
import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.change.CatalogWriter;
import java.util.Optional;

/** This machine's catalog as the tests make it: the writer, whether elevated, and why unavailable. */
record TestMachine(CatalogWriter writer, boolean elevated, Optional<String> unavailableReason)
        implements LiveCatalog {

    @Override
    public Elevation elevation() {
        return () -> elevated;
    }
}
