package dev.wpuscope.platform;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.platform.windows.WindowsLiveCatalogSource;
import java.util.Optional;

/** The Winsock catalogs of the machine wpuscope runs on; only Windows has one. */
public interface LiveCatalogSource {

    /** Reads both catalogs, namespace providers and LSP categories as the system reports them now. */
    CatalogSnapshot read() throws CatalogReadException;

    /** The live source of this machine, or empty when it is not Windows. */
    static Optional<LiveCatalogSource> forThisMachine() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return windows ? Optional.of(new WindowsLiveCatalogSource()) : Optional.empty();
    }
}
