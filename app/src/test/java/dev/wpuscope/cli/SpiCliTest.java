package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace summary and trace follow on the 1.2 golden vector spi.wputrace. */
class SpiCliTest {

    private static final Path SPI = Path.of(System.getProperty("wpuscope.root", "."), "resources", "trace-format",
            "golden", "spi.wputrace");

    @Test
    void summaryListsLatencyPerFunctionSocketsAndTheUnmatchedCalls() {
        String[] r = TraceSummaryCommandTest.run("trace", "summary", SPI.toString());
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("4 upcalls (0 failed), 13 downcalls, 0 dropped"), out);
        assertTrue(out.contains("""
                Latency per function:
                                                    calls   failed        p50        p99        max
                  downcalls:
                    WSPAsyncSelect                      1        0     900 ns     900 ns     900 ns
                """), out);
        assertTrue(out.contains("    WSPCloseSocket                      2        1     300 ns     2.0 µs     2.0 µs"), out);
        assertTrue(out.contains("""
                  upcalls:
                    WPUCloseSocketHandle                1        0     200 ns     200 ns     200 ns
                """), out);
        assertTrue(out.contains("""
                Sockets (2):
                  pid 4242 session 1  0x2c8  created by WSPSocket  closed, 8 downcalls, 4 upcalls, 3 failed, 1 after\
                 close  sample_nonifs.dll
                  pid 4242 session 1  0x2cc  created before the capture  open, 2 downcalls, 0 upcalls, 1 failed\
                  sample_nonifs.dll
                """), out);
        assertTrue(out.contains("WARNING offset 1797     pid 4242   call on a socket after its close: WSPCloseSocket on"
                + " socket 0x2c8 after its WSPCloseSocket at offset 1713"), out);
    }

    @Test
    void followPrintsACallWhenItReturnsWithWhatRanInsideItIndented(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SPI);
        Path growing = dir.resolve("spi.wputrace");
        try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.CREATE_NEW)) {
            out.write(bytes, 0, 600); // WPUCreateSocketHandle is complete, its WSPSocket not yet
        }
        Thread tracer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
                Thread.sleep(300);
                out.write(bytes, 600, bytes.length - 600);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        tracer.start();
        String[] r = TraceSummaryCommandTest.run("trace", "follow", "--interval", "20", "--stop-after-idle", "1500",
                growing.toString());
        tracer.join();
        assertEquals("0", r[0], r[2]);
        List<String> calls = r[1].lines().filter(l -> !l.startsWith("!! ")).map(l -> l.replaceAll("^\\S+  pid 4242  ", ""))
                .map(l -> l.replaceAll("\\(.*", "")).toList();
        assertEquals(List.of("tid 7000  WSPStartup", "tid 7000  WSPSocket", "tid 7000      WPUCreateSocketHandle",
                "tid 7000  WSPConnect", "tid 7000  WSPAsyncSelect", "tid 7001  WPUPostMessage", "tid 7000  WSPSend",
                "tid 7000  WSPRecv", "tid 7001  WPUCompleteOverlappedRequest", "tid 7000  WSPIoctl",
                "tid 7000  WSPCloseSocket", "tid 7000      WPUCloseSocketHandle", "tid 7000  WSPCloseSocket",
                "tid 7000  WSPGetSockName", "tid 7000  WSPSelect", "tid 7000      WSPEnumNetworkEvents",
                "tid 7000  WSPCleanup"), calls);
        assertTrue(r[1].contains("WSPConnect(s=0x2C8, name_len=16, caller_data_len=0, callee_data_len=0, sqos=0x0,"
                + " gqos=0x0, addr=127.0.0.1:8080) = SOCKET_ERROR [10035 WSAEWOULDBLOCK]"), r[1]);
        assertTrue(r[1].contains("!! WARNING call on a socket after its close"), r[1]);
    }

    @Test
    void followPrintsWhatRanInsideACallThatNeverReturnedWhenItStops(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SPI);
        Path cut = dir.resolve("cut.wputrace");
        Files.write(cut, java.util.Arrays.copyOf(bytes, 583)); // ends after the WPUCreateSocketHandle inside call 2
        String[] r = TraceSummaryCommandTest.run("trace", "follow", "--interval", "20", "--stop-after-idle", "200",
                cut.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("tid 7000      WPUCreateSocketHandle(catalog_entry_id=1001, context=0xDEADBEEF) = 0x2C8"
                + "  Z:\\build\\x64\\sample_nonifs.dll  (inside call #2, which did not return)"), r[1]);
    }

    @Test
    void whatRanInsideACallWhoseRecordWasDroppedIsPrintedWhenItsThreadMovesOn(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(SPI);
        int socketCall = 583;
        int socketCallLength = 132;
        byte[] withoutIt = new byte[bytes.length - socketCallLength];
        System.arraycopy(bytes, 0, withoutIt, 0, socketCall);
        System.arraycopy(bytes, socketCall + socketCallLength, withoutIt, socketCall, bytes.length - socketCall
                - socketCallLength);
        Path capture = dir.resolve("dropped.wputrace");
        Files.write(capture, withoutIt);
        String[] r = TraceSummaryCommandTest.run("trace", "follow", "--interval", "20", "--stop-after-idle", "200",
                capture.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = r[1].lines().toList();
        int orphan = lines.indexOf(lines.stream().filter(l -> l.contains("WPUCreateSocketHandle")).findFirst()
                .orElseThrow());
        assertTrue(lines.get(orphan).endsWith("(inside call #2, whose record is missing)"), lines.get(orphan));
        assertTrue(lines.get(orphan).contains("tid 7000      WPUCreateSocketHandle("), lines.get(orphan));
        assertTrue(lines.get(orphan + 1).contains("  WSPConnect("), lines.get(orphan + 1));
    }
}
