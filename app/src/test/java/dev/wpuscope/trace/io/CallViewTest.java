package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Calls read through {@link CallView}s say what was written, and a view reuses its argument arrays. */
class CallViewTest {

    private static final List<TraceRecord> WRITTEN = List.of(
            new TraceRecord.ProcessHello(0, 4242, 1, 64, 0x102, 10_000_000L, 133_800_000_000_000_000L, 5_000L,
                    "C:\\app.exe", "app.exe", null),
            upcall(1, new long[] {0x2C8, 0xDEAD_BEEFL}, "", null),
            upcall(2, new long[] {0x2CC, 7}, "caf\u00e9", 0),
            upcall(3, LongStream.rangeClosed(1, 20).toArray(), "", 70_000),
            new TraceRecord.DowncallEvent(0, 4242, 4, 9, 7001, 70_000, 0, 1001, 6_000L, 40L, 0x2C8, -1, 10035, 6,
                    new long[] {0x2C8, 512, 1, 2}, "", new byte[] {1, 2, 3}),
            new TraceRecord.ProcessGoodbye(0, 4242, 9_000L, 4, 0, 1));

    private static TraceRecord.UpcallEvent upcall(int sequence, long[] args, String text, Integer parent) {
        return new TraceRecord.UpcallEvent(0, 4242, sequence, 3, 7001, 1, 0x7FF8_1000_1235L, 5_000L + sequence, 8,
                712, 0, 0, args, text, parent);
    }

    @Test
    void viewsSayWhatWasWrittenAndOtherRecordsStayObjects() throws Exception {
        List<String> read = new ArrayList<>();
        TraceReader.read(new ByteArrayInputStream(capture()), "views.wputrace", new CallViewListener() {
            @Override
            public void onUpcall(UpcallView upcall, int length) {
                assertArgsAgree(upcall);
                assertEquals(upcall.parentCallId() == null ? 0 : upcall.parentCallId(), upcall.parentCallIdOrZero());
                read.add(text(upcall.toRecord()));
            }

            @Override
            public void onDowncall(DowncallView downcall, int length) {
                assertArgsAgree(downcall);
                read.add(text(downcall.toRecord()));
            }

            @Override
            public void onRecord(TraceRecord record, int length) {
                read.add(text(record));
            }
        });
        assertEquals(WRITTEN.stream().map(CallViewTest::text).toList(), read);
    }

    @Test
    void aViewRefillsOneArgumentArrayPerCount() throws Exception {
        List<long[]> arrays = new ArrayList<>();
        List<Long> firstArgs = new ArrayList<>();
        TraceReader.read(new ByteArrayInputStream(capture()), "views.wputrace", new CallViewListener() {
            @Override
            public void onUpcall(UpcallView upcall, int length) {
                long[] args = upcall.args();
                arrays.add(args);
                firstArgs.add(args[0]);
            }

            @Override
            public void onDowncall(DowncallView downcall, int length) {
            }

            @Override
            public void onRecord(TraceRecord record, int length) {
            }
        });
        assertSame(arrays.get(0), arrays.get(1), "two upcalls of two arguments");
        assertEquals(List.of(0x2C8L, 0x2CCL, 1L), firstArgs);
        assertEquals(20, arrays.get(2).length);
    }

    private static void assertArgsAgree(CallView call) {
        long[] args = call.args();
        assertEquals(call.argCount(), args.length);
        for (int i = 0; i < args.length; i++) {
            assertEquals(args[i], call.arg(i));
        }
        assertEquals(0, call.arg(args.length));
    }

    /** The record as text without its offset (written records have none). */
    private static String text(TraceRecord record) {
        return RecordText.of(record).replaceFirst("offset=\\d+", "offset=?");
    }

    private static byte[] capture() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(out)) {
            writer.writeHeader(10_000_000L, 133_800_000_000_000_000L, 5_000L, 0);
            for (TraceRecord r : WRITTEN) {
                writer.write(r);
            }
        }
        return out.toByteArray();
    }
}
