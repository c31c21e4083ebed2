package dev.wpuscope.trace.io;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Constants of the trace format (resources/trace-format/SPEC.md), version 1.2. */
public final class TraceFormat {

    public static final byte[] MAGIC = "WPUTRACE".getBytes(StandardCharsets.US_ASCII);
    public static final int MAJOR = 1;
    /** The minor version this wpuscope reads all fields of and writes. */
    public static final int MINOR = 2;
    /** Header length of 1.0 to 1.2; a later minor may grow it. */
    public static final int HEADER_LENGTH = 48;
    /** Offset of the header CRC, which covers the bytes before it. */
    public static final int HEADER_CRC_OFFSET = 44;
    /** Upper bound this reader accepts for a header grown by a later minor. */
    public static final int MAX_HEADER_LENGTH = 1 << 20;
    /** Record length bounds (§3): the 12 fixed bytes + CRC, up to 1 MiB. */
    public static final int MIN_RECORD_LENGTH = 16;
    public static final int MAX_RECORD_LENGTH = 1 << 20;
    /** Bytes before a record's payload: length, type, flags, pid. */
    public static final int RECORD_PREFIX = 12;

    public static final int PROCESS_HELLO = 1;
    public static final int PROVIDER_LOADED = 2;
    public static final int MODULE = 3;
    public static final int UPCALL = 4;
    public static final int DROPS = 5;
    public static final int TRACER_MESSAGE = 6;
    public static final int PROCESS_GOODBYE = 7;
    /** 1.2 */
    public static final int DOWNCALL = 8;
    /** The highest record type this reader decodes; it skips the others (§3). */
    static final int LAST_KNOWN_TYPE = DOWNCALL;

    private static final String[] TYPE_NAMES = {null, "PROCESS_HELLO", "PROVIDER_LOADED", "MODULE", "UPCALL",
            "DROPS", "TRACER_MESSAGE", "PROCESS_GOODBYE", "DOWNCALL"};

    private TraceFormat() {
    }

    /** The spec's name of a record type, or "UNKNOWN". */
    public static String typeName(int type) {
        return type > 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "UNKNOWN";
    }

    /** Whether a record length is within the bounds of §3. */
    public static boolean isRecordLengthInRange(long length) {
        return length >= MIN_RECORD_LENGTH && length <= MAX_RECORD_LENGTH;
    }

    /** CRC-32 (IEEE, as zlib) of {@code b[from, from + length)}. */
    static int crc32(CRC32 crc, byte[] b, int from, int length) {
        crc.reset();
        crc.update(b, from, length);
        return (int) crc.getValue();
    }
}
