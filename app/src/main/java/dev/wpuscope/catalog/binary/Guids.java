package dev.wpuscope.catalog.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** A Windows GUID in memory: Data1 (LE uint32), Data2, Data3 (LE uint16), Data4 (8 bytes as stored). */
public final class Guids {

    public static final int SIZE = 16;

    private Guids() {
    }

    public static UUID decode(byte[] bytes, int at) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long data1 = Integer.toUnsignedLong(in.getInt(at));
        long data2 = Short.toUnsignedLong(in.getShort(at + 4));
        long data3 = Short.toUnsignedLong(in.getShort(at + 6));
        long data4 = in.order(ByteOrder.BIG_ENDIAN).getLong(at + 8);
        return new UUID(data1 << 32 | data2 << 16 | data3, data4);
    }

    public static void encode(UUID guid, byte[] bytes, int at) {
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long msb = guid.getMostSignificantBits();
        out.putInt(at, (int) (msb >>> 32));
        out.putShort(at + 4, (short) (msb >>> 16));
        out.putShort(at + 6, (short) msb);
        out.order(ByteOrder.BIG_ENDIAN).putLong(at + 8, guid.getLeastSignificantBits());
    }

    /**
     * The GUID whose 16 in-memory bytes are the little-endian u64 values {@code low} (bytes 0-7) and
     * {@code high} (bytes 8-15), as the trace format's upcall arguments carry a GUID.
     */
    public static UUID fromHalves(long low, long high) {
        byte[] bytes = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).putLong(low).putLong(high).array();
        return decode(bytes, 0);
    }

    /** The registry form, {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} in upper case. */
    public static String registryForm(UUID guid) {
        return "{" + guid.toString().toUpperCase(java.util.Locale.ROOT) + "}";
    }

    public static byte[] toBytes(UUID guid) {
        byte[] bytes = new byte[SIZE];
        encode(guid, bytes, 0);
        return bytes;
    }
}
