package dev.wpuscope.ui.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.analysis.Finding;
import dev.wpuscope.trace.analysis.FindingKind;
import dev.wpuscope.trace.io.TraceDecoder;
import dev.wpuscope.trace.store.EventStore;
import dev.wpuscope.trace.store.SocketLives;
import dev.wpuscope.ui.traffic.CaptureSession;
import dev.wpuscope.ui.traffic.SpiCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Sockets panel's lines on the golden SPI conversation (no JavaFX toolkit needed). */
class SocketOverviewTest {

    private static List<SocketRow> rows(CaptureSession session, SocketOverview overview) {
        overview.update();
        return overview.rows(session.analysis().findings());
    }

    @Test
    void everySocketWithItsCountsBytesFindingsAndState() throws Exception {
        CaptureSession session = SpiCapture.session();
        List<SocketRow> rows = rows(session, new SocketOverview(session));
        assertEquals(2, rows.size());

        SocketRow first = rows.get(0);
        assertEquals(0x2C8, first.socket().socket());
        assertEquals("WSPSocket", first.socket().createdBy());
        assertEquals("sample_nonifs.dll", first.socket().provider());
        assertEquals(8, first.socket().downcalls(), "socket, connect, async select, send, recv, ioctl, close ×2");
        assertEquals(4, first.socket().upcalls(), "create, post, completion, close handle");
        assertEquals(3, first.socket().failures(), "connect, recv (pending), the second close");
        assertEquals(11 + 11, first.bytes(), "the send's 11 bytes and the receive's completion of 11");
        assertEquals(List.of(FindingKind.CALL_AFTER_CLOSE), first.findings().stream().map(Finding::kind).toList());
        assertEquals("closed, used after close", first.state());

        SocketRow second = rows.get(1);
        assertEquals(0x2CC, second.socket().socket());
        assertEquals("", second.socket().createdBy());
        assertEquals("open, created before the capture", second.state());
        assertEquals(2, second.socket().downcalls(), "getsockname, the enum-network-events nested in select");
        assertEquals(List.of(), second.findings());
    }

    @Test
    void aFollowedCaptureCountsTheSameAsAWholeOne() throws Exception {
        byte[] bytes = SpiCapture.bytes();
        CaptureSession growing = new CaptureSession("slices");
        SocketOverview overview = new SocketOverview(growing);
        TraceDecoder decoder = new TraceDecoder("slices", growing);
        for (int at = 0; at < bytes.length; at += 97) {
            decoder.feed(bytes, at, Math.min(97, bytes.length - at));
            rows(growing, overview);
        }
        decoder.finish();
        CaptureSession whole = SpiCapture.session();
        assertEquals(rows(whole, new SocketOverview(whole)), rows(growing, overview));
    }

    @Test
    void theStateSaysWhatTheFindingsFound() {
        SocketLives.Socket closed = new SocketLives.Socket(0, 0, 42, 1, 0x2C8, "lsp.dll", "WSPSocket", 3, 9,
                SocketLives.State.CLOSED, 4, 2, 0, 0);
        Finding noHandleClose = new Finding(Finding.Severity.ERROR, FindingKind.CLOSE_WITHOUT_HANDLE_CLOSE, 42,
                "lsp.dll", 100, "WSPCloseSocket of socket 0x2c8 succeeded without calling WPUCloseSocketHandle");
        Finding notCompleted = new Finding(Finding.Severity.WARNING, FindingKind.OVERLAPPED_NOT_COMPLETED, 42,
                "lsp.dll", 90, "WSPRecv on socket 0x2c8 returned WSA_IO_PENDING and was not completed");
        assertEquals("closed without WPUCloseSocketHandle, overlapped request never completed",
                SocketOverview.state(closed, List.of(noHandleClose, notCompleted)));
        SocketLives.Socket open = new SocketLives.Socket(0, 0, 42, 1, 0x2C8, "lsp.dll", "", EventStore.NO_ROW,
                EventStore.NO_ROW, SocketLives.State.OPEN, 1, 0, 0, 0);
        assertEquals("open, created before the capture", SocketOverview.state(open, List.of()));
        assertEquals("before the capture", open.origin());
        SocketLives.Socket bad = new SocketLives.Socket(0, 0, 42, 1, 0x7F_FFF0, "lsp.dll", "", EventStore.NO_ROW,
                EventStore.NO_ROW, SocketLives.State.OPEN, 2, 3, 5, 0);
        assertEquals("not a socket: every call on it failed", SocketOverview.state(bad, List.of()));
        assertEquals("not a socket", bad.origin());
        SocketLives.Socket oneCallSucceeded = new SocketLives.Socket(0, 0, 42, 1, 0x7F_FFF0, "lsp.dll", "",
                EventStore.NO_ROW, EventStore.NO_ROW, SocketLives.State.OPEN, 2, 3, 4, 0);
        assertEquals("open, created before the capture", SocketOverview.state(oneCallSucceeded, List.of()));
    }
}
