package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.CaptureChurn;
import dev.wpuscope.trace.io.RecordedCaptures;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace follow} while the capture is written in chunks that cut records, truncated and written again,
 * rotated and re-created: every upcall printed once, in order, as following each content alone prints it;
 * the findings each content has; each change said once on stderr; no damage, cut or missing goodbye.
 */
class FollowUnderChurnTest {

    @Test
    void nothingIsLostDuplicatedOrFalselyReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("churn.wputrace");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<CliRun> follow = CompletableFuture.supplyAsync(() -> CliRun.of(out, err,
                new WpuscopeCommand(), "trace", "follow", "--interval", "5", "--stop-after-idle", "3000",
                file.toString()));
        new CaptureChurn(file, () -> upcalls(out.toString()).size()).run();
        CliRun run = follow.get();
        assertEquals(0, run.exitCode(), run.err());

        List<String> expectedUpcalls = new ArrayList<>();
        List<String> expectedFindings = new ArrayList<>();
        for (String name : CaptureChurn.GENERATIONS) {
            CliRun alone = CliRun.of(new WpuscopeCommand(), "trace", "follow", "--interval", "1",
                    "--stop-after-idle", "1", RecordedCaptures.path(name).toString());
            expectedUpcalls.addAll(upcalls(alone.out()));
            expectedFindings.addAll(alone.out().lines().filter(l -> l.startsWith("!! ")).toList());
        }
        assertEquals(expectedUpcalls, upcalls(run.out()));
        List<String> findings = new ArrayList<>(run.out().lines().filter(l -> l.startsWith("!! ")).toList());
        assertEquals(expectedFindings.stream().sorted().toList(), findings.stream().sorted().toList(), run.out());
        List<String> changes = run.err().lines().toList();
        assertEquals(3, changes.size(), run.err());
        assertTrue(changes.get(0).startsWith("wpuscope: " + file + ": the file shrank to "), changes.get(0));
        assertTrue(changes.get(1).startsWith("wpuscope: " + file + ": the file was replaced after "), changes.get(1));
        assertTrue(changes.get(2).startsWith("wpuscope: " + file + ": the file was replaced after "), changes.get(2));
    }

    private static List<String> upcalls(String output) {
        return output.lines().filter(l -> !l.startsWith("!! ") && l.contains("  pid ")).toList();
    }
}
