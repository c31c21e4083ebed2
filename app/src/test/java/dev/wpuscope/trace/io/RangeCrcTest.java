package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The range CRC equals java.util.zip.CRC32 over the same bytes, for any range. */
class RangeCrcTest {

    @Test
    void everyRangeMatchesCrc32() {
        Random random = new Random(5);
        byte[] data = new byte[5000];
        random.nextBytes(data);
        RangeCrc ranges = new RangeCrc();
        ranges.cover(data, 100, 2000);
        ranges.cover(data, 100, 4900);
        CRC32 crc = new CRC32();
        for (int i = 0; i < 2000; i++) {
            int a = 100 + random.nextInt(4800);
            int b = a + random.nextInt(4900 - a + 1);
            assertEquals(TraceFormat.crc32(crc, data, a, b - a), ranges.crc(a, b), a + ".." + b);
        }
        assertEquals(0, ranges.crc(300, 300));
        ranges.invalidate();
        ranges.cover(data, 0, 10);
        assertEquals(TraceFormat.crc32(crc, data, 2, 7), ranges.crc(2, 9));
    }
}
