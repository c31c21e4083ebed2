package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.store.RowKind;
import dev.wpuscope.ui.DetailRow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Live Traffic table in capture order puts each call before what ran inside it (golden SPI conversation). */
class CallNestingTest {

    private static TrafficViewModel model(CaptureSession session) {
        TrafficViewModel model = new TrafficViewModel(ZoneOffset.UTC, Runnable::run);
        model.setSource(session, session.analysis(), "spi", false);
        return model;
    }

    /** The table's lines: call names indented two spaces per nesting level. */
    private static List<String> lines(TrafficViewModel model) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < model.rows().size(); i++) {
            int row = model.rows().rowAt(i);
            lines.add("  ".repeat(model.depth(row)) + model.format().call(row));
        }
        return lines;
    }

    private static int lineOf(TrafficViewModel model, String call) {
        return lines(model).indexOf(call);
    }

    @Test
    void eachCallComesBeforeWhatRanInsideItEvenWhenThatWasRecordedFirst() throws Exception {
        TrafficViewModel model = model(Sessions.of(SpiCapture.bytes()));
        model.pull(0);
        assertEquals(SpiCapture.NESTED, lines(model));
    }

    @Test
    void aFollowedCaptureNestsTheSameWhateverTheSlices() throws Exception {
        for (int slice : new int[] {7, 64, 500}) {
            CaptureSession growing = new CaptureSession("slices");
            TrafficViewModel model = model(growing);
            Sessions.follow(SpiCapture.bytes(), slice, growing, model);
            assertEquals(SpiCapture.NESTED, lines(model), "slices of " + slice);
        }
    }

    @Test
    void theKindFilterShowsDowncallsUpcallsOrBoth() throws Exception {
        TrafficViewModel model = model(Sessions.of(SpiCapture.bytes()));
        model.pull(0);
        model.filterProperty().set(TrafficFilter.NONE.withKind(RowKind.UPCALL));
        model.pull(1);
        assertEquals(List.of("WPUCreateSocketHandle", "WPUPostMessage", "WPUCompleteOverlappedRequest",
                "WPUCloseSocketHandle"), lines(model), "an upcall whose call is filtered out is top-level");
        model.filterProperty().set(TrafficFilter.NONE.withKind(RowKind.DOWNCALL));
        model.pull(2);
        assertEquals(SpiCapture.NESTED.stream().filter(line -> line.trim().startsWith("WSP")).toList(),
                lines(model));
        model.filterProperty().set(TrafficFilter.NONE.withKind(RowKind.DOWNCALL).withText("sockname"));
        model.pull(3);
        assertEquals(List.of("WSPGetSockName"), lines(model), "search and the kind filter together");
        model.filterProperty().set(TrafficFilter.NONE.withFunction(Downcall.WSP_CLOSE_SOCKET));
        model.pull(4);
        assertEquals(List.of("WSPCloseSocket", "WSPCloseSocket"), lines(model));
        model.filterProperty().set(TrafficFilter.NONE);
        model.pull(5);
        assertEquals(SpiCapture.NESTED, lines(model));
    }

    @Test
    void aCollapsedCallHidesWhatRanInsideItUntilExpanded() throws Exception {
        TrafficViewModel model = model(Sessions.of(SpiCapture.bytes()));
        model.pull(0);
        int socket = lineOf(model, "WSPSocket");
        assertTrue(model.hasNested(model.rows().rowAt(socket)));
        assertFalse(model.hasNested(model.rows().rowAt(lineOf(model, "WSPConnect"))));
        model.toggleCollapsed(socket);
        assertTrue(model.isCollapsed(model.rows().rowAt(socket)));
        List<String> collapsed = new ArrayList<>(SpiCapture.NESTED);
        collapsed.remove("  WPUCreateSocketHandle");
        assertEquals(collapsed, lines(model));
        model.filterProperty().set(TrafficFilter.NONE.withText("WSP"));
        model.filterProperty().set(TrafficFilter.NONE);
        model.pull(1);
        assertEquals(collapsed, lines(model), "a call stays collapsed when the filter changes");
        model.toggleCollapsed(lineOf(model, "WSPSocket"));
        assertEquals(SpiCapture.NESTED, lines(model));
    }

    @Test
    void aSortedTableIsFlatAndHasEveryRowAndCaptureOrderNestsAgain() throws Exception {
        TrafficViewModel model = model(Sessions.of(SpiCapture.bytes()));
        model.pull(0);
        model.toggleCollapsed(lineOf(model, "WSPSelect"));
        model.orderProperty().set(new RowOrder(SortKey.CALL, false));
        List<String> sorted = lines(model);
        assertEquals(SpiCapture.NESTED.stream().map(String::trim).sorted().toList(), sorted,
                "sorted by name, flat, the collapsed call's rows too");
        model.orderProperty().set(null);
        List<String> collapsed = new ArrayList<>(SpiCapture.NESTED);
        collapsed.remove("  WSPEnumNetworkEvents");
        assertEquals(collapsed, lines(model));
    }

    @Test
    void anUpcallWhoseCallHasNotReturnedWaitsThenShowsAtTopLevel() throws Exception {
        byte[] bytes = SpiCapture.bytes();
        CaptureSession growing = new CaptureSession("running");
        TraceDecoder decoder = new TraceDecoder("running", growing);
        decoder.feed(bytes, 0, SpiCapture.WSP_SOCKET_OFFSET);
        TrafficViewModel model = model(growing);
        model.pull(0);
        assertEquals(List.of("WSPStartup"), lines(model), "held while WSPSocket runs");
        model.pull(CallNesting.HOLD_NANOS - 1);
        assertEquals(List.of("WSPStartup"), lines(model));
        model.pull(CallNesting.HOLD_NANOS);
        assertEquals(List.of("WSPStartup", "WPUCreateSocketHandle"), lines(model), "shown when the wait is over");
        int upcall = model.rows().rowAt(1);
        model.selectedRowProperty().set(upcall);
        assertTrue(model.details().contains(new DetailRow("Inside", "downcall #2, not in the capture yet (still "
                + "running, or its record was dropped)")), model.details().toString());
        decoder.feed(bytes, SpiCapture.WSP_SOCKET_OFFSET, bytes.length - SpiCapture.WSP_SOCKET_OFFSET);
        decoder.finish();
        model.pull(CallNesting.HOLD_NANOS + 1);
        assertEquals(SpiCapture.NESTED.size(), model.rows().size(), "every row once");
        assertEquals("WSPSocket", lines(model).get(2), "the call comes where its record is");
        model.selectedRowProperty().set(null);
        model.selectedRowProperty().set(upcall);
        assertTrue(model.details().contains(new DetailRow("Inside", "WSPSocket (downcall #2, event 3)")));
    }

    @Test
    void theDetailPaneDecodesADowncallsArguments() throws Exception {
        TrafficViewModel model = model(Sessions.of(SpiCapture.bytes()));
        model.pull(0);
        model.selectedRowProperty().set(model.rows().rowAt(lineOf(model, "WSPAsyncSelect")));
        List<DetailRow> details = model.details();
        assertTrue(details.contains(new DetailRow("Kind", "downcall #4")), details.toString());
        assertTrue(details.contains(new DetailRow("Function", "WSPAsyncSelect")));
        assertTrue(details.stream().anyMatch(d -> d.name().equals("  events") && d.value().contains("FD_READ")),
                details.toString());
        assertTrue(details.contains(new DetailRow("Socket", "0x2C8")));
        model.selectedRowProperty().set(model.rows().rowAt(lineOf(model, "WSPConnect")));
        assertTrue(model.details().stream().anyMatch(d -> d.name().equals("  addr") && d.value().contains(":")),
                model.details().toString());
        assertTrue(model.details().stream().anyMatch(d -> d.name().equals("Error") && d.value().startsWith("100")),
                model.details().toString());
        model.selectedRowProperty().set(model.rows().rowAt(lineOf(model, "WSPSocket")));
        assertTrue(model.details().contains(new DetailRow("Ran inside it", "WPUCreateSocketHandle")));
    }
}
