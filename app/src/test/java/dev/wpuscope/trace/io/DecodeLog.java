package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.util.ArrayList;
import java.util.List;

/** Everything a decoder reported, for assertions. */
final class DecodeLog implements TraceListener {

    final List<TraceHeader> headers = new ArrayList<>();
    final List<TraceRecord> records = new ArrayList<>();
    final List<Long> unknownOffsets = new ArrayList<>();
    final List<Damage> damage = new ArrayList<>();
    final List<Long> truncated = new ArrayList<>();
    final List<FileRestart> restarts = new ArrayList<>();
    final List<EndedShort> endedShort = new ArrayList<>();

    /** Decodes all of {@code data} in chunks of {@code chunk} bytes, then finishes. */
    static DecodeLog decode(byte[] data, int chunk) throws TraceReadException {
        DecodeLog log = new DecodeLog();
        TraceDecoder decoder = new TraceDecoder("test.wputrace", log);
        for (int at = 0; at < data.length; at += chunk) {
            decoder.feed(data, at, Math.min(chunk, data.length - at));
        }
        decoder.finish();
        return log;
    }

    static DecodeLog decode(byte[] data) throws TraceReadException {
        return decode(data, Math.max(1, data.length));
    }

    List<Long> recordOffsets() {
        return records.stream().map(TraceRecord::offset).toList();
    }

    /** A comparable summary of everything reported. */
    String summary() {
        return headers + "|" + RecordText.of(records) + "|" + unknownOffsets + "|" + damage + "|" + truncated;
    }

    @Override
    public void onHeader(TraceHeader header) {
        headers.add(header);
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        records.add(record);
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        unknownOffsets.add(offset);
    }

    @Override
    public void onDamage(Damage d) {
        damage.add(d);
    }

    @Override
    public void onTruncated(long offset) {
        truncated.add(offset);
    }

    @Override
    public void onEndedShort(EndedShort end) {
        endedShort.add(end);
    }

    @Override
    public void onRestart(FileRestart restart) {
        restarts.add(restart);
    }
}
