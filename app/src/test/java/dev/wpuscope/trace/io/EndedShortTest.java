package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a capture can end short of a stream's PROCESS_GOODBYE is reported, and only those. */
class EndedShortTest {

    private static final byte[] CAPTURE = RecordedCaptures.bytes("crossthread-x64");
    private static final int PID = 32;

    @Test
    void aCompleteCaptureEndsWithItsGoodbye() throws Exception {
        assertEquals(List.of(), DecodeLog.decode(CAPTURE).endedShort);
    }

    @Test
    void cutAtEveryRecordBoundaryBeforeTheGoodbye() throws Exception {
        List<Long> offsets = DecodeLog.decode(CAPTURE).recordOffsets();
        for (long cut : offsets) {
            DecodeLog log = DecodeLog.decode(Arrays.copyOf(CAPTURE, (int) cut), 97);
            List<EndedShort> expected = cut == TraceFormat.HEADER_LENGTH ? List.of(new EndedShort(cut, 0, -1))
                    : List.of(new EndedShort(cut, 0, PID));
            assertEquals(expected, log.endedShort, "cut at " + cut);
            assertEquals(List.of(), log.truncated, "cut at " + cut);
        }
    }

    @Test
    void cutInsideARecordIsATruncatedTailOfAStreamEndedShort() throws Exception {
        DecodeLog log = DecodeLog.decode(Arrays.copyOf(CAPTURE, CAPTURE.length - 5));
        assertEquals(1, log.truncated.size());
        assertEquals(List.of(new EndedShort(CAPTURE.length - 5, 0, PID)), log.endedShort);
    }

    @Test
    void aStreamWithoutGoodbyeFollowedByAnotherEndsWhereTheNextHeaderStarts() throws Exception {
        long goodbye = DecodeLog.decode(CAPTURE).recordOffsets().get(DecodeLog.decode(CAPTURE).records.size() - 1);
        byte[] first = Arrays.copyOf(CAPTURE, (int) goodbye);
        DecodeLog log = DecodeLog.decode(TraceDecoderDamageTest.concat(first, CAPTURE));
        assertEquals(List.of(new EndedShort(goodbye, 0, PID)), log.endedShort);
    }

    @Test
    void damageRunningToTheEndEndsTheStreamShort() throws Exception {
        byte[] data = CAPTURE.clone();
        Arrays.fill(data, data.length - 60, data.length, (byte) 0xEE);
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(1, log.damage.size());
        assertEquals(List.of(new EndedShort(data.length, 0, PID)), log.endedShort);
    }
}
