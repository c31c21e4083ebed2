package dev.wpuscope.catalog.pe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Hostile PE files: for any bytes, or a small valid DLL (unsigned or signed) with bytes overwritten and cut,
 * the reader returns facts or throws its own {@link PeFormatException}; anything else (and running out of
 * memory or time) fails. Without JAZZER_FUZZ=1 it runs the seed inputs as a regression test.
 */
class PeFileReaderFuzzTest {
    private static final byte[] TINY = TinyPe.dll(Map.of("CompanyName", "Fuzz Corp", "FileVersion", "1.2.3.4"));
    /** TINY's sibling signed by osslsigncode (see README.md next to it). */
    static final byte[] TINY_SIGNED = signedSeed();

    @FuzzTest(maxDuration = "60s")
    void readsAnyBytesWithoutFailing(FuzzedDataProvider data) {
        byte[] input;
        int start = data.consumeInt(0, 2);
        if (start > 0) {
            input = (start == 1 ? TINY : TINY_SIGNED).clone();
            int patches = data.consumeInt(0, 8);
            for (int i = 0; i < patches; i++) {
                input[data.consumeInt(0, input.length - 1)] = data.consumeByte();
            }
            input = Arrays.copyOf(input, data.consumeInt(0, input.length));
        } else {
            input = data.consumeRemainingAsBytes();
        }
        try {
            PeFileReader.read("fuzz.dll", input);
        } catch (PeFormatException expected) {
            // not a PE file, or damaged: the reader's own error
        }
    }

    private static byte[] signedSeed() {
        try (InputStream in = PeFileReaderFuzzTest.class.getResourceAsStream("tiny-signed.pe")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
