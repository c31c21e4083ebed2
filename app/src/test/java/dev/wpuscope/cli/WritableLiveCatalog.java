package dev.wpuscope.cli;

import dev.wpuscope.change.CatalogWriter;
import dev.wpuscope.platform.Elevation;
import dev.wpuscope.platform.LiveCatalog;
import java.util.Optional;

/** A live catalog for the CLI's change commands that is always available and writes through {@code writer}. */
final class WritableLiveCatalog {

    private WritableLiveCatalog() {
    }

    static LiveCatalog of(CatalogWriter writer, boolean elevated) {
        return new LiveCatalog() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public CatalogWriter writer() {
                return writer;
            }

            @Override
            public Elevation elevation() {
                return () -> elevated;
            }
        };
    }
}
