package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-made damage: each case reports the damage with its offset, resyncs, and keeps every good record. */
class TraceDecoderDamageTest {

    private static final byte[] BASIC = GoldenFiles.bytes("basic");
    /** Offsets of basic.wputrace's records, and its end. */
    private static final List<Long> BASIC_OFFSETS;

    static {
        try {
            List<Long> offsets = new ArrayList<>(DecodeLog.decode(BASIC).recordOffsets());
            offsets.add((long) BASIC.length);
            BASIC_OFFSETS = List.copyOf(offsets);
        } catch (TraceReadException e) {
            throw new AssertionError(e);
        }
    }

    private static int recordStart(int index) {
        return BASIC_OFFSETS.get(index).intValue();
    }

    private static int recordLength(int index) {
        return (int) (BASIC_OFFSETS.get(index + 1) - BASIC_OFFSETS.get(index));
    }

    private static List<Long> offsetsWithout(int index) {
        List<Long> expected = new ArrayList<>(BASIC_OFFSETS.subList(0, BASIC_OFFSETS.size() - 1));
        expected.remove(index);
        return expected;
    }

    @Test
    void badCrcIsDamageOfExactlyThatRecord() throws Exception {
        byte[] data = BASIC.clone();
        int at = recordStart(5);
        data[at + recordLength(5) - 1] ^= 0x55;
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of(new Damage(at, recordLength(5))), log.damage);
        assertEquals(offsetsWithout(5), log.recordOffsets());
        assertTrue(log.truncated.isEmpty());
    }

    @Test
    void lengthOutOfRangeIsDamageAndTheNextRecordIsFound() throws Exception {
        for (int badLength : new int[] {0, 15, (1 << 20) + 1, -1}) {
            byte[] data = BASIC.clone();
            int at = recordStart(7);
            LittleEndian.putI32(data, at, badLength);
            DecodeLog log = DecodeLog.decode(data, 13);
            assertEquals(List.of(new Damage(at, recordLength(7))), log.damage, "length " + badLength);
            assertEquals(offsetsWithout(7), log.recordOffsets());
        }
    }

    @Test
    void hostileInRangeLengthWaitsThenResyncsAtTheRealEnd() throws Exception {
        byte[] data = BASIC.clone();
        int at = recordStart(4);
        LittleEndian.putI32(data, at, 1 << 20);
        DecodeLog log = DecodeLog.decode(data, 100);
        assertEquals(List.of(new Damage(at, recordLength(4))), log.damage);
        assertEquals(offsetsWithout(4), log.recordOffsets());
        assertTrue(log.truncated.isEmpty());
    }

    @Test
    void garbageBetweenRecordsIsSkippedAndCounted() throws Exception {
        int at = recordStart(10);
        byte[] garbage = "\u0000\u0001garbage WPUTRAC\u00ff\u0010\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = concat(slice(BASIC, 0, at), garbage, slice(BASIC, at, BASIC.length));
        DecodeLog log = DecodeLog.decode(data, 5);
        assertEquals(List.of(new Damage(at, garbage.length)), log.damage);
        assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
        assertEquals(at + garbage.length, log.records.get(10).offset());
    }

    @Test
    void knownRecordTooShortIsDamage() throws Exception {
        byte[] tooShort = record(TraceFormat.MODULE, new byte[] {1, 0, 0, 0});
        int at = recordStart(3);
        byte[] data = concat(slice(BASIC, 0, at), tooShort, slice(BASIC, at, BASIC.length));
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of(new Damage(at, tooShort.length)), log.damage);
        assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
    }

    @Test
    void recordsEndingInsideTheFieldsOfOneOneAreDamageAndEndingBeforeThemIsOneZero() throws Exception {
        byte[] goodbye = new byte[3 * 8 + 4];
        byte[] helloOneZero = new byte[4 + 4 + 4 + 3 * 8 + 2 + 2];
        byte[] helloCut = java.util.Arrays.copyOf(helloOneZero, helloOneZero.length + 8);
        byte[] goodbyeCut = record(TraceFormat.PROCESS_GOODBYE, slice(goodbye, 0, 26));
        byte[] helloCutRecord = record(TraceFormat.PROCESS_HELLO, helloCut);
        byte[] data = concat(slice(BASIC, 0, BASIC.length), record(TraceFormat.PROCESS_HELLO, helloOneZero),
                helloCutRecord, goodbyeCut, record(TraceFormat.PROCESS_GOODBYE, slice(goodbye, 0, 24)));
        DecodeLog log = DecodeLog.decode(data);
        int cutAt = BASIC.length + TraceFormat.RECORD_PREFIX + helloOneZero.length + 4;
        assertEquals(List.of(new Damage(cutAt, helloCutRecord.length),
                new Damage(cutAt + helloCutRecord.length, goodbyeCut.length)), log.damage);
        List<TraceRecord> added = log.records.subList(log.records.size() - 2, log.records.size());
        assertEquals(null, ((TraceRecord.ProcessHello) added.get(0)).loadSession());
        assertEquals(null, ((TraceRecord.ProcessGoodbye) added.get(1)).endReason());
    }

    @Test
    void stringRunningPastThePayloadIsDamage() throws Exception {
        byte[] payload = new byte[4 + 8 + 4 + 2 + 3];
        LittleEndian.putU16(payload, 16, 200);
        byte[] module = record(TraceFormat.MODULE, payload);
        byte[] data = concat(slice(BASIC, 0, BASIC.length), module);
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of(new Damage(BASIC.length, module.length)), log.damage);
    }

    @Test
    void invalidUtf8IsReplacedNotDamage() throws Exception {
        byte[] payload = new byte[4 + 8 + 4 + 2 + 2];
        payload[0] = 9;
        LittleEndian.putU16(payload, 16, 2);
        payload[18] = (byte) 0xC3;
        payload[19] = (byte) 0x28;
        DecodeLog log = DecodeLog.decode(concat(BASIC, record(TraceFormat.MODULE, payload)));
        assertTrue(log.damage.isEmpty());
        TraceRecord.Module module = (TraceRecord.Module) log.records.get(log.records.size() - 1);
        assertEquals("\uFFFD(", module.path());
    }

    @Test
    void truncatedAtEveryByteReportsTheRecordItStopsIn() throws Exception {
        for (int c = 1; c < BASIC.length; c++) {
            int cut = c;
            DecodeLog log = DecodeLog.decode(slice(BASIC, 0, cut), 1 + cut % 11);
            long complete = BASIC_OFFSETS.stream().filter(end -> end <= cut).count() - 1;
            assertEquals(Math.max(0, complete), log.records.size(), "cut at " + cut);
            assertTrue(log.damage.isEmpty(), "cut at " + cut);
            boolean atBoundary = BASIC_OFFSETS.contains((long) cut);
            long expectedTruncation = cut < TraceFormat.HEADER_LENGTH ? 0 : BASIC_OFFSETS.get((int) complete);
            assertEquals(atBoundary ? List.of() : List.of(expectedTruncation), log.truncated, "cut at " + cut);
        }
    }

    @Test
    void damagedFirstHeaderIsDamageAndTheRecordsAreKept() throws Exception {
        byte[] data = BASIC.clone();
        data[20] ^= 1;
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of(new Damage(0, TraceFormat.HEADER_LENGTH)), log.damage);
        assertTrue(log.headers.isEmpty());
        assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
    }

    @Test
    void damageRunningToTheEndIsReportedWithTheBytesSkipped() throws Exception {
        byte[] tail = new byte[300];
        new Random(7).nextBytes(tail);
        tail[0] = (byte) 0xFF;
        tail[3] = (byte) 0xFF;
        DecodeLog log = DecodeLog.decode(concat(BASIC, tail), 64);
        assertEquals(List.of(new Damage(BASIC.length, tail.length)), log.damage);
        assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
    }

    /**
     * Two MiB of damage in which every other byte position claims a record of 512 KiB or 2 KiB that fits:
     * resync tests each of them (their CRCs through the range CRC) and finds the records after it.
     */
    @Test
    void damageFullOfPlausibleLongLengthsIsSkippedExactly() throws Exception {
        byte[] garbage = new byte[2 << 20];
        for (int i = 0; i < garbage.length; i += 4) {
            garbage[i + 2] = 0x08;
        }
        int at = recordStart(10);
        byte[] data = concat(slice(BASIC, 0, at), garbage, slice(BASIC, at, BASIC.length));
        for (int chunk : new int[] {data.length, 65536, 1000}) {
            DecodeLog log = DecodeLog.decode(data, chunk);
            assertEquals(List.of(new Damage(at, garbage.length)), log.damage, "chunks of " + chunk);
            assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
        }
    }

    @Test
    void notACaptureNamesTheSource() {
        TraceReadException e = assertThrows(TraceReadException.class,
                () -> DecodeLog.decode("hello, world".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("test.wputrace: not a wpuscope capture (no WPUTRACE header)", e.getMessage());
        e = assertThrows(TraceReadException.class, () -> DecodeLog.decode(new byte[0]));
        assertEquals("test.wputrace: empty, not a wpuscope capture", e.getMessage());
    }

    @Test
    void newerMajorInALaterStreamIsRejectedAfterTheFirstStream() throws Exception {
        byte[] newer = GoldenFiles.bytes("newer-major");
        DecodeLog log = new DecodeLog();
        TraceDecoder decoder = new TraceDecoder("two.wputrace", log);
        byte[] data = concat(BASIC, newer);
        TraceReadException e = assertThrows(TraceReadException.class, () -> decoder.feed(data, 0, data.length));
        assertEquals("two.wputrace: capture format 2.0 is newer than this wpuscope reads (1.x)", e.getMessage());
        assertEquals(BASIC_OFFSETS.size() - 1, log.records.size());
    }

    @Test
    void randomDamageNeverThrowsAndDoesNotDependOnChunking() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] data = GoldenFiles.bytes("two-streams");
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            String whole = summaryOrError(data, data.length);
            assertEquals(whole, summaryOrError(data, 1 + random.nextInt(200)), "round " + round);
        }
    }

    /**
     * scenario-all-x64 with byte 1500 flipped: inside the damaged record a length's zero high half and a type
     * look like the start of a 384 KiB record. A follower that has all the bytes but no end yet must not
     * wait for it: the next complete record lies inside it and rules it out, as it does for the whole file.
     */
    @Test
    void damageFollowedWithoutAnEndGivesWhatTheWholeFileGives() throws Exception {
        byte[] data = RecordedCaptures.bytes("scenario-all-x64");
        data[1500] ^= (byte) 0xFF;
        DecodeLog whole = DecodeLog.decode(data);
        DecodeLog followed = new DecodeLog();
        new TraceDecoder("test.wputrace", followed).feed(data, 0, data.length);
        assertEquals(List.of(new Damage(1461, 98)), whole.damage);
        assertEquals(whole.summary(), followed.summary());
    }

    /**
     * What a decoder reports before the end of the data is never taken back: with random damage, every
     * prefix fed without {@link TraceDecoder#finish} reports a prefix of what the whole data reports.
     */
    @Test
    void reportsBeforeTheEndArePrefixesOfTheWholeFilesReports() throws Exception {
        Random random = new Random(12);
        for (int round = 0; round < 25; round++) {
            byte[] data = GoldenFiles.bytes("two-streams");
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            DecodeLog whole;
            try {
                whole = DecodeLog.decode(data);
            } catch (TraceReadException e) {
                continue;
            }
            for (int cut = 0; cut <= data.length; cut += 1 + random.nextInt(13)) {
                DecodeLog partial = new DecodeLog();
                new TraceDecoder("test.wputrace", partial).feed(data, 0, cut);
                String where = "round " + round + ", cut " + cut;
                assertEquals(RecordText.of(whole.records.subList(0, partial.records.size())),
                        RecordText.of(partial.records), where);
                assertEquals(whole.damage.subList(0, partial.damage.size()), partial.damage, where);
            }
        }
    }

    private static String summaryOrError(byte[] data, int chunk) {
        try {
            return DecodeLog.decode(data, chunk).summary();
        } catch (TraceReadException e) {
            return e.getMessage();
        }
    }

    /** A record of {@code type} for pid 4242 with a correct length and CRC. */
    static byte[] record(int type, byte[] payload) {
        byte[] r = new byte[TraceFormat.RECORD_PREFIX + payload.length + 4];
        LittleEndian.putI32(r, 0, r.length);
        LittleEndian.putU16(r, 4, type);
        LittleEndian.putI32(r, 8, 4242);
        System.arraycopy(payload, 0, r, TraceFormat.RECORD_PREFIX, payload.length);
        LittleEndian.putI32(r, r.length - 4, TraceFormat.crc32(new java.util.zip.CRC32(), r, 0, r.length - 4));
        return r;
    }

    static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
