package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.analysis.CallStatistics.FunctionStatistics;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyzers on the golden vector spi.wputrace (a 1.2 conversation, records listed in its .json). */
class SpiCaptureAnalysisTest {

    private static TraceAnalysis analysis;

    @BeforeAll
    static void analyze() throws Exception {
        analysis = Captures.analyze(Captures.ROOT.resolve("resources/trace-format/golden/spi.wputrace"));
    }

    @Test
    void theSecondCloseIsACallAfterCloseAndEverythingElseWasAnswered() {
        List<String> found = analysis.findings().stream().map(f -> f.offset() + " " + f.kind()).toList();
        assertEquals(List.of("1797 CALL_AFTER_CLOSE"), found);
        assertEquals("WSPCloseSocket on socket 0x2c8 after its WSPCloseSocket at offset 1713 (it failed with 10038"
                + " WSAENOTSOCK)", analysis.findings().get(0).message());
        assertEquals("Z:\\build\\x64\\sample_nonifs.dll", analysis.findings().get(0).provider());
    }

    @Test
    void theBooksCountDowncallsAndUpcallsAlike() {
        LoadSessionSummary session = analysis.statistics().loadSessions().get(0);
        assertEquals(4, session.upcalls());
        assertEquals(13, session.downcalls());
        assertEquals(4, session.failedDowncalls()); // connect, recv (pending), the second close, getsockname
        assertEquals(17, session.emitted());
    }

    @Test
    void latencyPerFunctionInNanoseconds() {
        List<FunctionStatistics> functions = analysis.calls().functions();
        FunctionStatistics close = functions.stream().filter(f -> f.name().equals("WSPCloseSocket")).findFirst()
                .orElseThrow();
        // two closes of 20 and 3 ticks at 10 MHz
        assertEquals(new FunctionStatistics("WSPCloseSocket", true, 2, 1, 300, 2000, 2000), close);
        assertEquals(List.of("WSPAsyncSelect", "WSPCleanup", "WSPCloseSocket", "WSPConnect", "WSPEnumNetworkEvents",
                "WSPGetSockName", "WSPIoctl", "WSPRecv", "WSPSelect", "WSPSend", "WSPSocket", "WSPStartup",
                "WPUCloseSocketHandle", "WPUCreateSocketHandle", "WPUPostMessage", "WPUCompleteOverlappedRequest"),
                functions.stream().map(FunctionStatistics::name).toList());
    }

    @Test
    void aDowncallFunctionNewerThanThisReaderIsCountedAndSaidOnce() {
        TraceStatistics stats = TraceScript.startedSpi()
                .add(new dev.wpuscope.trace.model.TraceRecord.DowncallEvent(900, TraceScript.PID, 0, 40, 100, 1, 0,
                        TraceScript.SERVED_ENTRY, 10, 1, 0x2C8, 0, 0, 0, new long[0], "", new byte[0]))
                .add(new dev.wpuscope.trace.model.TraceRecord.DowncallEvent(1000, TraceScript.PID, 1, 40, 100, 2, 0,
                        TraceScript.SERVED_ENTRY, 20, 1, 0x2C8, 0, 0, 0, new long[0], "", new byte[0]))
                .feed(new TraceStatistics());
        assertEquals(java.util.Map.of(40, 2L), stats.unknownDowncalls());
        assertEquals(List.of(FindingKind.UNKNOWN_DOWNCALL), TraceScript.kinds(stats));
        assertEquals("downcall function number 40 is newer than this wpuscope knows", stats.findings().get(0).message());
    }
}
