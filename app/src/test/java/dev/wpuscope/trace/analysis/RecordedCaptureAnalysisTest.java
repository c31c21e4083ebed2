package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The analyzers on captures the real tracer recorded in wpuhost.exe under Wine (resources/captures): no
 * damage, no events unaccounted, and exactly the misuses the sample providers' scenarios plant; nothing at all for
 * a correct provider busy on 8 threads (stress-8-threads-x64.wputrace: handle values freed by one thread are handed
 * to another before the first one's record is written), which gave 366 false findings before the interval rule.
 */
class RecordedCaptureAnalysisTest {

    private static final Path DIR = Captures.ROOT.resolve("resources/captures");

    /** What the non-IFS sample's "misuse" scenario does wrong (native-hook/samples/sample_provider.c). */
    private static final List<String> PLANTED_BY_MISUSE = List.of("CLOSED_TWICE socket handle",
            "UNKNOWN_HANDLE socket handle", "LEAKED socket handle", "LEAKED event");

    /** What the "crossthread" scenario does wrong, on two threads (either sample). */
    private static final List<String> PLANTED_BY_CROSSTHREAD = List.of("CLOSED_TWICE event",
            "UPCALL_FAILED WPUSetEvent of event", "USED_AFTER_CLOSE event");

    /**
     * What the "spi-misuse" scenario does wrong (native-hook/host/host_spi_misuse.c, the base sample's SPI bugs), each
     * unmatched-call kind once, and what follows from it: the socket closed without WPUCloseSocketHandle is still open
     * at unload, and the provider's handle lookup for the WSPSend after close uses the closed handle.
     */
    private static final List<String> PLANTED_BY_SPI_MISUSE = List.of(
            "ASYNC_SELECT_UNANSWERED WSPAsyncSelect of connected socket", "CALL_AFTER_CLOSE WSPSend on socket",
            "CLOSE_WITHOUT_HANDLE_CLOSE WSPCloseSocket of socket", "NOT_RELEASED_AT_UNLOAD socket handle",
            "OVERLAPPED_NOT_COMPLETED WSPRecv on socket", "USED_AFTER_CLOSE socket handle");

    private static final Pattern SPI_MISUSE_SELECTED = Pattern.compile("--scenario\\s+spi-misuse\\b");

    /** wpuhost runs every scenario but stress without --scenario, with --scenario all, or when named. */
    private static final Pattern MISUSE_SELECTED = Pattern.compile("--scenario\\s+(all|misuse)\\b");
    /** Named only: the scenario-all captures were recorded before "all" included it. */
    private static final Pattern CROSSTHREAD_SELECTED = Pattern.compile("--scenario\\s+crossthread\\b");

    @TestFactory
    Stream<DynamicTest> everyRecordedCapture() throws IOException {
        List<Path> captures = new ArrayList<>();
        if (Files.isDirectory(DIR)) {
            try (Stream<Path> files = Files.list(DIR)) {
                files.filter(p -> p.toString().endsWith(".wputrace")).sorted().forEach(captures::add);
            }
        }
        Assumptions.assumeFalse(captures.isEmpty(), "no recorded captures in " + DIR
                + " (recorded under Wine by make -C native-hook -f windows.mk windows-capture)");
        return captures.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path capture) throws Exception {
        CaptureAnalysis read = CaptureAnalysis.of(capture);
        TraceAnalysis analysis = read.analysis();
        assertEquals(List.of(), read.readProblems(), capture.toString());
        assertTrue(analysis.statistics().processes().stream().allMatch(ProcessSummary::ended), "a process without goodbye");
        for (ProviderConformance provider : analysis.conformance().providers()) {
            List<String> found = provider.findings().stream()
                    .filter(f -> f.severity() != Finding.Severity.INFO)
                    .map(f -> f.kind() + " " + f.message().substring(0, f.message().indexOf(" 0x")))
                    .sorted()
                    .toList();
            assertEquals(expected(analysis, provider.provider()), found, capture + ": " + provider.provider());
        }
        assertTrue(analysis.findings().stream().noneMatch(f -> f.kind() == FindingKind.EVENTS_UNACCOUNTED),
                analysis.findings().toString());
    }

    /** The misuses planted by the scenarios that ran (misuse, spi-misuse: non-IFS sample only); nothing otherwise. */
    private static List<String> expected(TraceAnalysis analysis, String provider) {
        boolean nonIfsSample = provider.toLowerCase(java.util.Locale.ROOT).endsWith("sample_nonifs.dll");
        List<String> planted = new ArrayList<>();
        if (ran(analysis, MISUSE_SELECTED, true) && nonIfsSample) {
            planted.addAll(PLANTED_BY_MISUSE);
        }
        if (ran(analysis, CROSSTHREAD_SELECTED, false)) {
            planted.addAll(PLANTED_BY_CROSSTHREAD);
        }
        if (ran(analysis, SPI_MISUSE_SELECTED, false) && nonIfsSample) {
            planted.addAll(PLANTED_BY_SPI_MISUSE);
        }
        return planted.stream().sorted().toList();
    }

    /** Whether a process ran the scenario: named, or (inDefaultRun) in a run without --scenario. */
    private static boolean ran(TraceAnalysis analysis, Pattern scenario, boolean inDefaultRun) {
        return analysis.statistics().processes().stream()
                .map(p -> p.hello().commandLine())
                .anyMatch(cmd -> (inDefaultRun && !cmd.contains("--scenario")) || scenario.matcher(cmd).find());
    }
}
