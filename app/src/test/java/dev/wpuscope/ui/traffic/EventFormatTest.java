package dev.wpuscope.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EventFormatTest {

    @Test
    void filterFieldsParseNumbersAndIgnoreText() {
        assertEquals(0x1A4L, FilterFields.socket("0x1a4"));
        assertEquals(420L, FilterFields.socket(" 420 "));
        assertNull(FilterFields.socket("abc"));
        assertEquals(7000, FilterFields.thread("7000"));
        assertNull(FilterFields.thread("x"));
    }
}
