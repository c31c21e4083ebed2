package dev.wpuscope.trace.io;

/**
 * Damaged bytes in a capture (trace format §3): where the damage starts and how many bytes the
 * reader skipped before it found a valid header or record again (or reached the end).
 */
public record Damage(long offset, long skipped) {

    @Override
    public String toString() {
        return "damage at byte offset " + offset + " (0x" + Long.toHexString(offset) + "), " + skipped
                + " bytes skipped";
    }
}
