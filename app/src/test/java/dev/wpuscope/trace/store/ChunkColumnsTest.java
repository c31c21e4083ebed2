package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The narrow chunk columns give back every value, also those that do not fit their narrow form. */
class ChunkColumnsTest {

    private static final long[] EXTREMES = {0, 1, -1, 63, 64, -64, -65, 127, 128, -128, -129, Short.MAX_VALUE,
        Short.MIN_VALUE, Short.MIN_VALUE + 1, Short.MAX_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 0xDEAD_0200L, 0x7FF8_1000_1234L, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 1L << 55, (1L << 56) - 1, 1L << 56, -(1L << 56)};

    @Test
    void aWideningColumnStaysOneByteWhileRowsStayCloseAndWidensForOneThatIsNot() {
        WideningColumn sequence = new WideningColumn(1);
        for (int i = 0; i < 1000; i++) {
            sequence.set(i, 5_000_000 + i + (i % 7 == 0 ? 3 : 0));
        }
        assertEquals(1, sequence.bytesPerRow());
        sequence.set(1000, 5_000_000 + 1000 + 300);
        assertEquals(2, sequence.bytesPerRow());
        sequence.set(1001, 5_000_000 - 100_000);
        assertEquals(4, sequence.bytesPerRow());
        sequence.set(1002, Long.MIN_VALUE);
        assertEquals(8, sequence.bytesPerRow());
        for (int i = 0; i < 1000; i++) {
            assertEquals(5_000_000 + i + (i % 7 == 0 ? 3 : 0), sequence.get(i), "row " + i);
        }
        assertEquals(5_001_300, sequence.get(1000));
        assertEquals(4_900_000, sequence.get(1001));
        assertEquals(Long.MIN_VALUE, sequence.get(1002));
    }

    @Test
    void aWideningColumnHoldsAnyValuesExactly() {
        WideningColumn time = new WideningColumn(0);
        for (int i = 0; i < EXTREMES.length; i++) {
            time.set(i, EXTREMES[i]);
        }
        for (int i = 0; i < EXTREMES.length; i++) {
            assertEquals(EXTREMES[i], time.get(i), "row " + i);
        }
    }

    @Test
    void aNarrowColumnKeepsAsideExactlyTheValuesThatDoNotFitSixteenBits() {
        NarrowColumn durations = new NarrowColumn();
        int aside = 0;
        for (int i = 0; i < EXTREMES.length; i++) {
            durations.set(i, EXTREMES[i]);
            aside += EXTREMES[i] == (short) EXTREMES[i] && EXTREMES[i] != Short.MIN_VALUE ? 0 : 1;
        }
        assertEquals(aside, durations.asideCount());
        for (int i = 0; i < EXTREMES.length; i++) {
            assertEquals(EXTREMES[i], durations.get(i), "row " + i);
        }
    }

    @Test
    void packedArgsReadBackWhateverTheOrderOfReading() {
        Random random = new Random(7);
        long[][] rows = new long[EventChunk.ROWS][];
        PackedArgs packed = new PackedArgs();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = randomArgs(random, i);
            packed.add(i, rows[i], rows[i].length);
        }
        ArgCursor cursor = new ArgCursor();
        for (int i = 0; i < rows.length; i++) {
            assertEquals(rows[i].length, packed.count(i));
            for (int k = 0; k <= rows[i].length; k++) {
                assertEquals(k < rows[i].length ? rows[i][k] : 0, packed.arg(i, k), "row " + i + " arg " + k);
            }
            if (random.nextInt(3) > 0) { // in order, skipping rows now and then
                assertRead(packed, cursor, rows, i);
            }
        }
        for (int n = 0; n < 20_000; n++) {
            assertRead(packed, cursor, rows, random.nextInt(rows.length));
        }
    }

    private static void assertRead(PackedArgs packed, ArgCursor cursor, long[][] rows, int i) {
        int n = Math.min(ArgCursor.MAX, rows[i].length + 1);
        packed.read(i, n, cursor);
        long[] expected = java.util.Arrays.copyOf(rows[i], n);
        assertArrayEquals(expected, java.util.Arrays.copyOf(cursor.values, n), "row " + i);
    }

    /** Mostly upcall-like rows; now and then one of 255 arguments, so long that its length byte cannot say it. */
    private static long[] randomArgs(Random random, int i) {
        int n = i % 5000 == 17 ? 255 : random.nextInt(20) == 0 ? 12 : random.nextInt(5);
        long[] args = new long[n];
        for (int k = 0; k < n; k++) {
            args[k] = switch (random.nextInt(4)) {
                case 0 -> EXTREMES[random.nextInt(EXTREMES.length)];
                case 1 -> random.nextLong();
                case 2 -> random.nextLong() >> random.nextInt(64);
                default -> random.nextInt(0x5000);
            };
        }
        return args;
    }
}
