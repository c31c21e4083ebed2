package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.zip.CRC32;

/**
 * Streaming decoder of the trace format: push bytes in chunks of any size with {@link #feed}, and call
 * {@link #finish} at the real end of the data. What is complete is passed to the listener at once; a
 * partial record waits for the rest, so the same decoder follows a growing file or a pipe. The output
 * does not depend on how the bytes were split into chunks.
 *
 * <p>Records are decoded where they lie in the array fed; only a record cut by the end of a chunk is copied, to be
 * completed by the next. A {@link CallViewListener} gets calls as views over those bytes, other listeners get
 * record objects.
 *
 * <p>Damage (§3) is reported through {@link TraceListener#onDamage} and the decoder resyncs; it never
 * throws for it. It throws {@link TraceReadException} only when the data is not a capture or is of a newer
 * major version. Memory stays bounded: at most one record (1 MiB) is buffered. Resync stays cheap on
 * hostile data: candidates' CRCs over long ranges come from {@link RangeCrc} in O(log n).
 */
public final class TraceDecoder {

    private static final int SLICE = 64 * 1024;
    /** Resync candidates up to this length get their CRC computed directly, longer ones through {@link RangeCrc}. */
    private static final int DIRECT_CRC_LIMIT = 4096;

    private enum HeaderCheck { NOT_MAGIC, NEED_MORE, INVALID, VALID }

    private enum Candidate { NO, NEED_MORE, FOUND }

    private final String source;
    private final TraceListener listener;
    /** The listener when it takes calls as views, else null. */
    private final CallViewListener viewListener;
    private final UpcallView upcallView = new UpcallView();
    private final DowncallView downcallView = new DowncallView();
    private final RecordParser parser = new RecordParser();
    private final CRC32 crc = new CRC32();
    private final RangeCrc ranges = new RangeCrc();

    /** The bytes being decoded: {@link #pending} or, while {@link #feed} decodes in place, the caller's array. */
    private byte[] buf;
    private int start;
    private int end;
    /** Holds what a chunk left undecoded (a record it cut, or bytes being resynced) until more data comes. */
    private byte[] pending = new byte[SLICE];
    /** Capture offset of {@code buf[start]}. */
    private long consumed;
    private boolean started;
    private boolean finished;
    /** Where the current stream started while it has not said goodbye, or -1. */
    private long streamOpenSince = -1;
    /** The pid of the current stream's last record, or -1 before any. */
    private int streamPid = -1;
    /** Where the current damage started, or -1 when not resyncing. */
    private long damageFrom = -1;
    /** Capture offset of a complete valid resync candidate found ahead of a pending one, or -1. */
    private long completeCandidateAt = -1;
    /** Capture offset of the next position the lookahead of a pending resync candidate tests. */
    private long lookaheadFrom = -1;
    /** Positions the lookahead found incomplete: {data end at which to test again, capture offset}. */
    private final PriorityQueue<long[]> waitingAhead = new PriorityQueue<>(Comparator.comparingLong(w -> w[0]));

    /** @param source the file or pipe name used in error messages */
    public TraceDecoder(String source, TraceListener listener) {
        this.source = source;
        this.listener = listener;
        this.viewListener = listener instanceof CallViewListener views ? views : null;
        this.buf = pending;
    }

    /**
     * Decodes {@code b[off, off + len)}; keeps a trailing partial record for the next call. While nothing is pending
     * the bytes are decoded in place; else as many are added to what is pending as complete its record (or a slice
     * while resyncing), then the rest is decoded in place once nothing is pending any more.
     */
    public void feed(byte[] b, int off, int len) throws TraceReadException {
        if (finished) {
            throw new IllegalStateException("feed after finish");
        }
        while (len > 0) {
            if (start == end) {
                decodeInPlace(b, off, len);
                return;
            }
            int n = Math.min(len, pendingWants());
            append(b, off, n);
            off += n;
            len -= n;
            drain(false);
        }
    }

    /** Decodes the caller's bytes where they are; what they leave undecoded becomes pending. */
    private void decodeInPlace(byte[] b, int off, int len) throws TraceReadException {
        ranges.invalidate();
        buf = b;
        start = off;
        end = off + len;
        try {
            drain(false);
        } finally {
            int left = end - start;
            if (pending.length < left) {
                pending = new byte[Math.max(pending.length * 2, left)];
            }
            System.arraycopy(buf, start, pending, 0, left);
            ranges.invalidate();
            buf = pending;
            start = 0;
            end = left;
        }
    }

