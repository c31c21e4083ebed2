package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EventFormatTest {

    @Test
    void guidHalvesFormTheWindowsGuid() {
        // {E70F1AA0-AB8B-11CF-8CA3-00805F48A192}: bytes a0 1a 0f e7 8b ab cf 11 | 8c a3 00 80 5f 48 a1 92
        assertEquals("{E70F1AA0-AB8B-11CF-8CA3-00805F48A192}",
                EventFormat.guid(0x11CFAB8BE70F1AA0L, 0x92A1485F8000A38CL));
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
    void filterFieldsParseNumbersAndIgnoreText() {
        assertEquals(0x1A4L, FilterFields.socket("0x1a4"));
        assertEquals(420L, FilterFields.socket(" 420 "));
        assertNull(FilterFields.socket("abc"));
        assertEquals(7000, FilterFields.thread("7000"));
        assertNull(FilterFields.thread("x"));
    }
}
