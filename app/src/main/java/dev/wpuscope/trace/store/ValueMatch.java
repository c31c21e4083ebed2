package dev.wpuscope.trace.store;

import java.util.function.LongFunction;

/**
 * A condition on the text one shown value has (lower case): it contains, starts with, ends with or equals a
 * part of the search query. Hex values are mostly decided on their digits as numbers, without text.
 */
final class ValueMatch {

    enum Relation { CONTAINS, STARTS_WITH, ENDS_WITH, EQUALS }

    /** How a hex value ("0x" and its digits, no leading zeros) is tested without writing it. */
    private enum HexTest {
        /** The part is in every hex text ("0", "x", "0x"). */
        ALWAYS,
        /** The digits contain the part's digits. */
        DIGITS_CONTAIN,
        /** The digits start with the part's digits (the part is "0x…" or "x…" and lies at the start). */
        DIGITS_START,
        /** The digits end with the part's digits. */
        DIGITS_END,
        /** The digits are the part's digits. */
        DIGITS_EQUAL,
        /** Any other: write the text and compare. */
        TEXT
    }

    private static final String HEX_CHARS = "0123456789abcdefx";
    private static final String DECIMAL_CHARS = "-0123456789";

    /** The argument's position, or -1 for the result. */
    final int arg;
    final ArgFormat format;
    private final Relation relation;
    private final String part;
    private final HexTest hexTest;
    /** The hex digits {@link #hexTest} compares, as a number, and how many there are. */
    private final long digits;
    private final int digitCount;
    /** The last decoded value tested and the answer: notifications and error codes repeat row after row. */
    private long lastDecoded;
    private boolean lastAnswer;
    private boolean hasLast;

    ValueMatch(int arg, ArgFormat format, Relation relation, String part) {
        this.arg = arg;
        this.format = format;
        this.relation = relation;
        this.part = part;
        String afterPrefix = part.startsWith("0x") ? part.substring(2) : part.startsWith("x") ? part.substring(1) : null;
        boolean prefixed = afterPrefix != null && isHexDigits(afterPrefix);
        String digitText = prefixed ? afterPrefix : part;
        this.hexTest = hexTest(relation, part, prefixed, isHexDigits(part));
        this.digitCount = digitText.length();
        this.digits = hexTest == HexTest.TEXT || hexTest == HexTest.ALWAYS ? 0 : Long.parseUnsignedLong(digitText, 16);
    }

    private static HexTest hexTest(Relation relation, String part, boolean prefixed, boolean digitsOnly) {
        boolean startsText = part.equals("0") || part.equals("0x") || part.equals("x") && relation == Relation.CONTAINS;
        if (startsText && relation != Relation.ENDS_WITH && relation != Relation.EQUALS) {
            return HexTest.ALWAYS;
        }
        return switch (relation) {
            case CONTAINS -> digitsOnly ? HexTest.DIGITS_CONTAIN : prefixed ? HexTest.DIGITS_START : HexTest.TEXT;
            case STARTS_WITH -> prefixed && part.startsWith("0x") ? HexTest.DIGITS_START : HexTest.TEXT;
            case ENDS_WITH -> digitsOnly ? HexTest.DIGITS_END : HexTest.TEXT;
            case EQUALS -> prefixed && part.startsWith("0x") ? HexTest.DIGITS_EQUAL : HexTest.TEXT;
        };
    }

    private static boolean isHexDigits(String s) {
        return !s.isEmpty() && s.length() <= 16 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** Whether some value could meet it: hex and decimal texts use few characters. */
    boolean possible() {
        String alphabet = switch (format) {
            case HEX -> HEX_CHARS;
            case DECIMAL -> DECIMAL_CHARS;
            default -> null;
        };
        return alphabet == null || part.chars().allMatch(c -> alphabet.indexOf(c) >= 0);
    }

    /** For a hex value: the answer from its digits, or null when the text has to be written. */
    Boolean hexDigitsMatch(long value) {
        int valueCount = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 3) / 4);
        return switch (hexTest) {
            case ALWAYS -> true;
            case DIGITS_CONTAIN -> digitsContained(value, valueCount);
            case DIGITS_START -> valueCount >= digitCount && value >>> 4 * (valueCount - digitCount) == digits;
            case DIGITS_END -> valueCount >= digitCount && (digitCount == 16 ? value : value & (1L << 4 * digitCount) - 1) == digits;
            case DIGITS_EQUAL -> valueCount == digitCount && value == digits;
            case TEXT -> null;
        };
    }

    private boolean digitsContained(long value, int valueCount) {
        long mask = digitCount == 16 ? -1L : (1L << 4 * digitCount) - 1;
        for (int shift = 0; shift <= 4 * (valueCount - digitCount); shift += 4) {
            if ((value >>> shift & mask) == digits) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[from, to)} meets it. */
    boolean holds(char[] text, int from, int to) {
        int n = part.length();
        return switch (relation) {
            case CONTAINS -> indexOf(text, from, to) >= 0;
            case STARTS_WITH -> to - from >= n && regionMatches(text, from);
            case ENDS_WITH -> to - from >= n && regionMatches(text, to - n);
            case EQUALS -> to - from == n && regionMatches(text, from);
        };
    }

    /** For a value whose text is decoded ({@code text}): the answer, remembered for the last value. */
    boolean holdsDecoded(long value, LongFunction<String> text) {
        if (!hasLast || value != lastDecoded) {
            lastAnswer = holds(text.apply(value));
            lastDecoded = value;
            hasLast = true;
        }
        return lastAnswer;
    }

    private boolean holds(String text) {
        return switch (relation) {
            case CONTAINS -> text.contains(part);
            case STARTS_WITH -> text.startsWith(part);
            case ENDS_WITH -> text.endsWith(part);
            case EQUALS -> text.equals(part);
        };
    }

    private int indexOf(char[] text, int from, int to) {
        for (int i = from, last = to - part.length(); i <= last; i++) {
            if (regionMatches(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean regionMatches(char[] text, int at) {
        for (int k = 0, n = part.length(); k < n; k++) {
            if (text[at + k] != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
