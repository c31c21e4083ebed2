package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.trace.analysis.SelectEvents;
import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import org.junit.jupiter.api.Test;

class EventTextTest {

    @Test
    void guidHalvesFormTheWindowsGuid() {
        // {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}: bytes a0 1a 0f e7 8b ab cf 11 | 8c a3 00 80 5f 48 a1 92
        assertEquals("{E70F1AA0-AB8B-11CF-8CA3-00805F48A192}",
                EventText.guid(0x11CFAB8BE70F1AA0L, 0x92A1485F8000A38CL));
    }

    @Test
    void selectEventsNameBitsAndError() {
        assertEquals("FD_READ", SelectEvents.describe(0x1));
        assertEquals("FD_READ|FD_CLOSE", SelectEvents.describe(0x21));
        assertEquals("FD_CLOSE error 10054 WSAECONNRESET", SelectEvents.describe((10054L << 16) | 0x20));
        assertEquals("no FD_ event", SelectEvents.describe(0));
        assertEquals("0x800", SelectEvents.describe(0x800));
    }

    @Test
    void argumentsAreNamedAndDecodedPerUpcall() {
        EventStore store = new EventStore();
        append(store, Upcall.WPU_POST_MESSAGE, 1, 0, 0x100042, 0x401, 0x100, 0x1);
        append(store, Upcall.WPU_COMPLETE_OVERLAPPED_REQUEST, 0, 0, 0x2c8, 0xE1_2345_9000L, 10054, 512);
        append(store, Upcall.WPU_CREATE_SOCKET_HANDLE, -1, 10055, 1001, 0xDEAD);
        append(store, 99, 7, 0, 0x10, 0x20);

        assertEquals("hwnd=0x100042, msg=0x401, wparam=0x100, lparam=0x1 FD_READ", EventText.arguments(store, 0));
        assertEquals("TRUE", EventText.result(store.upcall(0), store.result(0)));
        assertEquals("s=0x2C8, overlapped=0xE123459000, dwError=10054 WSAECONNRESET, cbTransferred=512",
                EventText.arguments(store, 1));
        assertEquals("catalog_entry_id=1001, context=0xDEAD", EventText.arguments(store, 2));
        assertEquals("INVALID_SOCKET", EventText.result(store.upcall(2), store.result(2)));
        assertEquals("10055 WSAENOBUFS", EventText.error(store.error(2)));
        assertEquals("0x10, 0x20", EventText.arguments(store, 3));
        assertEquals("unknown upcall", EventText.upcall(store.upcall(3)));
        assertEquals("7", EventText.result(store.upcall(3), store.result(3)));
        assertEquals(EventText.UNKNOWN_MODULE, EventText.providerLabel(EventText.providerFile(store, 3)));
    }

    @Test
    void freeTextFindsWhatTheArgumentsShow() {
        EventStore store = new EventStore();
        append(store, Upcall.WPU_POST_MESSAGE, 1, 0, 0x100042, 0x401, 0x100, 0x1);
        append(store, Upcall.WPU_POST_MESSAGE, 1, 0, 0x100042, 0x402, 0x104, (10061L << 16) | 0x10);
        append(store, Upcall.WPU_CLOSE_SOCKET_HANDLE, 0, 0, 0x100);
        append(store, Upcall.WPU_CLOSE_SOCKET_HANDLE, -1, 10038, 0x1001);

        assertEquals(IntList.of(0), select(store, "FD_READ"));
        assertEquals(IntList.of(0), select(store, "lparam=0x1 "));
        assertEquals(IntList.of(0), select(store, "msg=0x401"));
        assertEquals(IntList.of(0, 1), select(store, "0x100042, msg=0x40"));
        assertEquals(IntList.of(1), select(store, "fd_connect error 10061 wsaeconnrefused"));
        assertEquals(IntList.of(0, 1, 2, 3), select(store, "=0x100"));
        assertEquals(IntList.of(0, 1), select(store, "wparam=0x10"));
        assertEquals(IntList.of(3), select(store, "s=0x1001"));
        assertEquals(IntList.of(3), select(store, "SOCKET_ERROR"));
        assertEquals(IntList.of(), select(store, "s=0x1002"));
    }

    private static IntList select(EventStore store, String text) {
        return EventQuery.select(store, EventFilter.ALL.withText(text));
    }

    static void append(EventStore store, Upcall upcall, long result, int error, long... args) {
        append(store, upcall.number(), result, error, args);
    }

    static void append(EventStore store, int upcall, long result, int error, long... args) {
        store.append(new TraceRecord.UpcallEvent(0, 100, store.size(), upcall, 7000, 0, 0, 0, 0, result, error, 0,
                args, ""), store.size(), 1);
    }
}
