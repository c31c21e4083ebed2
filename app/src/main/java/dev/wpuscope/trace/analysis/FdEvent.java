package dev.wpuscope.trace.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The FD_* network events of WSAAsyncSelect (winsock2.h), as found in the low word of a posted lParam. */
public enum FdEvent {
    READ(0x1),
    WRITE(0x2),
    OOB(0x4),
    ACCEPT(0x8),
    CONNECT(0x10),
    CLOSE(0x20),
    QOS(0x40),
    GROUP_QOS(0x80),
    ROUTING_INTERFACE_CHANGE(0x100),
    ADDRESS_LIST_CHANGE(0x200);

    /** All bits that name an event. */
    public static final int KNOWN_BITS = 0x3FF;

    private final int bit;

    FdEvent(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** E.g. {@code FD_CLOSE}. */
    public String constantName() {
        return "FD_" + name();
    }

    /**
     * A mask of FD_* bits (the events asked for by WSPAsyncSelect / WSPEventSelect, or those a notification names):
     * {@code FD_READ|FD_CLOSE}, unknown bits in hex, {@code no FD_ event} for 0.
     */
    public static String describeMask(long bits) {
        List<String> names = new ArrayList<>();
        decode((int) bits).forEach(event -> names.add(event.constantName()));
        long unknown = bits & ~(long) KNOWN_BITS;
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        return names.isEmpty() ? "no FD_ event" : String.join("|", names);
    }

    public static Set<FdEvent> decode(int bits) {
        Set<FdEvent> events = EnumSet.noneOf(FdEvent.class);
        for (FdEvent e : values()) {
            if ((bits & e.bit) != 0) {
                events.add(e);
            }
        }
        return events;
    }
}
