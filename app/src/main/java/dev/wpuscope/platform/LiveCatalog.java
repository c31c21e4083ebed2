package dev.wpuscope.platform;

import dev.wpuscope.platform.windows.WindowsCatalogWriter;
import dev.wpuscope.platform.windows.WindowsElevation;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import java.util.Locale;
import java.util.Optional;

/** The live Winsock catalog of this machine, for the CLI and GUI actions that read or change it (tests give their own). */
public interface LiveCatalog {

    /** Empty when the live catalog can be reached here; otherwise why not. */
    Optional<String> unavailableReason();

    CatalogWriter writer() throws CatalogWriteException;

    Elevation elevation();

    /** The live catalog on Windows; elsewhere a reason. */
    static LiveCatalog forThisMachine() {
        String os = System.getProperty("os.name", "unknown");
        boolean windows = os.toLowerCase(Locale.ROOT).startsWith("windows");
        return new LiveCatalog() {
            @Override
            public Optional<String> unavailableReason() {
                return windows ? Optional.empty() : Optional.of("the live Winsock catalog exists only on Windows"
                        + " (this is " + os + "); plans (`wpuscope tracer plan <file>`, `wpuscope repair plan <file>`)"
                        + " work on a catalog file anywhere");
            }

            @Override
            public CatalogWriter writer() throws CatalogWriteException {
                return WindowsCatalogWriter.forThisProcess();
            }

            @Override
            public Elevation elevation() {
                return new WindowsElevation();
            }
        };
    }
}
