package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.export.CaptureSaver;
import dev.wpuscope.trace.export.DecodedEvent;
import dev.wpuscope.trace.io.TraceReader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Captures recorded by the real tracer (resources/captures/*.wputrace, made under Wine by the test host):
 * they decode without damage, keep the format's accounting (UPCALL records + dropped_total = emitted per
 * process), and survive a save and reload unchanged.
 */
class RealCaptureTest {

    static final Path CAPTURES = Path.of(System.getProperty("wpuscope.root", "."), "resources", "captures");

    static List<Path> captures() throws IOException {
        if (!Files.isDirectory(CAPTURES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(CAPTURES)) {
            return files.filter(p -> p.toString().endsWith(".wputrace")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaptureDecodesCleanlyAndAccountsForEveryEvent() throws IOException {
        return captures().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path capture) throws Exception {
        EventStore store = new EventStore();
        TraceReader.read(capture, new StoreFeed(store, capture.getFileName().toString()));
        assertEquals(List.of(), store.problems());
        assertTrue(store.size() > 0, "the capture has upcalls");
        Map<Integer, Integer> upcallsPerPid = new HashMap<>();
        for (int row = 0; row < store.size(); row++) {
            upcallsPerPid.merge(store.pid(row), 1, Integer::sum);
        }
        for (SideRecord side : store.sideRecords()) {
            if (side.record() instanceof TraceRecord.ProcessGoodbye bye) {
                assertEquals(bye.emitted(), upcallsPerPid.getOrDefault(bye.pid(), 0) + bye.droppedTotal(),
                        "pid " + bye.pid() + " in " + capture);
            }
        }
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        CaptureSaver.save(store, null, saved);
        EventStore again = new EventStore();
        TraceReader.read(new ByteArrayInputStream(saved.toByteArray()), "saved", new StoreFeed(again, "saved"));
        assertEquals(store.size(), again.size());
        for (int row = 0; row < store.size(); row++) {
            assertEquals(DecodedEvent.of(store, row), DecodedEvent.of(again, row));
        }
    }

    @org.junit.jupiter.api.Test
    void capturesArePresentOrTheSkipIsSaid() throws IOException {
        Assumptions.assumeFalse(captures().isEmpty(),
                "no real captures in " + CAPTURES + " yet (the native tracer's test host records them)");
    }
}
