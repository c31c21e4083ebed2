package dev.wpuscope.trace.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.EventText;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.trace.store.RowKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.util.List;

/**
 * Exports stored rows (upcalls and downcalls) as CSV (RFC 4180) or JSON Lines, one row per line, with decoded
 * columns: {@code kind} (upcall or downcall), {@code call_id} and {@code parent} (the call id of the downcall the row
 * ran inside) give the nesting.
 */
public final class EventExport {

    public static final List<String> CSV_COLUMNS = List.of("time", "pid", "process", "tid", "kind", "call_id",
            "parent", "module", "call", "socket", "args", "result", "error", "duration_us", "sequence", "flags",
            "served_entry_id", "text", "data");

    private EventExport() {
    }

    /** Writes {@code rows} (all rows when null) as CSV with a header line; lines end with CRLF. */
    public static void csv(EventStore store, IntList rows, Writer out) throws IOException {
        csvLine(out, CSV_COLUMNS);
        int n = rows == null ? store.size() : rows.size();
        for (int i = 0; i < n; i++) {
            DecodedEvent e = DecodedEvent.of(store, rows == null ? i : rows.get(i));
            csvLine(out, List.of(e.time(), Integer.toString(e.pid()), e.process(), Integer.toString(e.tid()),
                    e.kind().label(), unsignedOrEmpty(e.callId()),
                    e.parentCallId() == null ? "" : Integer.toUnsignedString(e.parentCallId()), e.module(), e.call(),
                    e.socket() == 0 ? "" : EventText.hex(e.socket()), e.argsText(), e.resultText(), e.errorText(),
                    Double.toString(e.durationMicros()), Integer.toString(e.sequence()),
                    Integer.toString(e.upcallFlags()), unsignedOrEmpty(e.servedEntryId()), e.text(), e.data()));
        }
        out.flush();
    }

    /** A downcall's unsigned id; "" for the 0 of an upcall row. */
    private static String unsignedOrEmpty(int id) {
        return id == 0 ? "" : Integer.toUnsignedString(id);
    }

    private static void csvLine(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** A field quoted when it holds a comma, quote, CR or LF; quotes doubled. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes {@code rows} (all rows when null) as JSON Lines (UTF-8). */
    public static void jsonLines(EventStore store, IntList rows, OutputStream out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.setRootValueSeparator(null);
        int n = rows == null ? store.size() : rows.size();
        for (int i = 0; i < n; i++) {
            writeJson(json, DecodedEvent.of(store, rows == null ? i : rows.get(i)));
            json.writeRaw('\n');
        }
        json.close();
    }

    private static void writeJson(JsonGenerator json, DecodedEvent e) throws IOException {
        json.writeStartObject();
        json.writeStringField("time", e.time());
        json.writeNumberField("filetime", e.filetime());
        json.writeNumberField("pid", e.pid());
        json.writeStringField("process", e.process());
        json.writeNumberField("tid", e.tid());
        json.writeStringField("kind", e.kind().label());
        if (e.kind() == RowKind.DOWNCALL) {
            json.writeNumberField("call_id", Integer.toUnsignedLong(e.callId()));
        }
        if (e.parentCallId() == null) {
            json.writeNullField("parent");
        } else {
            json.writeNumberField("parent", Integer.toUnsignedLong(e.parentCallId()));
        }
        json.writeNumberField("depth", e.depth());
        json.writeStringField("module", e.module());
        json.writeStringField("call", e.call());
        if (e.socket() != 0) {
            json.writeNumberField("socket", new BigInteger(Long.toUnsignedString(e.socket())));
        }
        json.writeObjectFieldStart("args");
        for (DecodedEvent.Arg a : e.args()) {
            json.writeFieldName(a.name());
            if (a.number() != null) {
                json.writeNumber(new BigInteger(Long.toUnsignedString(a.number())));
            } else if (a.text() != null) {
                json.writeString(a.text());
            } else {
                json.writeNull();
            }
        }
        json.writeEndObject();
        json.writeNumberField("result", e.result());
        if (!e.errorGiven()) {
            json.writeNullField("error");
        } else {
            json.writeNumberField("error", e.error());
        }
        if (e.errorGiven() && WsaErrors.name(e.error()) != null) {
            json.writeStringField("error_name", WsaErrors.name(e.error()));
        }
        json.writeNumberField("duration_us", e.durationMicros());
        json.writeNumberField("sequence", e.sequence());
        json.writeNumberField("flags", e.upcallFlags());
        json.writeStringField("text", e.text());
        if (e.kind() == RowKind.DOWNCALL) {
            json.writeNumberField("served_entry_id", Integer.toUnsignedLong(e.servedEntryId()));
            json.writeStringField("data", e.data());
        }
        json.writeEndObject();
    }
}