    /** How many more bytes the pending ones need: the rest of the record they start, else a slice. */
    private int pendingWants() {
        int avail = end - start;
        if (started && damageFrom < 0 && avail >= 4) {
            long length = LittleEndian.u32(buf, start);
            if (TraceFormat.isRecordLengthInRange(length) && length > avail) {
                return (int) length - avail;
            }
        }
        return SLICE;
    }

    /** The data has ended: reports a truncated tail or damage that runs to the end. */
    public void finish() throws TraceReadException {
        if (!finished) {
            drain(true);
            endStream();
            finished = true;
            listener.onEnd();
        }
    }

    /** Capture offset up to which the bytes fed so far have been decoded (or skipped). */
    public long decodedUpTo() {
        return consumed;
    }

    private void append(byte[] b, int off, int n) {
        if (buf.length - end < n) {
            ranges.invalidate();
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
            if (buf.length - end < n) {
                pending = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
                buf = pending;
            }
        }
        System.arraycopy(b, off, buf, end, n);
        end += n;
    }

    private void drain(boolean atEnd) throws TraceReadException {
        boolean progressed = true;
        while (progressed) {
            progressed = damageFrom >= 0 ? resync(atEnd) : decodeNext(atEnd);
        }
        if (start == end) {
            ranges.invalidate();
            start = 0;
            end = 0;
        }
    }

    private void consume(int n) {
        start += n;
        consumed += n;
    }

    /** Decodes the header or record at {@code start}; false when more data is needed (or at the end). */
    private boolean decodeNext(boolean atEnd) throws TraceReadException {
        int avail = end - start;
        if (!started) {
            return decodeFirstHeader(avail, atEnd);
        }
        if (avail == 0) {
            return false;
        }
        long length = avail >= 4 ? LittleEndian.u32(buf, start) : 0;
        if (avail >= 4 && TraceFormat.isRecordLengthInRange(length)) {
            if (avail < length) {
                return waitOrTruncate(atEnd);
            }
            decodeRecord((int) length);
            return true;
        }
        HeaderCheck header = checkHeader(start, avail);
        if (header == HeaderCheck.NEED_MORE || avail < 4) {
            return waitOrTruncate(atEnd);
        }
        if (header == HeaderCheck.VALID) {
            emitHeader();
        } else {
            beginDamage();
        }
        return true;
    }

    private boolean decodeFirstHeader(int avail, boolean atEnd) throws TraceReadException {
        if (avail == 0 && atEnd) {
            throw new TraceReadException(source, "empty, not a wpuscope capture");
        }
        HeaderCheck header = avail == 0 ? HeaderCheck.NEED_MORE : checkHeader(start, avail);
        switch (header) {
            case NOT_MAGIC -> throw new TraceReadException(source, "not a wpuscope capture (no WPUTRACE header)");
            case NEED_MORE -> {
                return waitOrTruncate(atEnd);
            }
            case VALID -> emitHeader();
            case INVALID -> beginDamage();
        }
        started = true;
        return true;
    }

    /**
     * The header or record at {@code start} is incomplete. At the real end it is a truncated tail, unless a
     * valid header or record follows inside it: then its length was damaged, and the reader resyncs.
     */
    private boolean waitOrTruncate(boolean atEnd) throws TraceReadException {
        if (!atEnd) {
            return false;
        }
        for (int at = start + 1; at < end; at++) {
            if (candidateAt(at, end - at, true) == Candidate.FOUND) {
                beginDamage();
                return true;
            }
        }
        listener.onTruncated(consumed);
        started = true;
        consume(end - start);
        return false;
    }

