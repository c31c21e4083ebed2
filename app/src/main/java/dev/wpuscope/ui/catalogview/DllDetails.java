package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileDescription;
import dev.wpuscope.platform.ProviderFileDetails;
import dev.wpuscope.ui.DetailRow;
import java.util.List;

/**
 * The detail-pane rows about an entry's DLL file: its version resource, signer and signature status when the
 * file is on this machine; otherwise one row saying why not (or that it is still being read).
 */
public final class DllDetails {

    private DllDetails() {
    }

    /** The one row shown when the file cannot be read here. */
    public static List<DetailRow> unavailable(String reason) {
        return List.of(new DetailRow(ProviderFileDescription.FILE, reason));
    }

    /** The one row shown while the file is read in the background. */
    public static List<DetailRow> reading(String storedPath) {
        return List.of(new DetailRow(ProviderFileDescription.FILE, "reading version and signature of "
                + storedPath + " …"));
    }

    /** Rows for a file that was read (or found missing or unreadable) on this machine. */
    public static List<DetailRow> of(ProviderFileDetails details, Bitness catalog) {
        return ProviderFileDescription.of(details, catalog).stream()
                .map(line -> new DetailRow(line.name(), line.value())).toList();
    }
}
