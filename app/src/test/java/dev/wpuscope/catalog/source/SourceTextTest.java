package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    private static final String TEXT = "Beschreibung:   Prüfung – 説明";

    @Test
    void byteOrderMarksNameTheEncodingAndAreDropped() {
        assertEquals(new SourceText(TEXT, false), SourceText.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)));
        assertEquals(new SourceText(TEXT, false), SourceText.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(new SourceText(TEXT, false), SourceText.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void utf16WithoutBomIsSeenByItsNulBytes() {
        assertEquals(TEXT, SourceText.decode(TEXT.getBytes(StandardCharsets.UTF_16LE)).text());
        assertEquals(TEXT, SourceText.decode(TEXT.getBytes(StandardCharsets.UTF_16BE)).text());
    }

    @Test
    void utf8IsTakenWhenValidElseTheCodePageIsGuessed() {
        assertEquals(new SourceText(TEXT, false), SourceText.decode(TEXT.getBytes(StandardCharsets.UTF_8)));
        String western = "Beschreibung: Prüfung";
        assertEquals(new SourceText(western, true), SourceText.decode(western.getBytes(Charset.forName("windows-1252"))));
        assertEquals(new SourceText("", false), SourceText.decode(new byte[0]));
    }
}
