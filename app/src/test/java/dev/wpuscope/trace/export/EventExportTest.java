package dev.wpuscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("time,pid,process,tid,module,upcall,args,result,error,duration_us,sequence,flags,text", lines[0]);
        assertEquals("2024-12-30T02:40:00.0000150Z,4242,C:\\wpuscope\\wpuhost.exe,7001,Z:\\build\\x64\\sample_nonifs.dll,"
                + "WPUCreateSocketHandle,\"catalog_entry_id=1001, context=0xDEADBEEF\",0x2C8,,0.8,1,0,", lines[2]);
        assertEquals("2024-12-30T02:40:00.0000950Z,4242,C:\\wpuscope\\wpuhost.exe,7001,Z:\\build\\x64\\sample_nonifs.dll,"
                + "WPUCloseSocketHandle,s=0x2C8,SOCKET_ERROR,10038 WSAENOTSOCK,2.4,17,0,", lines[18]);
        assertEquals("WPUCompleteOverlappedRequest,\"s=0x2C8, overlapped=0xE123459000, dwError=0, cbTransferred=512\",0",
                lines[16].replaceAll("^.*dll,", "").replaceAll(",,2\\.2.*$", ""));
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
        assertEquals("WPUGetProviderPath", path.get("upcall").asText());
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
        assertEquals("WPUCreateEvent,,NULL,no error code given", lines[1].replaceAll("^.*\\(unknown module\\),|,0\\.3.*$", "")
                .replaceAll("^.*?,WPU", "WPU"));
        assertEquals("WPUQuerySocketHandleContext,\"s=0x10000, context=(not written)\",0,",
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
