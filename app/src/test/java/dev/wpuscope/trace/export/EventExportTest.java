package dev.wpuscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.IntList;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV and JSON Lines exports of the golden capture, field by field. */
class EventExportTest {

    @Test
    void csvHasAHeaderAndOneDecodedLinePerEvent() throws Exception {
        EventStore store = ExportFixtures.golden("basic");
        StringWriter out = new StringWriter();
        EventExport.csv(store, null, out);
        String[] lines = out.toString().split("\r\n", -1);
        assertEquals(22, lines.length);
        assertEquals("", lines[21]);
        assertEquals("time,pid,process,tid,kind,call_id,parent,module,call,socket,args,result,error,duration_us,sequence,"
                + "flags,served_entry_id,text,data", lines[0]);
        assertEquals("2024-12-30T02:40:00.0000150Z,4242,C:\\wpuscope\\wpuhost.exe,7001,upcall,,,"
                + "Z:\\build\\x64\\sample_nonifs.dll,WPUCreateSocketHandle,0x2C8,"
                + "\"catalog_entry_id=1001, context=0xDEADBEEF\",0x2C8,,0.8,1,0,,,", lines[2]);
        assertEquals("2024-12-30T02:40:00.0000950Z,4242,C:\\wpuscope\\wpuhost.exe,7001,upcall,,,"
                + "Z:\\build\\x64\\sample_nonifs.dll,WPUCloseSocketHandle,0x2C8,s=0x2C8,SOCKET_ERROR,10038 WSAENOTSOCK,2.4,"
                + "17,0,,,", lines[18]);
        assertEquals("WPUCompleteOverlappedRequest,0x2C8,\"s=0x2C8, overlapped=0xE123459000, dwError=0, cbTransferred=512\",0",
                lines[16].replaceAll("^.*dll,", "").replaceAll(",,2\\.2.*$", ""));
    }

    @Test
    void downcallsExportTheirKindCallIdParentSocketAndAddress() throws Exception {
        EventStore store = ExportFixtures.golden("spi");
        StringWriter out = new StringWriter();
        EventExport.csv(store, null, out);
        String[] lines = out.toString().split("\r\n", -1);
        assertEquals("2024-12-30T02:40:00.0000160Z,4242,C:\\wpuscope\\wpuhost.exe,7000,upcall,,2,"
                + "Z:\\build\\x64\\sample_nonifs.dll,WPUCreateSocketHandle,0x2C8,"
                + "\"catalog_entry_id=1001, context=0xDEADBEEF\",0x2C8,,0.5,1,0,,,", lines[2]);
        assertEquals("2024-12-30T02:40:00.0000150Z,4242,C:\\wpuscope\\wpuhost.exe,7000,downcall,2,0,"
                + "Z:\\build\\x64\\sample_nonifs.dll,WSPSocket,0x2C8,\"af=AF_INET, type=SOCK_STREAM,"
                + " protocol=IPPROTO_TCP, catalog_entry_id=2001, group=0x0, flags=0x1\",0x2C8,,3.0,2,0,2001,,", lines[3]);
        assertTrue(lines[7].endsWith(",WSPSend,0x2C8,\"buffers=1, buffer_bytes=11, bytes=11, flags=0x0, overlapped=0x0,"
                + " completion_routine=0x0, data=68656c6c6f2c2077 (clipped)\",0,,1.5,6,8,2001,,68656c6c6f2c2077"),
                lines[7]);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        EventExport.jsonLines(store, null, json);
        List<JsonNode> rows = json.toString(StandardCharsets.UTF_8).lines().map(EventExportTest::parse).toList();
        JsonNode connect = rows.get(3);
        assertEquals("downcall", connect.get("kind").asText());
        assertEquals(3, connect.get("call_id").asInt());
        assertEquals(0, connect.get("parent").asInt());
        assertEquals("WSPConnect", connect.get("call").asText());
        assertEquals(712, connect.get("socket").asInt());
        assertEquals("127.0.0.1:8080", connect.get("args").get("address").asText());
        assertEquals(16, connect.get("args").get("name_len").asInt());
        assertEquals(2001, connect.get("served_entry_id").asInt());
        JsonNode nested = rows.get(1);
        assertEquals("upcall", nested.get("kind").asText());
        assertEquals(2, nested.get("parent").asInt());
        assertEquals(1, nested.get("depth").asInt());
        assertEquals(null, nested.get("call_id"));
        assertTrue(parse(jsonLineOfBasic()).get("parent").isNull(), "a 1.1 upcall does not say its parent");
    }

