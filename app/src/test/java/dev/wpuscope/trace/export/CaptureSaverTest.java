package dev.wpuscope.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.store.EventFilter;
import dev.wpuscope.trace.store.EventQuery;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.IntList;
import dev.wpuscope.trace.store.SideRecord;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving a store (or a filtered part) writes a capture that loads back to the same events and side records. */
class CaptureSaverTest {

    @Test
    void savedCaptureLoadsBackToTheSameEvents() throws Exception {
        EventStore store = ExportFixtures.golden("two-streams");
        EventStore again = ExportFixtures.load(save(store, null));
        assertEquals(store.size(), again.size());
        for (int row = 0; row < store.size(); row++) {
            assertEquals(exported(store, row), exported(again, row), "row " + row);
        }
        assertEquals(sideText(store), sideText(again));
        assertTrue(again.problems().isEmpty());
    }

    @Test
    void filteredSubsetKeepsItsProcessRecordsAndOnlyTheSelectedEvents() throws Exception {
        EventStore store = ExportFixtures.golden("two-streams");
        IntList failedOfSecond = EventQuery.select(store, EventFilter.ALL.withFailedOnly().withProcesses(1));
        assertEquals(3, failedOfSecond.size());
        EventStore subset = ExportFixtures.load(save(store, failedOfSecond));
        assertEquals(3, subset.size());
        assertEquals(List.of(4243), subset.processes().stream().map(p -> p.pid()).toList());
        assertEquals(List.of(0, 0, 0, 3, 3, 3), subset.sideRecords().stream().map(SideRecord::row).toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(exported(store, failedOfSecond.get(i)), exported(subset, i));
        }
    }

    @Test
    void rowsInTheTablesOrderAreSavedInCaptureOrderSoProcessesAndNestingSurvive() throws Exception {
        EventStore store = ExportFixtures.golden("spi");
        IntList reversed = new IntList();
        for (int row = store.size() - 1; row >= 0; row--) {
            reversed.add(row);
        }
        EventStore again = ExportFixtures.load(save(store, reversed));
        assertEquals(store.size(), again.size());
        for (int row = 0; row < store.size(); row++) {
            assertEquals(exported(store, row), exported(again, row), "row " + row);
            assertEquals(store.parentRow(row), again.parentRow(row), "row " + row);
            assertEquals(store.children(row), again.children(row), "row " + row);
        }
        assertEquals(sideText(store), sideText(again));
        assertTrue(again.problems().isEmpty());
    }

    private static byte[] save(EventStore store, IntList rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CaptureSaver.save(store, rows, out);
        return out.toByteArray();
    }

    private static String exported(EventStore store, int row) {
        return DecodedEvent.of(store, row).toString();
    }

    private static List<String> sideText(EventStore store) {
        return store.sideRecords().stream().map(s -> s.row() + " " + s.record().toString().replaceFirst("offset=\\d+", ""))
                .toList();
    }
}
