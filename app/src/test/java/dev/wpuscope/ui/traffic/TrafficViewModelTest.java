package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.ui.ExampleFiles;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Live Traffic view's state, fed by a synthetic capture in the real format (no JavaFX toolkit needed). */
class TrafficViewModelTest {
    private static final int ROUNDS = 50;
    private final TrafficViewModel model = new TrafficViewModel(ZoneOffset.UTC);
    private final List<ListChangeListener.Change<? extends Integer>> changes = new ArrayList<>();
    private CaptureSession session;

    @BeforeEach
    void setUp() throws Exception {
        session = Sessions.of(SyntheticCapture.rounds(ROUNDS));
        model.setSource(session, session.analysis(), "synthetic", false);
        model.rows().addListener((ListChangeListener<Integer>) changes::add);
    }

    @Test
    void onePullAppendsEverythingAsOneRangedChange() {
        int appended = model.pull(0);
        assertEquals(ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND, appended);
        assertEquals(appended, model.rows().size());
        assertEquals(1, changes.size());
        assertEquals(0, model.pull(1));
        assertEquals(1, changes.size());
        assertEquals(appended, model.receivedProperty().get());
    }

    @Test
    void filtersByUpcallErrorsSocketThreadAndText() {
        model.pull(0);
        model.filterProperty().set(TrafficFilter.NONE.withUpcall(Upcall.WPU_POST_MESSAGE));
        model.pull(1);
        assertEquals(ROUNDS, model.rows().size());

        model.filterProperty().set(TrafficFilter.NONE.withErrorsOnly(true));
        model.pull(2);
        assertEquals(ROUNDS / 10, model.rows().size());
        assertEquals("10038 WSAENOTSOCK", model.format().error(model.rows().rowAt(0)));

        model.filterProperty().set(TrafficFilter.NONE.withSocket(0x100L));
        model.pull(3);
        // create, post message (wParam), close; the round-0 query names the socket too
        assertEquals(4, model.rows().size());

        model.filterProperty().set(TrafficFilter.NONE.withThread(7001).withUpcall(Upcall.WPU_CREATE_EVENT));
        model.pull(4);
        assertEquals(ROUNDS / 3 + (ROUNDS % 3 > 1 ? 1 : 0), model.rows().size());

        model.filterProperty().set(TrafficFilter.NONE.withText("postmessage"));
        model.pull(5);
        assertEquals(ROUNDS, model.rows().size());

        model.filterProperty().set(TrafficFilter.NONE.withText("WSAENOTSOCK"));
        model.pull(5);
        assertEquals(ROUNDS / 10, model.rows().size());

        model.filterProperty().set(TrafficFilter.NONE.withProcess(Integer.toString(SyntheticCapture.PID))
                .withProvider("nonifs"));
        model.pull(6);
        assertEquals(ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND, model.rows().size());
    }

    @Test
    void clearHidesWhatArrivedAndPauseHoldsTheTable() {
        model.pull(0);
        model.clear();
        assertEquals(0, model.rows().size());
        assertEquals(0, model.pull(1));
        assertEquals(0, model.receivedProperty().get());
        assertTrue(model.upcallCounts().isEmpty());

        model.setSource(session, session.analysis(), "again", false);
        model.pausedProperty().set(true);
        assertEquals(0, model.pull(2));
        model.pausedProperty().set(false);
        assertEquals(ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND, model.pull(3));
    }

    @Test
    void countsPerUpcallAndProvider() {
        model.pull(0);
        Map<String, Long> perUpcall = model.upcallCounts().stream()
                .collect(Collectors.toMap(CountRow::name, CountRow::count));
        assertEquals(ROUNDS, perUpcall.get("WPUCreateSocketHandle"));
        assertEquals(6, perUpcall.size());
        assertEquals(List.of(new CountRow("sample_nonifs.dll", ROUNDS * SyntheticCapture.UPCALLS_PER_ROUND)),
                model.providerCounts());
    }

    @Test
    void rateIsSampledOncePerSecond() {
        model.pull(0);
        assertEquals(0, model.rateHistory().size());
        model.pull(1_000_000_000L);
        assertEquals(1, model.rateHistory().size());
        assertEquals(0.0, model.rateProperty().get());
    }

    @Test
    void detailsDecodeTheSelectedEvent() {
        model.pull(0);
        model.selectedRowProperty().set(2);
        Map<String, String> details = ExampleFiles.byName(model.details());
        assertEquals("WPUPostMessage", details.get("Upcall"));
        assertEquals("wpuhost.exe (pid 4242)", details.get("Process"));
        assertEquals("hwnd=0x100042, msg=0x401, wparam=0x100, lparam=0x1 FD_READ", details.get("Arguments"));
        assertEquals("TRUE", details.get("Result"));
        assertEquals("0x100", details.get("Socket"));
        assertEquals("event 3: WPUPostMessage", model.selectionSummaryProperty().get());
    }

    @Test
    void panelEventSetsSelectExactlyTheirEvents() {
        model.pull(0);
        var handle = session.analysis().handles().handles().get(0);
        var set = new TrafficFilter.EventSet("first handle", java.util.Set.of(
                TrafficFilter.EventId.of(handle.lifecycle().creation()),
                new TrafficFilter.EventId(handle.pid(), handle.lifecycle().closeOffsets().get(0))));
        model.filterProperty().set(TrafficFilter.NONE.withOnly(set));
        model.pull(1);
        assertEquals(2, model.rows().size());
        assertEquals(Upcall.WPU_CREATE_SOCKET_HANDLE, session.upcall(model.rows().rowAt(0)));
        assertEquals(Upcall.WPU_CLOSE_SOCKET_HANDLE, session.upcall(model.rows().rowAt(1)));
    }

    @Test
    void readingProblemsShowTheLastFiveEscapedAfterTheirCount() {
        List<dev.wpuscope.trace.store.CaptureProblem> problems = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            problems.add(new dev.wpuscope.trace.store.CaptureProblem("f", dev.wpuscope.trace.store.CaptureProblem.Kind
                    .DAMAGE, i, "byte offset " + i + ": damaged data\u001b[2J"));
        }
        String text = TrafficViewModel.describe(problems);
        assertEquals("7 reading problems, the last 5", text.lines().findFirst().orElseThrow());
        assertEquals(6, text.lines().count());
        assertTrue(text.endsWith("byte offset 6: damaged data\\x1b[2J"), text);
        assertEquals("1 reading problem\nbyte offset 0: damaged data\\x1b[2J", TrafficViewModel.describe(problems.subList(0, 1)));
    }
}
