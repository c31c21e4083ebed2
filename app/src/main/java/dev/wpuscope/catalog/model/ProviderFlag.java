package dev.wpuscope.catalog.model;

import java.util.EnumSet;
import java.util.Set;

/** PFL_* bits of {@code dwProviderFlags} (winsock2.h). */
public enum ProviderFlag {
    MULTIPLE_PROTO_ENTRIES(0x1),
    RECOMMENDED_PROTO_ENTRY(0x2),
    HIDDEN(0x4),
    MATCHES_PROTOCOL_ZERO(0x8),
    NETWORKDIRECT_PROVIDER(0x10);

    private final int bit;

    ProviderFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public String constantName() {
        return "PFL_" + name();
    }

    public boolean isSetIn(int flags) {
        return (flags & bit) != 0;
    }

    public static Set<ProviderFlag> decode(int flags) {
        Set<ProviderFlag> set = EnumSet.noneOf(ProviderFlag.class);
        for (ProviderFlag f : values()) {
            if (f.isSetIn(flags)) {
                set.add(f);
            }
        }
        return set;
    }

    public static int unknownBits(int flags) {
        int known = 0;
        for (ProviderFlag f : values()) {
            known |= f.bit;
        }
        return flags & ~known;
    }
}
