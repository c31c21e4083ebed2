package dev.wpuscope.catalog.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a catalog source file whose encoding the file does not name for sure: a byte order mark (UTF-8,
 * UTF-16LE as PowerShell 5 and regedit save, UTF-16BE), UTF-16 without one (NUL bytes in every second
 * position of mostly-ASCII text), valid UTF-8, or else a Windows code page, taken as windows-1252.
 *
 * @param text         the decoded text, without byte order mark
 * @param codePageGuess whether the last resort was used, so that non-ASCII characters may be wrong
 */
public record SourceText(String text, boolean codePageGuess) {
    private static final Charset CODE_PAGE = Charset.forName("windows-1252");

    public static SourceText decode(byte[] bytes) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new SourceText(new String(bytes, skip, bytes.length - skip, bom), false);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new SourceText(new String(bytes, utf16), false);
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new SourceText(utf8, false);
        } catch (CharacterCodingException notUtf8) {
            return new SourceText(new String(bytes, CODE_PAGE), true);
        }
    }

    private static Charset byteOrderMark(byte[] b) {
        int first = b.length > 0 ? b[0] & 0xFF : -1;
        int second = b.length > 1 ? b[1] & 0xFF : -1;
        if (first == 0xEF && second == 0xBB && b.length > 2 && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (first == 0xFF && second == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return first == 0xFE && second == 0xFF ? StandardCharsets.UTF_16BE : null;
    }

    private static Charset utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, 4096) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            evenZeros += bytes[2 * i] == 0 ? 1 : 0;
            oddZeros += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (oddZeros * 10 > pairs * 4 && evenZeros * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 > pairs * 4 && oddZeros * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