    private void decodeRecord(int length) {
        if (TraceFormat.crc32(crc, buf, start, length - 4) != LittleEndian.i32(buf, start + length - 4)) {
            beginDamage();
            return;
        }
        int type = LittleEndian.u16(buf, start + 4);
        if (type < TraceFormat.PROCESS_HELLO || type > TraceFormat.LAST_KNOWN_TYPE) {
            listener.onUnknownRecord(consumed, type, LittleEndian.i32(buf, start + 8), length);
            consume(length);
            return;
        }
        CallView call = type == TraceFormat.UPCALL ? upcallView : type == TraceFormat.DOWNCALL ? downcallView : null;
        TraceRecord record = call == null ? parser.parse(buf, start, length, type, consumed) : null;
        if (call != null ? !call.wrap(buf, start, length, consumed) : record == null) {
            beginDamage();
            return;
        }
        if (type == TraceFormat.PROCESS_GOODBYE) {
            streamOpenSince = -1;
        } else if (streamOpenSince < 0) {
            streamOpenSince = consumed;
        }
        streamPid = LittleEndian.i32(buf, start + 8);
        consume(length);
        if (call == null) {
            listener.onRecord(record, length);
        } else if (viewListener != null) {
            call.deliverTo(viewListener, length);
        } else {
            listener.onRecord(call.toRecord(), length);
        }
    }

    private void emitHeader() {
        endStream();
        streamOpenSince = consumed;
        streamPid = -1;
        int length = (int) LittleEndian.u32(buf, start + 12);
        TraceHeader header = new TraceHeader(consumed, LittleEndian.u16(buf, start + 8),
                LittleEndian.u16(buf, start + 10), length, LittleEndian.i64(buf, start + 16),
                LittleEndian.i64(buf, start + 24), LittleEndian.i64(buf, start + 32), LittleEndian.i32(buf, start + 40));
        consume(length);
        listener.onHeader(header);
    }

    /** Checks a stream header at {@code buf[at]}; throws for a newer major version. */
    private HeaderCheck checkHeader(int at, int avail) throws TraceReadException {
        int n = Math.min(avail, TraceFormat.MAGIC.length);
        if (!Arrays.equals(buf, at, at + n, TraceFormat.MAGIC, 0, n)) {
            return HeaderCheck.NOT_MAGIC;
        }
        if (avail < 16) {
            return HeaderCheck.NEED_MORE;
        }
        int major = LittleEndian.u16(buf, at + 8);
        if (major > TraceFormat.MAJOR) {
            throw new TraceReadException(source, "capture format " + major + "." + LittleEndian.u16(buf, at + 10)
                    + " is newer than this wpuscope reads (" + TraceFormat.MAJOR + ".x)");
        }
        long length = LittleEndian.u32(buf, at + 12);
        if (major < TraceFormat.MAJOR || length < TraceFormat.HEADER_LENGTH || length > TraceFormat.MAX_HEADER_LENGTH) {
            return HeaderCheck.INVALID;
        }
        if (avail < TraceFormat.HEADER_LENGTH) {
            return HeaderCheck.NEED_MORE;
        }
        int stored = LittleEndian.i32(buf, at + TraceFormat.HEADER_CRC_OFFSET);
        if (TraceFormat.crc32(crc, buf, at, TraceFormat.HEADER_CRC_OFFSET) != stored) {
            return HeaderCheck.INVALID;
        }
        return avail < length ? HeaderCheck.NEED_MORE : HeaderCheck.VALID;
    }

    private void beginDamage() {
        damageFrom = consumed;
        started = true;
        consume(1);
    }

    /**
     * Moves forward one byte at a time until a valid header or a record with an in-range length and a
     * matching CRC starts (§3) that holds no other complete valid header or record inside it: a candidate
     * that encloses one is a length read from damaged bytes, not a record.
     *
     * <p>The rule gives the same resync point whatever part of the data is available, so that following a
     * growing file reports exactly what reading the whole file does. A candidate not yet complete is waited
     * for only while no complete valid candidate follows it in the data available: one that does ends before
     * the pending candidate would, so it lies inside it and rules it out, now as later.
     */
    private boolean resync(boolean atEnd) throws TraceReadException {
        while (start < end) {
            Candidate candidate = candidateAt(start, end - start, atEnd);
            if (candidate == Candidate.NEED_MORE && !completeCandidateAhead()) {
                return false;
            }
            if (candidate == Candidate.FOUND && !enclosesCandidate(start)) {
                endDamage();
                return true;
            }
            consume(1);
        }
        if (atEnd) {
            endDamage();
        }
        return false;
    }

