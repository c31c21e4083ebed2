package dev.wpuscope.trace.io;

import dev.wpuscope.trace.model.TraceRecord;
import java.util.Arrays;
import java.util.List;

/** A record's fields as text, with the upcall args spelled out (records compare arrays by identity). */
final class RecordText {

    private RecordText() {
    }

    static String of(TraceRecord r) {
        if (r instanceof TraceRecord.UpcallEvent u) {
            return r.toString().replaceFirst("args=\\[J@[0-9a-f]+", "args=" + Arrays.toString(u.args()));
        }
        if (r instanceof TraceRecord.DowncallEvent d) {
            return r.toString().replaceFirst("args=\\[J@[0-9a-f]+", "args=" + Arrays.toString(d.args()))
                    .replaceFirst("data=\\[B@[0-9a-f]+", "data=" + Arrays.toString(d.data()));
        }
        return r.toString();
    }

    static List<String> of(List<? extends TraceRecord> records) {
        return records.stream().map(RecordText::of).toList();
    }
}
