package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Feeding decodes the caller's bytes in place and keeps only what a chunk cut: records far longer than the decoder's
 * own buffer, cut anywhere, decode as when fed whole.
 */
class TraceDecoderFeedTest {

    @Test
    void longRecordsCutByChunksOfAnySizeDecodeAsWhenWhole() throws Exception {
        byte[] data = capture();
        DecodeLog whole = DecodeLog.decode(data);
        assertEquals(7, whole.records.size());
        assertTrue(whole.damage.isEmpty() && whole.truncated.isEmpty());
        for (int chunk : new int[] {1, 999, 65_536, 100_003, 300_000}) {
            assertEquals(whole.summary(), DecodeLog.decode(data, chunk).summary(), "chunks of " + chunk);
        }
    }

    /** Upcalls of 30,000 arguments (240 KB each, beyond the decoder's 64 KiB buffer) between short ones. */
    private static byte[] capture() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(out)) {
            writer.writeHeader(10_000_000L, 133_800_000_000_000_000L, 5_000L, 0);
        }
        for (int i = 0; i < 7; i++) {
            out.writeBytes(TraceDecoderDamageTest.record(TraceFormat.UPCALL, upcallPayload(i, i % 2 == 1 ? 30_000 : 1)));
        }
        return out.toByteArray();
    }

    /** Sequence {@code i}, WPUCreateSocketHandle, {@code args} arguments, no text, parent call 0. */
    private static byte[] upcallPayload(int i, int args) {
        byte[] p = new byte[56 + args * 8 + 2 + 4];
        LittleEndian.putI32(p, 0, i);
        LittleEndian.putU16(p, 4, 3);
        LittleEndian.putU16(p, 6, args);
        LittleEndian.putI32(p, 8, 7001);
        LittleEndian.putI64(p, 24, 5_000L + i);
        for (int a = 0; a < args; a++) {
            LittleEndian.putI64(p, 56 + a * 8, a * 31L + i);
        }
        return p;
    }
}
