package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trace format 1.2 in the decoder: DOWNCALL records and the parent_call_id appended to UPCALL. */
class DowncallDecodingTest {

    private static final byte[] SPI = GoldenFiles.bytes("spi");

    /** The spi vector's records: hello, module, provider loaded, then the calls. */
    private static List<TraceRecord> spiRecords() throws TraceReadException {
        return DecodeLog.decode(SPI).records;
    }

    @Test
    void upcallsOfOneOneHaveNoParentAndThoseOfOneTwoNameTheirs() throws Exception {
        TraceRecord.UpcallEvent oneOne = (TraceRecord.UpcallEvent) DecodeLog.decode(GoldenFiles.bytes("basic"))
                .records.get(3);
        assertNull(oneOne.parentCallId());
        TraceRecord.UpcallEvent create = (TraceRecord.UpcallEvent) spiRecords().get(4);
        assertEquals(2, create.parentCallId());
        TraceRecord.UpcallEvent posted = (TraceRecord.UpcallEvent) spiRecords().get(8);
        assertEquals(0, posted.parentCallId());
    }

    @Test
    void downcallCarriesItsFunctionCallIdSocketAndData() throws Exception {
        TraceRecord.DowncallEvent send = (TraceRecord.DowncallEvent) spiRecords().get(9);
        assertEquals(Downcall.WSP_SEND, send.function());
        assertEquals(5, send.callId());
        assertEquals(0x2C8, send.socket());
        assertArrayEquals("hello, w".getBytes(java.nio.charset.StandardCharsets.US_ASCII), send.data());
        TraceRecord.DowncallEvent recv = (TraceRecord.DowncallEvent) spiRecords().get(10);
        assertEquals(true, recv.pending());
        assertEquals(true, recv.failed());
    }

    @Test
    void upcallEndingInsideParentCallIdIsDamage() throws Exception {
        byte[] upcall = recordPayload(spiRecords().get(4));
        byte[] cut = TraceDecoderDamageTest.record(TraceFormat.UPCALL, Arrays.copyOf(upcall, upcall.length - 2));
        byte[] data = TraceDecoderDamageTest.concat(SPI, cut);
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of(new Damage(SPI.length, cut.length)), log.damage);
    }

    @Test
    void downcallWhoseDataRunsPastThePayloadIsDamage() throws Exception {
        byte[] send = recordPayload(spiRecords().get(9));
        byte[] cut = TraceDecoderDamageTest.record(TraceFormat.DOWNCALL, Arrays.copyOf(send, send.length - 1));
        DecodeLog log = DecodeLog.decode(TraceDecoderDamageTest.concat(SPI, cut));
        assertEquals(List.of(new Damage(SPI.length, cut.length)), log.damage);
    }

    @Test
    void aRecordTypeAfterDowncallIsStillSkipped() throws Exception {
        int at = (int) spiRecords().get(4).offset();
        byte[] future = TraceDecoderDamageTest.record(TraceFormat.DOWNCALL + 1, new byte[] {1, 2, 3});
        byte[] data = TraceDecoderDamageTest.concat(Arrays.copyOf(SPI, at), future,
                Arrays.copyOfRange(SPI, at, SPI.length));
        DecodeLog log = DecodeLog.decode(data);
        assertEquals(List.of((long) at), log.unknownOffsets);
        assertEquals(spiRecords().size(), log.records.size());
        assertEquals(List.of(), log.damage);
    }

    /** The payload bytes of a record, written again. */
    private static byte[] recordPayload(TraceRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(out)) {
            writer.write(record);
        }
        byte[] bytes = out.toByteArray();
        return Arrays.copyOfRange(bytes, TraceFormat.RECORD_PREFIX, bytes.length - 4);
    }
}
