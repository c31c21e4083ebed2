package dev.wpuscope.catalog.pe;

import java.util.Arrays;

/**
 * The COFF header's Machine field: which processor the image is for. A provider DLL of the 64-bit catalog
 * must be x64 (or ARM64/ARM64EC on ARM64 Windows), one of the 32-bit (WOW64) catalog x86.
 */
public enum PeMachine {
    X86(0x14C, "x86", 32),
    X64(0x8664, "x64", 64),
    ARM64(0xAA64, "ARM64", 64),
    ARM(0x1C4, "ARM (Thumb-2)", 32),
    ARM64EC(0xA641, "ARM64EC", 64),
    IA64(0x200, "Itanium", 64),
    UNKNOWN(-1, "unknown", 0);

    private final int code;
    private final String label;
    private final int bits;

    PeMachine(int code, String label, int bits) {
        this.code = code;
        this.label = label;
        this.bits = bits;
    }

    /** The machine with this IMAGE_FILE_MACHINE_* code, or {@link #UNKNOWN}. */
    public static PeMachine of(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst().orElse(UNKNOWN);
    }

    public String label() {
        return label;
    }

    /** 32 or 64; 0 when unknown. */
    public int bits() {
        return bits;
    }
}
