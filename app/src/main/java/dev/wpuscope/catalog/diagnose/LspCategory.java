package dev.wpuscope.catalog.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * LSP_* category bits (ws2spi.h) and the rule by which Windows decides whether a categorized application
 * loads an LSP ("Categorizing Layered Service Providers and Applications", Windows Vista and later).
 */
public enum LspCategory {
    INSPECTOR(0x1),
    REDIRECTOR(0x2),
    PROXY(0x4),
    FIREWALL(0x8),
    INBOUND_MODIFY(0x10),
    OUTBOUND_MODIFY(0x20),
    CRYPTO_COMPRESS(0x40),
    LOCAL_CACHE(0x80),
    SYSTEM(0x80000000);

    private final int bit;

    LspCategory(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public String constantName() {
        return "LSP_" + name();
    }

    /**
     * Whether an application with an AppId_Catalog entry loads an LSP: the LSP must have at least one of the
     * application's categories and none outside them, and must have LSP_SYSTEM if the application has it.
     * An uncategorized LSP (0) is never loaded into a categorized application.
     */
    public static boolean loads(int permittedByApplication, int lspCategories) {
        boolean system = (permittedByApplication & SYSTEM.bit) == 0 || (lspCategories & SYSTEM.bit) != 0;
        return (lspCategories & permittedByApplication) != 0
                && (lspCategories & ~permittedByApplication) == 0
                && system;
    }

    /** "LSP_PROXY + LSP_SYSTEM", bits ws2spi.h does not name as "undocumented 0x...", "none" for 0. */
    public static String describe(int categories) {
        List<String> names = new ArrayList<>();
        int known = 0;
        for (LspCategory c : values()) {
            known |= c.bit;
            if ((categories & c.bit) != 0) {
                names.add(c.constantName());
            }
        }
        if ((categories & ~known) != 0) {
            names.add(String.format("undocumented 0x%08X", categories & ~known));
        }
        return names.isEmpty() ? "none" : String.join(" + ", names);
    }
}
