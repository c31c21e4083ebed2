package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How one LSP is recognised in the other catalog: by its layered entry's GUID, or by its name or DLL name once a
 * "64"/"32" suffix is dropped (some vendors install the two halves under different GUIDs, e.g. ierd_tgp_lsp and
 * ierd_tgp_lsp64). Two layered entries are the same LSP when they share one of these identities.
 */
public final class LspIdentity {

    private LspIdentity() {
    }

    /** The identities of a layered entry. */
    public static Set<String> of(CatalogEntry layered) {
        Set<String> ids = new HashSet<>();
        if (layered.info().providerId() != null) {
            ids.add("guid:" + layered.info().providerId());
        }
        ids.add("name:" + stem(EntryLabels.name(layered)));
        if (layered.providerPath() != null) {
            ids.add("dll:" + stem(EntryLabels.fileName(layered.providerPath())));
        }
        return ids;
    }

    /** Lower case, without ".dll" and without a trailing bitness marker such as "64", "_x64", "32", "x86". */
    static String stem(String name) {
        String s = name.toLowerCase(Locale.ROOT).trim();
        if (s.endsWith(".dll")) {
            s = s.substring(0, s.length() - 4);
        }
        return s.replaceFirst("[_\\-. ]?(x64|x86|amd64|64|32)$", "");
    }
}
