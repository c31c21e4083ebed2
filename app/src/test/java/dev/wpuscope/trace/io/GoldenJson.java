package dev.wpuscope.trace.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Collects what a decoder reports into the JSON shape of the golden vectors' .json files
 * (the test oracle's view of a capture: streams, records with every field, damage, truncation, error).
 */
final class GoldenJson implements TraceListener {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode streams = MAPPER.createArrayNode();
    private final ArrayNode damage = MAPPER.createArrayNode();
    private ArrayNode records;
    private Long truncatedAt;

    /** Decodes {@code data} fed in chunks of {@code chunk} bytes and returns the JSON tree. */
    static JsonNode decode(String source, byte[] data, int chunk) {
        GoldenJson json = new GoldenJson();
        TraceDecoder decoder = new TraceDecoder(source, json);
        String error = null;
        try {
            for (int at = 0; at < data.length; at += chunk) {
                decoder.feed(data, at, Math.min(chunk, data.length - at));
            }
            decoder.finish();
        } catch (TraceReadException e) {
            error = e.reason();
        }
        return json.tree(error);
    }

    private JsonNode tree(String error) {
        boolean valid = error == null && damage.isEmpty() && truncatedAt == null;
        root.put("valid", valid);
        root.set("streams", error == null ? streams : MAPPER.createArrayNode());
        root.set("damage", damage);
        if (truncatedAt == null) {
            root.putNull("truncated_at");
        } else {
            root.put("truncated_at", truncatedAt);
        }
        if (error == null) {
            root.putNull("error");
        } else {
            root.put("error", error);
        }
        return normalized(root);
    }

    /** Re-parsed, so that numbers get the same node types as in a parsed .json file. */
    static JsonNode normalized(JsonNode node) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onHeader(TraceHeader header) {
        ObjectNode stream = streams.addObject();
        stream.put("offset", header.streamOffset());
        ObjectNode h = stream.putObject("header");
        h.put("major", header.major());
        h.put("minor", header.minor());
        h.put("header_length", header.headerLength());
        h.put("clock_frequency", header.clockFrequency());
        h.put("start_filetime", header.startFiletime());
        h.put("start_ticks", header.startTicks());
        h.put("flags", header.flags());
        records = stream.putArray("records");
    }

    @Override
    public void onUnknownRecord(long offset, int type, int pid, int length) {
        ObjectNode r = prefix(offset, length, type, pid);
        r.put("skipped", true);
    }

    @Override
    public void onDamage(Damage d) {
        damage.addObject().put("offset", d.offset()).put("skipped", d.skipped());
    }

    @Override
    public void onTruncated(long offset) {
        truncatedAt = offset;
    }

    @Override
    public void onRecord(TraceRecord record, int length) {
        if (record instanceof TraceRecord.ProcessHello r) {
            ObjectNode o = prefix(r.offset(), length, TraceFormat.PROCESS_HELLO, r.pid())
                    .put("parent_pid", r.parentPid()).put("bitness", r.bitness())
                    .put("tracer_version", r.tracerVersion()).put("clock_frequency", r.clockFrequency())
                    .put("start_filetime", r.startFiletime()).put("start_ticks", r.startTicks())
                    .put("image_path", r.imagePath()).put("command_line", r.commandLine());
            if (r.loadSession() != null) {
                o.put("process_start_filetime", r.loadSession().processStartFiletime())
                        .put("load_session", r.loadSession().number());
            }
        } else if (record instanceof TraceRecord.ProviderLoaded r) {
            prefix(r.offset(), length, TraceFormat.PROVIDER_LOADED, r.pid())
                    .put("ticks", r.ticks()).put("served_entry_id", r.servedEntryId())
                    .put("served_provider_id", r.servedProviderId().toString())
                    .put("chain_position", r.chainPosition()).put("next_entry_id", r.nextEntryId())
                    .put("next_provider_id", r.nextProviderId().toString())
                    .put("next_module_id", r.nextModuleId()).put("startup_result", r.startupResult())
                    .put("status", r.status()).put("served_protocol", r.servedProtocol())
                    .put("next_provider_path", r.nextProviderPath());
        } else if (record instanceof TraceRecord.Module r) {
            prefix(r.offset(), length, TraceFormat.MODULE, r.pid())
                    .put("module_id", r.moduleId()).put("base", r.base()).put("size", r.size())
                    .put("path", r.path());
        } else if (record instanceof TraceRecord.UpcallEvent r) {
            upcall(r, length);
        } else if (record instanceof TraceRecord.DowncallEvent r) {
            downcall(r, length);
        } else if (record instanceof TraceRecord.Drops r) {
            prefix(r.offset(), length, TraceFormat.DROPS, r.pid())
                    .put("ticks", r.ticks()).put("dropped", r.dropped()).put("dropped_total", r.droppedTotal());
        } else if (record instanceof TraceRecord.TracerMessage r) {
            prefix(r.offset(), length, TraceFormat.TRACER_MESSAGE, r.pid())
                    .put("ticks", r.ticks()).put("severity", r.severity()).put("status", r.status())
                    .put("message", r.message());
        } else if (record instanceof TraceRecord.ProcessGoodbye r) {
            ObjectNode o = prefix(r.offset(), length, TraceFormat.PROCESS_GOODBYE, r.pid())
                    .put("ticks", r.ticks()).put("emitted", r.emitted()).put("dropped_total", r.droppedTotal());
            if (r.endReason() != null) {
                o.put("end_reason", r.endReason());
            }
        }
    }

    private void upcall(TraceRecord.UpcallEvent r, int length) {
        Upcall upcall = r.upcall();
        ObjectNode o = prefix(r.offset(), length, TraceFormat.UPCALL, r.pid())
                .put("sequence", r.sequence()).put("upcall", r.upcallNumber())
                .put("upcall_name", upcall == null ? null : upcall.apiName())
                .put("tid", r.tid()).put("caller_module_id", r.callerModuleId())
                .put("caller_address", r.callerAddress()).put("start_ticks", r.startTicks())
                .put("duration_ticks", r.durationTicks()).put("result", r.result()).put("error", r.error())
                .put("upcall_flags", r.upcallFlags());
        putArgs(o, r.args());
        o.put("text", r.text());
        if (r.parentCallId() != null) {
            o.put("parent_call_id", Integer.toUnsignedLong(r.parentCallId()));
        }
    }

    private void downcall(TraceRecord.DowncallEvent r, int length) {
        Downcall function = r.function();
        ObjectNode o = prefix(r.offset(), length, TraceFormat.DOWNCALL, r.pid())
                .put("sequence", r.sequence()).put("function", r.functionNumber())
                .put("function_name", function == null ? null : function.apiName())
                .put("tid", r.tid()).put("call_id", Integer.toUnsignedLong(r.callId()))
                .put("parent_call_id", Integer.toUnsignedLong(r.parentCallId()))
                .put("served_entry_id", Integer.toUnsignedLong(r.servedEntryId())).put("start_ticks", r.startTicks())
                .put("duration_ticks", r.durationTicks())
                .put("socket", new BigInteger(Long.toUnsignedString(r.socket())))
                .put("result", r.result()).put("error", r.error()).put("call_flags", r.callFlags());
        putArgs(o, r.args());
        o.put("text", r.text()).put("data", HexFormat.of().formatHex(r.data()));
    }

    private static void putArgs(ObjectNode o, long[] values) {
        ArrayNode args = o.putArray("args");
        for (long arg : values) {
            args.add(new BigInteger(Long.toUnsignedString(arg)));
        }
    }

    private ObjectNode prefix(long offset, int length, int type, int pid) {
        return records.addObject().put("offset", offset).put("length", length).put("type", type)
                .put("type_name", TraceFormat.typeName(type)).put("pid", pid);
    }
}
