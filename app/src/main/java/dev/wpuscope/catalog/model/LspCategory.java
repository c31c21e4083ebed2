package dev.wpuscope.catalog.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    public static Set<LspCategory> decode(int categories) {
        Set<LspCategory> set = EnumSet.noneOf(LspCategory.class);
        for (LspCategory c : values()) {
            if ((categories & c.bit) != 0) {
                set.add(c);
            }
        }
        return set;
    }

    /** Bits set in {@code categories} that no LSP_* constant names. */
    public static int unknownBits(int categories) {
        int known = 0;
        for (LspCategory c : values()) {
            known |= c.bit;
        }
        return categories & ~known;
    }

    /** "LSP_PROXY + LSP_SYSTEM", bits ws2spi.h does not name as "undocumented 0x...", "none" for 0. */
    public static String describe(int categories) {
        List<String> names = new ArrayList<>(decode(categories).stream().map(LspCategory::constantName).toList());
        if (unknownBits(categories) != 0) {
            names.add(String.format("undocumented 0x%08X", unknownBits(categories)));
        }
        return names.isEmpty() ? "none" : String.join(" + ", names);
    }
}
