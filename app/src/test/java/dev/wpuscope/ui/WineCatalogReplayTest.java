package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.cli.WpuscopeCommand;
import dev.wpuscope.trace.analysis.CaptureAnalysis;
import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.model.TraceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support engineer replays a customer's chain: the real Windows 10 export of ../shared/samples (Tencent's LSP,
 * ierd_tgp_lsp64.dll, over MSAFD Tcpip) is written as PackedCatalogItems by {@code wpuscope catalog --packed}, and
 * wpuhost lays that catalog out under Wine with the tracer on top of chain 1021, the sample LSP standing in for
 * Tencent's DLL (it finds itself by Tencent's GUID) and the base sample for mswsock.dll. Skipped, saying why,
 * without the sample, Wine or the native build.
 */
class WineCatalogReplayTest {

    private static final Path EXPORT = WineHost.ROOT.resolve("../shared/samples/reg/cingchun_bccc_winsock2.reg").normalize();
    private static final String TENCENT_GUID = "{71708dd8-8c0e-4318-b17d-8ba2a2381916}";

    @Test
    void theTencentChainOfARealExportStartsWithStandInsAndIsTraced(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(EXPORT), "the shared samples are absent: " + EXPORT);
        WineHost.wineOrSkip("wpuhost.exe", "sample_lsp.dll");
        Path packed = dir.resolve("customer.packed");
        assertEquals(0, WpuscopeCommand.commandLine().execute("catalog", "--packed", packed.toString(),
                EXPORT.toString()));
        assertEquals(19 * 888, Files.size(packed), "the 19 entries of the 64-bit catalog");

        Path capture = dir.resolve("replay.wputrace");
        String log = WineHost.run(List.of("--catalog-from", DemoTraffic.winePath(packed), "--serve", "1021",
                        "--dll", "ierd_tgp_lsp64.dll=sample_lsp.dll", "--dll", "mswsock.dll=sample_nonifs.dll",
                        "--scenario", "lifecycle", "--scenario", "events"),
                Map.of("WPUSCOPE_SAMPLE_LSP_GUID", TENCENT_GUID), capture, dir, 120);
        assertTrue(log.contains("catalog entry 1021: chain length 2 [1020, 1007], {4292DFAF-0BB5-4541-9AE4-D84D04F7731B}"),
                log);
        assertTrue(log.contains("wpuhost: 2 passed, 0 failed"), log);

        CaptureAnalysis read = CaptureAnalysis.of(capture);
        TraceRecord.ProviderLoaded loaded = read.analysis().statistics().processes().get(0).loadSessions().get(0)
                .providers().get(0);
        assertEquals(1020, loaded.nextEntryId(), "the tracer's next entry is the customer's layered entry");
        assertTrue(loaded.nextProviderPath().endsWith("sample_lsp.dll"), loaded.nextProviderPath());
        List<String> callers = read.analysis().conformance().providers().stream()
                .map(p -> Path.of(p.provider().replace('\\', '/')).getFileName().toString()).sorted().toList();
        assertEquals(List.of("sample_lsp.dll", "sample_nonifs.dll"), callers, "both layers' upcalls, by module");
        assertEquals(List.of(), read.analysis().findings().stream()
                .filter(f -> f.severity() != Finding.Severity.INFO).toList());
    }
}
