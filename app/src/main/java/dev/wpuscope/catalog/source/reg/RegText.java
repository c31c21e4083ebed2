package dev.wpuscope.catalog.source.reg;

import java.nio.charset.Charset;
import dev.wpuscope.catalog.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a registry export: UTF-16 with a byte order mark (regedit version 5), UTF-8 with or without a
 * BOM, or else the ANSI code page (REGEDIT4), taken as windows-1252 since the machine's is unknown.
 */
final class RegText {

    static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_V4 = "REGEDIT4";
    static final Charset ANSI = Charset.forName("windows-1252");

    private RegText() {
    }

    static String decode(byte[] bytes) {
        return SourceText.decode(bytes).text();
    }

    /** Whether the first line of these (possibly truncated) bytes is a regedit header. */
    static boolean hasHeader(byte[] head) {
        String text = decode(head);
        String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
        return firstLine.equals(HEADER_V5) || firstLine.equals(HEADER_V4);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
