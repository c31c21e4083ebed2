package dev.wpuscope.catalog.pe;

import java.nio.charset.StandardCharsets;

/**
 * A PE file's bytes with bounds-checked little-endian reads: every read outside the file, or past a limit
 * the caller names, fails with a {@link PeFormatException} giving the file and the byte offset.
 */
final class PeBytes {
    private final String file;
    private final byte[] bytes;

    PeBytes(String file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    String file() {
        return file;
    }

    int length() {
        return bytes.length;
    }

    byte[] array() {
        return bytes;
    }

    /** The error for a problem found at {@code offset}. */
    PeFormatException error(long offset, String problem) {
        return PeFormatException.atOffset(file, offset, problem);
    }

    /** Fails unless {@code [offset, offset + count)} lies inside the file, naming {@code what} is there. */
    void require(long offset, long count, String what) throws PeFormatException {
        if (offset < 0 || count < 0 || offset + count > bytes.length) {
            throw error(Math.max(0, offset), what + " (" + count + " bytes) lies outside the file of "
                    + bytes.length + " bytes (truncated?)");
        }
    }

    int u8(long offset, String what) throws PeFormatException {
        require(offset, 1, what);
        return bytes[(int) offset] & 0xFF;
    }

    int u16(long offset, String what) throws PeFormatException {
        require(offset, 2, what);
        int at = (int) offset;
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }

    /** An unsigned 32-bit value. */
    long u32(long offset, String what) throws PeFormatException {
        require(offset, 4, what);
        int at = (int) offset;
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }

    boolean startsWith(long offset, byte[] expected) {
        if (offset < 0 || offset + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[(int) offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code count} bytes. */
    byte[] copy(long offset, int count, String what) throws PeFormatException {
        require(offset, count, what);
        byte[] out = new byte[count];
        System.arraycopy(bytes, (int) offset, out, 0, count);
        return out;
    }

    /**
     * The number of UTF-16 code units of a NUL-terminated string at {@code offset}, looking no further than
     * {@code end} (a string cut off by {@code end} counts up to there).
     */
    int utf16Units(long offset, long end) throws PeFormatException {
        require(offset, 0, "string");
        long limit = Math.min(end, bytes.length);
        long at = offset;
        while (at + 1 < limit && (bytes[(int) at] != 0 || bytes[(int) at + 1] != 0)) {
            at += 2;
        }
        return (int) ((at - offset) / 2);
    }

    String utf16(long offset, int units, String what) throws PeFormatException {
        require(offset, 2L * units, what);
        return new String(bytes, (int) offset, 2 * units, StandardCharsets.UTF_16LE);
    }
}
