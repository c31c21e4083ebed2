package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.io.CaptureChurn;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.ui.traffic.CaptureSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI's followed capture ({@link Sources#followCapture}) while the file is written in chunks that cut
 * records, truncated, rotated and re-created: every upcall once, in order, and the changes as the only
 * reading problems.
 */
class FollowedCaptureChurnTest {

    @Test
    void theSessionGetsEveryUpcallOnceAndEachChangeAsAProblemLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("churn.wputrace");
        List<Exception> errors = new ArrayList<>();
        try (Sources sources = new Sources(ThisMachine.detect())) {
            CaptureSession session = sources.followCapture(file, errors::add);
            new CaptureChurn(file, session::size).run();
            EventStore store = session.store();
            List<String> expected = CaptureChurn.allUpcalls().stream().map(FollowedCaptureChurnTest::key).toList();
            List<String> shown = new ArrayList<>();
            for (int row = 0; row < store.size(); row++) {
                shown.add(key((TraceRecord.UpcallEvent) store.call(row)));
            }
            assertEquals(expected, shown);
            assertEquals(CaptureChurn.CHANGES.stream().map(c -> "FILE_" + c).toList(),
                    store.problems().stream().map(p -> p.kind().name()).toList(), store.problems().toString());
            assertEquals(List.of(), errors);
        }
    }

    private static String key(TraceRecord.UpcallEvent e) {
        return e.pid() + " " + e.tid() + " #" + e.sequence() + " upcall " + e.upcallNumber() + " "
                + java.util.Arrays.toString(e.args()) + " = " + e.result() + " " + e.error();
    }
}
