package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceExportFollowCommandTest {

    private static final Path BASIC = Path.of(System.getProperty("wpuscope.root", "."), "resources",
            "trace-format", "golden", "basic.wputrace");

    @Test
    void exportsCsvToAFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("basic.csv");
        String[] r = TraceSummaryCommandTest.run("trace", "export", "--csv", "-o", csv.toString(), BASIC.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(21, lines.size());
        assertTrue(lines.get(0).startsWith("time,pid,process,tid,kind,call_id,parent,module,call,socket,args,result,error"), lines.get(0));
        assertTrue(lines.get(19).contains("WPUQuerySocketHandleContext,0x999,\"s=0x999, context=0x0\",SOCKET_ERROR,10038 WSAENOTSOCK"),
                lines.get(19));
    }

    @Test
    void exportsJsonLinesToAFile(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("basic.jsonl");
        String[] r = TraceSummaryCommandTest.run("trace", "export", "--jsonl", "--output", jsonl.toString(),
                BASIC.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertEquals(20, lines.size());
        assertTrue(lines.get(1).contains("\"call\":\"WPUCreateSocketHandle\""), lines.get(1));
    }

    @Test
    void exportNeedsExactlyOneFormat() {
        assertEquals("2", TraceSummaryCommandTest.run("trace", "export", BASIC.toString())[0]);
        assertEquals("2", TraceSummaryCommandTest.run("trace", "export", "--csv", "--jsonl", BASIC.toString())[0]);
    }

    @Test
    void followPrintsEventsAndFindingsAsTheCaptureGrows(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(BASIC);
        Path growing = dir.resolve("growing.wputrace");
        Thread tracer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
                out.write(Arrays.copyOf(bytes, 1000));
                out.flush();
                Thread.sleep(300);
                out.write(bytes, 1000, bytes.length - 1000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        tracer.start();
        String[] r = TraceSummaryCommandTest.run("trace", "follow", "--interval", "20", "--stop-after-idle", "3000",
                growing.toString());
        tracer.join();
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        assertEquals(20, lines.stream().filter(l -> l.contains("  pid 4242  tid ")).count(), r[1]);
        assertEquals(7, lines.stream().filter(l -> l.startsWith("!! ")).count(), r[1]);
        assertTrue(r[1].contains("WPUCloseSocketHandle(s=0x2C8) = SOCKET_ERROR [10038 WSAENOTSOCK]"), r[1]);
        assertTrue(r[1].contains("!! ERROR closed twice"), r[1]);
    }
}
