package dev.wpuscope.catalog.model;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value semantics (for records that keep original binary data). */
public final class RawBytes {
    private final byte[] bytes;

    private RawBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static RawBytes of(byte[] bytes) {
        return new RawBytes(bytes.clone());
    }

    public byte[] toArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
