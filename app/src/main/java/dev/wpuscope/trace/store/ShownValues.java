package dev.wpuscope.trace.store;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tests {@link ValueMatch}es against values as {@link ArgFormat} writes them, in lower case: hex and decimal
 * numbers are written into a reused buffer (no allocation per row); the few decoded texts (error names, FD_*
 * notifications) are formatted once per distinct value. One query at a time: not thread-safe.
 */
final class ShownValues {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private final char[] buffer = new char[24];
    /** Decoded texts by value, per {@link ArgFormat} ordinal. */
    private final List<Map<Long, String>> decoded = Stream.generate(() -> (Map<Long, String>) new HashMap<Long, String>())
            .limit(ArgFormat.values().length).toList();

    boolean test(ValueMatch match, long value) {
        return switch (match.format) {
            case HEX -> {
                Boolean byDigits = match.hexDigitsMatch(value);
                yield byDigits != null ? byDigits : match.holds(buffer, writeHex(value), buffer.length);
            }
            case DECIMAL -> match.holds(buffer, writeDecimal(value), buffer.length);
            default -> match.holdsDecoded(value, v -> decoded.get(match.format.ordinal())
                    .computeIfAbsent(v, k -> match.format.text(k).toLowerCase(Locale.ROOT)));
        };
    }

    /** Writes "0x" and the digits at the end of the buffer; returns where the text starts. */
    private int writeHex(long value) {
        int at = buffer.length;
        long v = value;
        do {
            buffer[--at] = DIGITS[(int) (v & 0xF)];
            v >>>= 4;
        } while (v != 0);
        buffer[--at] = 'x';
        buffer[--at] = '0';
        return at;
    }

    /** Writes the signed decimal at the end of the buffer; returns where the text starts. */
    private int writeDecimal(long value) {
        int at = buffer.length;
        long v = value;
        do {
            buffer[--at] = DIGITS[(int) Math.abs(v % 10)];
            v /= 10;
        } while (v != 0);
        if (value < 0) {
            buffer[--at] = '-';
        }
        return at;
    }
}
