package dev.wpuscope.trace.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian integers in byte arrays (no bounds checks beyond the array's own). */
final class LittleEndian {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (short) SHORT.get(b, at) & 0xFFFF;
    }

    static int i32(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    static void putU16(byte[] b, int at, int v) {
        SHORT.set(b, at, (short) v);
    }

    static void putI32(byte[] b, int at, int v) {
        INT.set(b, at, v);
    }

    static void putI64(byte[] b, int at, long v) {
        LONG.set(b, at, v);
    }
}
