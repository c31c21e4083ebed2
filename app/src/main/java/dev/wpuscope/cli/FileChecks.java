package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.windows.WindowsProviderFileCheck;
import java.util.Locale;

/** Chooses how provider DLLs are checked: on the live Windows machine, or not at all for files. */
final class FileChecks {

    private FileChecks() {
    }

    static ProviderFileCheck forSnapshot(CatalogSnapshot snapshot) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (snapshot.kind() == SourceKind.LIVE && windows) {
            return WindowsProviderFileCheck.forThisProcess();
        }
        return ProviderFileCheck.unavailable("the catalog was read from a file (" + snapshot.kind().label()
                + "); DLLs can only be checked on the machine it came from");
    }
}
