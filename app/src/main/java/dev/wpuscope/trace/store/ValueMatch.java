package dev.wpuscope.trace.store;

/**
 * A condition on the text one shown value has (lower case): it contains, starts with, ends with or equals a
 * part of the search query.
 *
 * @param arg the argument's position, or -1 for the result
 */
record ValueMatch(int arg, ArgFormat format, Relation relation, String part, long hexDigits) {

    enum Relation { CONTAINS, STARTS_WITH, ENDS_WITH, EQUALS }

    /** {@link #hexDigits} when the part is not 1 to 15 hex digits. */
    static final long NOT_HEX_DIGITS = -1;

    ValueMatch(int arg, ArgFormat format, Relation relation, String part) {
        this(arg, format, relation, part, hexDigitsOf(part));
    }

    private static long hexDigitsOf(String part) {
        if (part.isEmpty() || part.length() > 15 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return NOT_HEX_DIGITS;
        }
        return Long.parseLong(part, 16);
    }

    /**
     * For a hex value: whether its digits contain this part's digits, compared a nibble window at a time
     * (no text). Only for {@link Relation#CONTAINS} of a part of hex digits other than "0", which "0x" holds.
     */
    boolean hexDigitsContained(long value) {
        int width = part.length() * 4;
        long mask = (1L << width) - 1;
        int valueWidth = Math.max(4, 64 - Long.numberOfLeadingZeros(value) + 3 & ~3);
        for (int shift = 0; shift + width <= valueWidth; shift += 4) {
            if ((value >>> shift & mask) == hexDigits) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@link #hexDigitsContained} decides it for a hex value. */
    boolean byNibbles() {
        return format == ArgFormat.HEX && relation == Relation.CONTAINS && hexDigits != NOT_HEX_DIGITS
                && (hexDigits != 0 || part.length() > 1);
    }

    private static final String HEX_CHARS = "0123456789abcdefx";
    private static final String DECIMAL_CHARS = "-0123456789";

    /** Whether some value could meet it: hex and decimal texts use few characters. */
    boolean possible() {
        String alphabet = switch (format) {
            case HEX -> HEX_CHARS;
            case DECIMAL -> DECIMAL_CHARS;
            case WSA_ERROR, SELECT_NOTIFICATION -> null;
        };
        return alphabet == null || part.chars().allMatch(c -> alphabet.indexOf(c) >= 0);
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

    boolean holds(String text) {
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
