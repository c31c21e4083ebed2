package dev.wpuscope.trace.analysis;

/** Formats handles, pointers and values the way Windows developers read them. */
public final class Hex {

    private Hex() {
    }

    /** {@code 0x2c8}; negative values as their unsigned 64-bit form. */
    public static String of(long value) {
        return "0x" + Long.toHexString(value);
    }
}
