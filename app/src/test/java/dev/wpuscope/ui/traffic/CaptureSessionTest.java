package dev.wpuscope.ui.traffic;

import dev.wpuscope.catalog.EntryLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.Upcall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view's adapter over the event store, on the golden vector basic.wputrace and its expected JSON. */
class CaptureSessionTest {
    private static final Path GOLDEN = Path.of(System.getProperty("wpuscope.root"), "resources", "trace-format",
            "golden");

    @Test
    void rowsMatchTheUpcallRecordsOfTheGoldenVector() throws Exception {
        CaptureSession session = new CaptureSession("basic");
        TraceReader.read(GOLDEN.resolve("basic.wputrace"), session);
        List<JsonNode> upcalls = new ArrayList<>();
        for (JsonNode stream : new ObjectMapper().readTree(GOLDEN.resolve("basic.json").toFile()).get("streams")) {
            for (JsonNode record : stream.get("records")) {
                if (record.get("type").asInt() == 4) {
                    upcalls.add(record);
                }
            }
        }
        assertEquals(upcalls.size(), session.size());
        for (int row = 0; row < upcalls.size(); row++) {
            JsonNode expected = upcalls.get(row);
            assertEquals(expected.get("offset").asLong(), session.offset(row));
            assertEquals(expected.get("pid").asInt(), session.pid(row));
            assertEquals(expected.get("tid").asInt(), session.tid(row));
            assertEquals(expected.get("upcall_name").asText(), session.upcall(row).apiName());
            assertEquals(expected.get("result").asLong(), session.result(row));
            assertEquals(expected.get("error").asInt(), session.error(row));
        }
        assertEquals("wpuhost.exe", session.processName(0));
        assertEquals("sample_nonifs.dll", session.providerName(0));
    }

    @Test
    void syntheticCaptureDecodesEveryRound() throws Exception {
        CaptureSession session = Sessions.of(SyntheticCapture.rounds(20));
        assertEquals(20 * SyntheticCapture.UPCALLS_PER_ROUND, session.size());
        assertEquals(Upcall.WPU_CREATE_SOCKET_HANDLE, session.upcall(0));
        assertEquals(2500, session.durationNanos(0));
        // 20 created handles, plus the unknown handle 0xDEAD the failed queries name
        assertEquals(21, session.analysis().handles().handles().size());
    }

    @Test
    void fileNameTakesTheLastPathComponent() {
        assertEquals("x.dll", EntryLabels.fileName("C:\\a\\b\\x.dll"));
        assertEquals("x.dll", EntryLabels.fileName("/tmp/x.dll"));
        assertEquals("", EntryLabels.fileName(""));
    }
}
