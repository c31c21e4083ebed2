package dev.wpuscope.catalog.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * How a source's text is encoded.
     *
     * @param charset   the encoding
     * @param bomLength bytes of byte order mark before the text
     */
    public record Encoding(Charset charset, int bomLength) {

        /** Whether the last resort, a Windows code page, was taken. */
        public boolean codePageGuess() {
            return charset == CODE_PAGE;
        }
    }

    public static SourceText decode(byte[] bytes) {
        Encoding encoding;
        try {
            encoding = encodingOf(bytes, () -> isUtf8(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an array cannot fail to read
        }
        return new SourceText(new String(bytes, encoding.bomLength(), bytes.length - encoding.bomLength(),
                encoding.charset()), encoding.codePageGuess());
    }

    /**
     * The encoding {@link #decode} would find in the file, found from its first bytes and, when needed, one
     * pass over it that checks UTF-8 without holding the file in memory.
     */
    public static Encoding encodingOf(Path file, byte[] head) throws IOException {
        return encodingOf(head, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return isUtf8(in);
            }
        });
    }

    /** Whether the whole text is valid UTF-8. */
    @FunctionalInterface
    private interface Utf8Check {
        boolean valid() throws IOException;
    }

    private static Encoding encodingOf(byte[] head, Utf8Check validUtf8) throws IOException {
        Charset bom = byteOrderMark(head);
        if (bom != null) {
            return new Encoding(bom, bom == StandardCharsets.UTF_8 ? 3 : 2);
        }
        Charset utf16 = utf16WithoutBom(head);
        if (utf16 != null) {
            return new Encoding(utf16, 0);
        }
        return new Encoding(validUtf8.valid() ? StandardCharsets.UTF_8 : CODE_PAGE, 0);
    }

    private static boolean isUtf8(InputStream in) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            bytes.position(bytes.position() + Math.max(n, 0)).flip();
            if (utf8.decode(bytes, chars.clear(), end).isError()) {
                return false;
            }
            bytes.compact();
        }
        return !utf8.flush(chars.clear()).isError();
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
