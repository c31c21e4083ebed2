package dev.wpuscope.catalog.source.netsh;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a saved netsh dump into text. PowerShell 5 saves UTF-16LE with a BOM, PowerShell 7 and editors UTF-8,
 * {@code cmd > file} the console's OEM code page (which the file does not name).
 */
final class NetshTextDecoder {
    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private NetshTextDecoder() {
    }

    static String decode(byte[] bytes, NetshWarnings warnings) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new String(bytes, utf16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            warnings.add(1, "the file is neither UTF-8 nor UTF-16 (probably a console code page); read as Windows-1252,"
                    + " so non-ASCII labels, descriptions and paths may be garbled");
            return new String(bytes, FALLBACK);
        }
    }

    /** The text's lines; any run of CRs before a LF counts as one line break. */
    static List<String> lines(String text) {
        return List.of(text.split("\\r*\\n|\\r", -1));
    }

    /** UTF-16 without BOM shows as NUL bytes in every second position of ASCII text. */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, 4096) / 2;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            evenZeros += bytes[2 * i] == 0 ? 1 : 0;
            oddZeros += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (pairs < 2) {
            return null;
        }
        if (oddZeros * 10 > pairs * 4 && evenZeros * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 > pairs * 4 && oddZeros * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
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
