package dev.wpuscope.text;

/**
 * Makes text taken from input safe to show on a terminal or in a dialog: control characters (C0, DEL,
 * C1: ESC sequences that clear a screen or set colours), line and paragraph separators and invisible
 * format characters (bidirectional overrides) become visible escapes such as {@code \x1b} or
 * {@code \\u202e}. Every other character, non-ASCII letters included, stays as it is.
 */
public final class Printable {

    private Printable() {
    }

    /** The text on one line: every character that is not printable escaped, line breaks and tabs too. */
    public static String escape(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPrintable(c)) {
                if (out != null) {
                    out.append(c);
                }
            } else {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                appendEscape(out, c);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /** Whether {@code c} shows as itself (a surrogate counts: the pair it belongs to does). */
    public static boolean isPrintable(char c) {
        if (Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED;
    }

    /** Appends {@code \xNN} for a character below 256, else {@code \\u} and four hex digits. */
    public static void appendEscape(StringBuilder out, char c) {
        String hex = Integer.toHexString(c);
        out.append(c < 0x100 ? "\\x" : "\\u").append("0".repeat((c < 0x100 ? 2 : 4) - hex.length())).append(hex);
    }
}
