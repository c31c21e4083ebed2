package dev.wpuscope.trace.io;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Writes captures in the trace format, version 1.2: a header, then records. A record is encoded with the
 * fields it has: one decoded from a 1.0 or 1.1 capture lacks the fields later minors appended and is written
 * without them, so a 1.0, 1.1 or 1.2 capture decoded and written again gives the same bytes.
 */
public final class TraceWriter implements Closeable {

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private byte[] buf = new byte[4096];
    private int pos;

    public TraceWriter(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    /**
     * Starts a stream with the clock and version of {@code header}: a 1.0 or 1.1 header keeps its minor (its
     * records lack the later fields), a later minor becomes 1.2 with the header length of 1.2.
     */
    public void writeHeader(TraceHeader header) throws IOException {
        writeHeader(Math.min(header.minor(), TraceFormat.MINOR), header.clockFrequency(), header.startFiletime(),
                header.startTicks(), header.flags());
    }

    /** Starts a 1.2 stream whose tick values relate to wall time as given. */
    public void writeHeader(long clockFrequency, long startFiletime, long startTicks, int flags) throws IOException {
        writeHeader(TraceFormat.MINOR, clockFrequency, startFiletime, startTicks, flags);
    }

    private void writeHeader(int minor, long clockFrequency, long startFiletime, long startTicks, int flags)
            throws IOException {
        pos = 0;
        System.arraycopy(TraceFormat.MAGIC, 0, buf, put(TraceFormat.MAGIC.length), TraceFormat.MAGIC.length);
        u16(TraceFormat.MAJOR);
        u16(minor);
        i32(TraceFormat.HEADER_LENGTH);
        i64(clockFrequency);
        i64(startFiletime);
        i64(startTicks);
        i32(flags);
        i32(TraceFormat.crc32(crc, buf, 0, pos));
        out.write(buf, 0, pos);
    }

    /** Writes one record. */
    public void write(TraceRecord record) throws IOException {
        pos = TraceFormat.RECORD_PREFIX;
        int type = payload(record);
        int length = pos + 4;
        if (length > TraceFormat.MAX_RECORD_LENGTH) {
            throw new IllegalArgumentException("record of " + length + " bytes exceeds the format's 1 MiB limit");
        }
        LittleEndian.putI32(buf, 0, length);
        LittleEndian.putU16(buf, 4, type);
        LittleEndian.putU16(buf, 6, 0);
        LittleEndian.putI32(buf, 8, record.pid());
        i32(TraceFormat.crc32(crc, buf, 0, pos));
        out.write(buf, 0, pos);
    }

    /** Encodes the payload of {@code record} after the prefix; returns its type. */
    private int payload(TraceRecord record) {
        if (record instanceof TraceRecord.UpcallEvent r) {
            return upcall(r);
        } else if (record instanceof TraceRecord.DowncallEvent r) {
            return downcall(r);
        } else if (record instanceof TraceRecord.ProcessHello r) {
            return hello(r);
        } else if (record instanceof TraceRecord.ProviderLoaded r) {
            return providerLoaded(r);
        } else if (record instanceof TraceRecord.Module r) {
            return module(r);
        } else if (record instanceof TraceRecord.Drops r) {
            return counters(TraceFormat.DROPS, r.ticks(), r.dropped(), r.droppedTotal());
        } else if (record instanceof TraceRecord.TracerMessage r) {
            return message(r);
        }
        return goodbye((TraceRecord.ProcessGoodbye) record);
    }

    private int goodbye(TraceRecord.ProcessGoodbye r) {
        counters(TraceFormat.PROCESS_GOODBYE, r.ticks(), r.emitted(), r.droppedTotal());
        if (r.endReason() != null) {
            i32(r.endReason());
        }
        return TraceFormat.PROCESS_GOODBYE;
    }

    private int counters(int type, long ticks, long first, long second) {
        i64(ticks);
        i64(first);
        i64(second);
        return type;
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private int hello(TraceRecord.ProcessHello r) {
        i32(r.parentPid());
        u8(r.bitness());
        u8(0);
        u16(0);
        i32(r.tracerVersion());
        i64(r.clockFrequency());
        i64(r.startFiletime());
        i64(r.startTicks());
        str(r.imagePath());
        str(r.commandLine());
        if (r.loadSession() != null) {
            i64(r.loadSession().processStartFiletime());
            i32(r.loadSession().number());
        }
        return TraceFormat.PROCESS_HELLO;
    }

    private int providerLoaded(TraceRecord.ProviderLoaded r) {
        i64(r.ticks());
        i32(r.servedEntryId());
        guid(r.servedProviderId());
        i32(r.chainPosition());
        i32(r.nextEntryId());
        guid(r.nextProviderId());
        i32(r.nextModuleId());
        i32(r.startupResult());
        i32(r.status());
        str(r.servedProtocol());
        str(r.nextProviderPath());
        return TraceFormat.PROVIDER_LOADED;
    }

    private int module(TraceRecord.Module r) {
        i32(r.moduleId());
        i64(r.base());
        i32(r.size());
        str(r.path());
        return TraceFormat.MODULE;
    }

    private int upcall(TraceRecord.UpcallEvent r) {
        long[] args = r.args();
        i32(r.sequence());
        u16(r.upcallNumber());
        u16(count(args.length, "arguments"));
        i32(r.tid());
        i32(r.callerModuleId());
        i64(r.callerAddress());
        i64(r.startTicks());
        i64(r.durationTicks());
        i64(r.result());
        i32(r.error());
        i32(r.upcallFlags());
        args(args);
        str(r.text());
        if (r.parentCallId() != null) {
            i32(r.parentCallId());
        }
        return TraceFormat.UPCALL;
    }

    private int downcall(TraceRecord.DowncallEvent r) {
        long[] args = r.args();
        i32(r.sequence());
        u16(r.functionNumber());
        u16(count(args.length, "arguments"));
        i32(r.tid());
        i32(r.callId());
        i32(r.parentCallIdOrZero());
        i32(r.servedEntryId());
        i64(r.startTicks());
        i64(r.durationTicks());
        i64(r.socket());
        i64(r.result());
        i32(r.error());
        i32(r.callFlags());
        args(args);
        str(r.text());
        bytes(r.data());
        return TraceFormat.DOWNCALL;
    }

    /** Arguments of a call; their count was written before them as a u16. */
    private void args(long[] args) {
        for (long arg : args) {
            i64(arg);
        }
    }

    private int message(TraceRecord.TracerMessage r) {
        i64(r.ticks());
        u8(r.severity());
        u8(0);
        u16(0);
        i32(r.status());
        str(r.message());
        return TraceFormat.TRACER_MESSAGE;
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    /** Claims the next {@code n} bytes of the record; returns where they start. */
    private int put(int n) {
        ensure(n);
        int at = pos;
        pos += n;
        return at;
    }

    private void u8(int v) {
        buf[put(1)] = (byte) v;
    }

    private void u16(int v) {
        LittleEndian.putU16(buf, put(2), v);
    }

    private void i32(int v) {
        LittleEndian.putI32(buf, put(4), v);
    }

    private void i64(long v) {
        LittleEndian.putI64(buf, put(8), v);
    }

    private void guid(UUID id) {
        Guids.encode(id, buf, put(Guids.SIZE));
    }

    private void str(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A u16 byte count, then the bytes (a {@code str}'s UTF-8, a downcall's data). */
    private void bytes(byte[] b) {
        u16(count(b.length, "bytes of a string or data"));
        System.arraycopy(b, 0, buf, put(b.length), b.length);
    }

    /** {@code n} when it fits the u16 count the format gives it. */
    private static int count(int n, String what) {
        if (n > 0xFFFF) {
            throw new IllegalArgumentException(n + " " + what + " exceed the format's 65535");
        }
        return n;
    }
}
