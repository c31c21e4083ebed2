package dev.wpuscope.trace.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The analyzers on captures the real tracer recorded in wpuhost.exe under Wine (resources/captures): no
 * damage, no events unaccounted, and exactly the misuses the sample providers' scenarios plant.
 */
class RecordedCaptureAnalysisTest {

    private static final Path DIR = Captures.ROOT.resolve("resources/captures");

    /** What the non-IFS sample's "misuse" scenario does wrong (native-hook/samples/sample_provider.c). */
    private static final List<String> PLANTED_BY_MISUSE = List.of("CLOSED_TWICE socket handle",
            "UNKNOWN_HANDLE socket handle", "LEAKED socket handle", "LEAKED event");

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

    /** The planted misuses when the non-IFS sample ran the misuse scenario; nothing otherwise. */
    private static List<String> expected(TraceAnalysis analysis, String provider) {
        boolean misuseRan = analysis.statistics().processes().stream()
                .map(p -> p.hello().commandLine())
                .anyMatch(cmd -> !cmd.contains("--scenario") || cmd.contains("misuse"));
        boolean nonIfsSample = provider.toLowerCase(java.util.Locale.ROOT).endsWith("sample_nonifs.dll");
        return misuseRan && nonIfsSample ? PLANTED_BY_MISUSE.stream().sorted().toList() : List.of();
    }
}
