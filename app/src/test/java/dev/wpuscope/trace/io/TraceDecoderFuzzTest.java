package dev.wpuscope.trace.io;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the decoder: for any bytes, fed in any chunking, it may only report through its listener or throw
 * its own {@link TraceReadException}; anything else (and running out of memory) fails the fuzz test.
 * Without JAZZER_FUZZ=1 it runs the seed inputs as a regression test.
 */
class TraceDecoderFuzzTest {

    private static final byte[] BASIC = GoldenFiles.bytes("basic");

    @FuzzTest(maxDuration = "60s")
    void decodesAnyBytesWithoutFailing(FuzzedDataProvider data) {
        int chunk = data.consumeInt(1, 4096);
        boolean afterValidPrefix = data.consumeBoolean();
        byte[] tail = data.consumeRemainingAsBytes();
        byte[] input = afterValidPrefix ? TraceDecoderDamageTest.concat(BASIC, tail) : tail;
        TraceDecoder decoder = new TraceDecoder("fuzz", (r, l) -> { });
        try {
            for (int at = 0; at < input.length; at += chunk) {
                decoder.feed(input, at, Math.min(chunk, input.length - at));
            }
            decoder.finish();
        } catch (TraceReadException expected) {
            // not a capture, or a newer major version: the decoder's own error
        }
    }
}
