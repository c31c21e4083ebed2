package dev.wpuscope.trace.io;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.trace.model.LoadSession;
import dev.wpuscope.trace.model.TraceRecord;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Decodes the payload of one known record (trace format §4) other than the calls, which {@link CallView} reads. A
 * payload shorter than its type's fields, or a string running past it, is damage: {@link #parse} then returns null.
 */
final class RecordParser {

    /** Thrown internally when a field runs past the payload; carries no stack trace. */
    private static final class PastPayload extends Exception {
        PastPayload() {
            super(null, null, false, false);
        }
    }

    private static final PastPayload PAST_PAYLOAD = new PastPayload();

    private byte[] bytes;
    private int pos;
    private int limit;

    /**
     * The record of known non-call {@code type} whose bytes are {@code b[at, at + length)} (CRC already checked),
     * or null when its payload is too short for its fields.
     */
    TraceRecord parse(byte[] b, int at, int length, int type, long offset) {
        bytes = b;
        pos = at + TraceFormat.RECORD_PREFIX;
        limit = at + length - 4;
        int pid = LittleEndian.i32(b, at + 8);
        try {
            return switch (type) {
                case TraceFormat.PROCESS_HELLO -> hello(offset, pid);
                case TraceFormat.PROVIDER_LOADED -> providerLoaded(offset, pid);
                case TraceFormat.MODULE -> new TraceRecord.Module(offset, pid, i32(), i64(), i32(), str());
                case TraceFormat.DROPS -> new TraceRecord.Drops(offset, pid, i64(), i64(), i64());
                case TraceFormat.TRACER_MESSAGE -> message(offset, pid);
                case TraceFormat.PROCESS_GOODBYE -> goodbye(offset, pid);
                default -> throw new IllegalArgumentException("not a known non-call record type: " + type);
            };
        } catch (PastPayload e) {
            return null;
        }
    }

    private TraceRecord hello(long offset, int pid) throws PastPayload {
        int parent = i32();
        int bitness = u8();
        skip(3);
        int version = i32();
        long frequency = i64();
        long startFiletime = i64();
        long startTicks = i64();
        String image = str();
        String commandLine = str();
        LoadSession session = atEnd() ? null : new LoadSession(i64(), i32());
        return new TraceRecord.ProcessHello(offset, pid, parent, bitness, version, frequency, startFiletime,
                startTicks, image, commandLine, session);
    }

    private TraceRecord goodbye(long offset, int pid) throws PastPayload {
        long ticks = i64();
        long emitted = i64();
        long dropped = i64();
        return new TraceRecord.ProcessGoodbye(offset, pid, ticks, emitted, dropped, atEnd() ? null : i32());
    }

    /**
     * Whether the payload ends here: the fields a later minor appended are absent (written by an older
     * tracer). A payload that goes on but ends inside them is damage, as any short payload.
     */
    private boolean atEnd() {
        return pos == limit;
    }

    private TraceRecord providerLoaded(long offset, int pid) throws PastPayload {
        return new TraceRecord.ProviderLoaded(offset, pid, i64(), i32(), guid(), i32(), i32(), guid(), i32(), i32(),
                i32(), str(), str());
    }

    private TraceRecord message(long offset, int pid) throws PastPayload {
        long ticks = i64();
        int severity = u8();
        skip(3);
        return new TraceRecord.TracerMessage(offset, pid, ticks, severity, i32(), str());
    }

    private void need(int n) throws PastPayload {
        if (limit - pos < n) {
            throw PAST_PAYLOAD;
        }
    }

    private void skip(int n) throws PastPayload {
        take(n);
    }

    /** Claims the next {@code n} bytes of the payload; returns where they start. */
    private int take(int n) throws PastPayload {
        need(n);
        int at = pos;
        pos += n;
        return at;
    }

    private int u8() throws PastPayload {
        return bytes[take(1)] & 0xFF;
    }

    private int u16() throws PastPayload {
        return LittleEndian.u16(bytes, take(2));
    }

    private int i32() throws PastPayload {
        return LittleEndian.i32(bytes, take(4));
    }

    private long i64() throws PastPayload {
        return LittleEndian.i64(bytes, take(8));
    }

    private UUID guid() throws PastPayload {
        return Guids.decode(bytes, take(Guids.SIZE));
    }

    private String str() throws PastPayload {
        int n = u16();
        return n == 0 ? "" : new String(bytes, take(n), n, StandardCharsets.UTF_8);
    }
}
