package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sorting the event table: every key in both directions against a boxed brute-force sort of the real
 * capture, new rows merged in while sorted, a large table sorted in background with rows arriving
 * meanwhile, and back to capture order.
 */
class SortedTableTest {
    private static final Path REAL = Path.of(System.getProperty("wpuscope.root", "."),
            "resources/captures/scenario-all-x64.wputrace");
    private final Queue<Runnable> background = new ArrayDeque<>();

    private TrafficViewModel model(CaptureSession session) {
        TrafficViewModel model = new TrafficViewModel(ZoneOffset.UTC, background::add);
        model.setSource(session, session.analysis(), "test", false);
        return model;
    }

    /** The rows in the order the key defines, ties by row, by a plain boxed sort. */
    private static List<Integer> bruteForce(List<Integer> rows, SortKey key, boolean descending, CaptureSession s) {
        IntToLongFunction k = key.of(s.store());
        Comparator<Integer> byKey = Comparator.comparingLong(k::applyAsLong);
        Comparator<Integer> order = (descending ? byKey.reversed() : byKey).thenComparing(Comparator.naturalOrder());
        return rows.stream().sorted(order).toList();
    }

    private static List<Integer> shown(TrafficViewModel model) {
        return IntStream.of(model.rows().rowNumbers()).boxed().toList();
    }

    @ParameterizedTest
    @EnumSource(SortKey.class)
    void everyKeySortsTheRealCaptureLikeABruteForceSort(SortKey key) throws Exception {
        CaptureSession session = Sessions.of(Files.readAllBytes(REAL));
        TrafficViewModel model = model(session);
        model.pull(0);
        List<Integer> all = shown(model);
        for (boolean descending : new boolean[] {false, true}) {
            model.orderProperty().set(new RowOrder(key, descending));
            assertEquals(bruteForce(all, key, descending, session), shown(model), key + " descending=" + descending);
        }
        model.orderProperty().set(null);
        assertEquals(all, shown(model));
    }

    @Test
    void namesSortAlphabeticallyAndUpcallsByName() throws Exception {
        CaptureSession session = Sessions.of(Files.readAllBytes(REAL));
        TrafficViewModel model = model(session);
        model.pull(0);
        model.orderProperty().set(new RowOrder(SortKey.CALL, false));
        List<String> names = shown(model).stream().map(r -> session.upcall(r).apiName()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.get(0).compareTo(names.get(names.size() - 1)) < 0);
    }

    @Test
    void rowsArrivingWhileSortedAreMergedInPlace() throws Exception {
        byte[] bytes = Files.readAllBytes(REAL);
        CaptureSession growing = new CaptureSession("slices");
        TrafficViewModel model = model(growing);
        model.filterProperty().set(TrafficFilter.NONE.withText("socket"));
        model.orderProperty().set(new RowOrder(SortKey.TID, true));
        Sessions.follow(bytes, 1500, growing, model);
        TrafficViewModel whole = model(growing);
        whole.filterProperty().set(TrafficFilter.NONE.withText("socket"));
        whole.pull(0);
        assertTrue(whole.rows().size() > 10);
        assertEquals(bruteForce(shown(whole), SortKey.TID, true, growing), shown(model));
    }

    @Test
    void aLargeTableSortsInBackgroundAndTakesInRowsThatArrivedMeanwhile() throws Exception {
        int rounds = (TrafficViewModel.BACKGROUND_SORT_ROWS + 6000) / SyntheticCapture.UPCALLS_PER_ROUND;
        byte[] bytes = SyntheticCapture.rounds(rounds);
        CaptureSession growing = new CaptureSession("large");
        TraceDecoder decoder = new TraceDecoder("large", growing);
        int firstPart = bytes.length - 5000;
        decoder.feed(bytes, 0, firstPart);
        TrafficViewModel model = model(growing);
        model.pull(0);
        int before = model.rows().size();
        assertTrue(before > TrafficViewModel.BACKGROUND_SORT_ROWS);

        model.orderProperty().set(new RowOrder(SortKey.ERROR, true));
        assertEquals(1, background.size(), "a large table is sorted off the FX thread");
        decoder.feed(bytes, firstPart, bytes.length - firstPart);
        decoder.finish();
        model.pull(1);
        assertTrue(model.rows().size() > before, "new rows show while the sort runs");
        background.remove().run();
        model.pull(2);
        assertEquals(bruteForce(IntStream.range(0, growing.size()).boxed().toList(), SortKey.ERROR, true, growing),
                shown(model));
        assertEquals(10038, growing.error(model.rows().rowAt(0)));
    }
}
