package dev.wpuscope.bench;

import dev.wpuscope.trace.io.TraceFormat;
import dev.wpuscope.trace.io.TraceReader;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The least any reader of an undamaged capture must do, as the baseline of the decode figures: it walks the record
 * boundaries, checks that each length is within the format's bounds and each record's CRC-32 (and the header's
 * magic and CRC), and looks at nothing else. Read from a file it reads as {@link TraceReader} does (the same channel
 * reads into a buffer of the same size); nothing is allocated per record. Damage is not resynced: it throws.
 */
final class RawScan {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final CRC32 crc = new CRC32();
    private byte[] buffer = new byte[TraceReader.READ_SIZE];
    private boolean headerSeen;
    private long records;
    private long offset;

    /** Scans the whole file; returns the number of records. */
    static long file(Path capture) throws IOException {
        RawScan scan = new RawScan();
        try (FileChannel channel = FileChannel.open(capture, StandardOpenOption.READ)) {
            int kept = 0;
            while (true) {
                ByteBuffer into = ByteBuffer.wrap(scan.buffer, kept, scan.buffer.length - kept);
                if (channel.read(into) < 0) {
                    break;
                }
                kept = scan.walk(into.position());
            }
            if (kept != 0) {
                throw new IllegalStateException(capture + ": ends inside a record at byte offset " + scan.offset);
            }
        }
        return scan.records;
    }

    /** Scans a whole capture held in memory; returns the number of records. */
    static long bytes(byte[] capture) {
        RawScan scan = new RawScan();
        scan.buffer = capture;
        if (scan.walk(capture.length) != 0) {
            throw new IllegalStateException("ends inside a record at byte offset " + scan.offset);
        }
        return scan.records;
    }

    /** Checks the complete records in {@code buffer[0, end)}; moves the rest to the start and returns its length. */
    private int walk(int end) {
        int at = 0;
        if (!headerSeen) {
            if (end < TraceFormat.HEADER_LENGTH) {
                return end;
            }
            if (!Arrays.equals(buffer, 0, TraceFormat.MAGIC.length, TraceFormat.MAGIC, 0, TraceFormat.MAGIC.length)
                    || crc(0, TraceFormat.HEADER_CRC_OFFSET) != i32(TraceFormat.HEADER_CRC_OFFSET)) {
                throw new IllegalStateException("no valid header at byte offset 0");
            }
            at = i32(12);
            headerSeen = true;
        }
        while (end - at >= 4) {
            int length = i32(at);
            if (!TraceFormat.isRecordLengthInRange(length & 0xFFFF_FFFFL)) {
                throw new IllegalStateException("record length " + length + " out of range at byte offset " + offset);
            }
            if (end - at < length) {
                break;
            }
            if (crc(at, length - 4) != i32(at + length - 4)) {
                throw new IllegalStateException("CRC mismatch at byte offset " + offset);
            }
            at += length;
            offset += length;
            records++;
        }
        System.arraycopy(buffer, at, buffer, 0, end - at);
        return end - at;
    }

    private int crc(int from, int length) {
        crc.reset();
        crc.update(buffer, from, length);
        return (int) crc.getValue();
    }

    private int i32(int at) {
        return (int) INT.get(buffer, at);
    }
}