    private static String jsonLineOfBasic() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        EventExport.jsonLines(ExportFixtures.golden("basic"), null, json);
        return json.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    private static JsonNode parse(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void csvQuotesFieldsAsRfc4180Says() {
        assertEquals("plain", EventExport.csvField("plain"));
        assertEquals("\"a,b\"", EventExport.csvField("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", EventExport.csvField("say \"hi\""));
        assertEquals("\"two\r\nlines\"", EventExport.csvField("two\r\nlines"));
        assertEquals("\"lf\nonly\"", EventExport.csvField("lf\nonly"));
    }

    @Test
    void jsonLinesHaveEveryColumnWithArgsByName() throws Exception {
        EventStore store = ExportFixtures.golden("basic");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventExport.jsonLines(store, IntList.of(4, 17), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(3, lines.length);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode path = mapper.readTree(lines[0]);
        assertEquals("WPUGetProviderPath", path.get("call").asText());
        assertEquals("%SystemRoot%\\system32\\mswsock.dll", path.get("text").asText());
        assertEquals("{E70F1AA0-AB8B-11CF-8CA3-00805F48A192}", path.get("args").get("provider_id").asText());
        assertEquals(List.of("provider_id", "path_len_in", "path_len_out"), iterable(path.get("args").fieldNames()));
        JsonNode closed = mapper.readTree(lines[1]);
        assertEquals(-1, closed.get("result").asLong());
        assertEquals(10038, closed.get("error").asInt());
        assertEquals("WSAENOTSOCK", closed.get("error_name").asText());
        assertEquals(2.4, closed.get("duration_us").asDouble());
        assertEquals("2024-12-30T02:40:00.0000950Z", closed.get("time").asText());
        assertEquals(133_800_000_000_000_950L, closed.get("filetime").asLong());
        assertEquals("C:\\wpuscope\\wpuhost.exe", closed.get("process").asText());
        assertEquals(712, closed.get("args").get("s").asInt());
    }

    @Test
    void whatTheCalleeDidNotSayIsExportedAsNotSaid() throws Exception {
        EventStore store = ExportFixtures.golden("load-sessions");
        StringWriter csv = new StringWriter();
        EventExport.csv(store, IntList.of(1, 2), csv);
        String[] lines = csv.toString().split("\r\n");
        assertEquals("WPUCreateEvent,,,NULL,no error code given", lines[1].replaceAll("^.*\\(unknown module\\),|,0\\.3.*$", "")
                .replaceAll("^.*?,WPU", "WPU"));
        assertEquals("WPUQuerySocketHandleContext,0x10000,\"s=0x10000, context=(not written)\",0,",
                lines[2].replaceAll("^.*?,WPU", "WPU").replaceAll(",0\\.2.*$", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventExport.jsonLines(store, IntList.of(1, 2), out);
        String[] json = out.toString(StandardCharsets.UTF_8).split("\n");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode failed = mapper.readTree(json[0]);
        assertEquals(true, failed.get("error").isNull());
        assertEquals(null, failed.get("error_name"));
        JsonNode query = mapper.readTree(json[1]);
        assertEquals(true, query.get("args").get("context").isNull());
        assertEquals(65536, query.get("args").get("s").asInt());
        assertEquals(0, query.get("error").asInt());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