    /**
     * Whether a complete valid header or record starts after {@code buf[start]} in the data available. Each
     * position is tested once, and again only when the data reaches the end its candidate claims, so that
     * waiting through a long damaged stretch fed in small chunks stays linear.
     */
    private boolean completeCandidateAhead() throws TraceReadException {
        if (completeCandidateAt > consumed) {
            return true;
        }
        long available = consumed + (end - start);
        if (lookaheadFrom <= consumed) {
            lookaheadFrom = consumed + 1;
            waitingAhead.clear();
        }
        while (!waitingAhead.isEmpty() && waitingAhead.peek()[0] <= available) {
            long at = waitingAhead.poll()[1];
            if (at > consumed && lookahead(at, available)) {
                return true;
            }
        }
        for (; lookaheadFrom < available; lookaheadFrom++) {
            if (lookahead(lookaheadFrom, available)) {
                return true;
            }
        }
        return false;
    }

    /** Tests the candidate at capture offset {@code at}; one not yet complete waits for the end it claims. */
    private boolean lookahead(long at, long available) throws TraceReadException {
        int i = start + (int) (at - consumed);
        Candidate candidate = candidateAt(i, end - i, false);
        if (candidate == Candidate.FOUND) {
            completeCandidateAt = at;
            return true;
        }
        if (candidate == Candidate.NEED_MORE) {
            boolean recordLength = end - i >= 4 && TraceFormat.isRecordLengthInRange(LittleEndian.u32(buf, i))
                    && checkHeader(i, end - i) == HeaderCheck.NOT_MAGIC;
            waitingAhead.add(new long[] {recordLength ? at + LittleEndian.u32(buf, i) : available + 1, at});
        }
        return false;
    }

    /** Whether the valid candidate at {@code buf[at]} holds another complete valid candidate inside it. */
    private boolean enclosesCandidate(int at) throws TraceReadException {
        int candidateEnd = at + candidateLength(at);
        for (int r = at + 1; r < candidateEnd; r++) {
            if (candidateAt(r, candidateEnd - r, true) == Candidate.FOUND) {
                return true;
            }
        }
        return false;
    }

    /** Length of the valid header or record at {@code buf[at]}. */
    private int candidateLength(int at) {
        boolean header = Arrays.equals(buf, at, at + TraceFormat.MAGIC.length, TraceFormat.MAGIC, 0,
                TraceFormat.MAGIC.length);
        return (int) LittleEndian.u32(buf, header ? at + 12 : at);
    }

    /** Whether a valid header or record starts at {@code buf[at]}, of which {@code avail} bytes are here. */
    private Candidate candidateAt(int at, int avail, boolean atEnd) throws TraceReadException {
        HeaderCheck header = checkHeader(at, avail);
        if (header == HeaderCheck.VALID) {
            return Candidate.FOUND;
        }
        if (header == HeaderCheck.NEED_MORE || header == HeaderCheck.NOT_MAGIC && avail < 4) {
            return atEnd ? Candidate.NO : Candidate.NEED_MORE;
        }
        if (header == HeaderCheck.INVALID) {
            return Candidate.NO;
        }
        long length = LittleEndian.u32(buf, at);
        if (!TraceFormat.isRecordLengthInRange(length)) {
            return Candidate.NO;
        }
        if (avail < length) {
            return atEnd ? Candidate.NO : Candidate.NEED_MORE;
        }
        int stored = LittleEndian.i32(buf, at + (int) length - 4);
        return candidateCrc(at, (int) length - 4) == stored ? Candidate.FOUND : Candidate.NO;
    }

    /**
     * CRC of a resync candidate. Long ones go through the range CRC, so that damage whose every byte
     * position claims a long record costs O(n log n), not O(n * 1 MiB).
     */
    private int candidateCrc(int at, int length) {
        if (length <= DIRECT_CRC_LIMIT) {
            return TraceFormat.crc32(crc, buf, at, length);
        }
        ranges.cover(buf, start, at + length);
        return ranges.crc(at, at + length);
    }

    /** A stream ends (another header, or the end of the data): says so if it did without goodbye. */
    private void endStream() {
        if (streamOpenSince >= 0) {
            listener.onEndedShort(new EndedShort(consumed, streamOpenSince, streamPid));
            streamOpenSince = -1;
        }
    }

    private void endDamage() {
        listener.onDamage(new Damage(damageFrom, consumed - damageFrom));
        damageFrom = -1;
        completeCandidateAt = -1;
        lookaheadFrom = -1;
        waitingAhead.clear();
    }
}
