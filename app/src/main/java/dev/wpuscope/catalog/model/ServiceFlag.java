package dev.wpuscope.catalog.model;

import java.util.EnumSet;
import java.util.Set;

/** XP1_* bits of {@code dwServiceFlags1} (winsock2.h). */
public enum ServiceFlag {
    CONNECTIONLESS(0x1),
    GUARANTEED_DELIVERY(0x2),
    GUARANTEED_ORDER(0x4),
    MESSAGE_ORIENTED(0x8),
    PSEUDO_STREAM(0x10),
    GRACEFUL_CLOSE(0x20),
    EXPEDITED_DATA(0x40),
    CONNECT_DATA(0x80),
    DISCONNECT_DATA(0x100),
    SUPPORT_BROADCAST(0x200),
    SUPPORT_MULTIPOINT(0x400),
    MULTIPOINT_CONTROL_PLANE(0x800),
    MULTIPOINT_DATA_PLANE(0x1000),
    QOS_SUPPORTED(0x2000),
    INTERRUPT(0x4000),
    UNI_SEND(0x8000),
    UNI_RECV(0x10000),
    IFS_HANDLES(0x20000),
    PARTIAL_MESSAGE(0x40000),
    SAN_SUPPORT_SDP(0x80000);

    private final int bit;

    ServiceFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The Windows constant name, e.g. {@code XP1_IFS_HANDLES}. */
    public String constantName() {
        return "XP1_" + name();
    }

    public boolean isSetIn(int flags) {
        return (flags & bit) != 0;
    }

    public static Set<ServiceFlag> decode(int flags) {
        Set<ServiceFlag> set = EnumSet.noneOf(ServiceFlag.class);
        for (ServiceFlag f : values()) {
            if (f.isSetIn(flags)) {
                set.add(f);
            }
        }
        return set;
    }

    /** Bits set in {@code flags} that no XP1_* constant names. */
    public static int unknownBits(int flags) {
        int known = 0;
        for (ServiceFlag f : values()) {
            known |= f.bit;
        }
        return flags & ~known;
    }
}
