package dev.wpuscope.cli;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.TrustCheck;
import dev.wpuscope.platform.windows.WindowsProviderFileCheck;
import dev.wpuscope.platform.windows.WindowsTrustCheck;
import java.util.Locale;

/** Chooses how provider DLLs are checked: on the live Windows machine, or not at all for files; and who judges trust. */
final class FileChecks {

    private FileChecks() {
    }

    static ProviderFileCheck forSnapshot(CatalogSnapshot snapshot) {
        if (snapshot.kind() == SourceKind.LIVE && onWindows()) {
            return WindowsProviderFileCheck.forThisProcess();
        }
        return ProviderFileCheck.unavailable("the catalog was read from a file (" + snapshot.kind().label()
                + "); DLLs can only be checked on the machine it came from");
    }

    /** WinVerifyTrust on Windows; elsewhere no trust store to ask. */
    static TrustCheck trust() {
        return onWindows() ? new WindowsTrustCheck() : TrustCheck.OFFLINE;
    }

    private static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
