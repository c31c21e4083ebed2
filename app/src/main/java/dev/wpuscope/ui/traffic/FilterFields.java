package dev.wpuscope.ui.traffic;

/** Parses what the user typed in the thread and socket fields; text that is not a number means "any". */
final class FilterFields {

    private FilterFields() {
    }

    static Integer thread(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.parseInt(text.trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    /** Decimal, or hex with a 0x prefix. */
    static Long socket(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase();
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
