package dev.wpuscope.catalog.source.netsh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape of a value in a {@code netsh winsock show catalog} block. Values are recognised by shape, not by
 * their (localized) labels: a GUID, a decimal number, a {@code 0x} hex number, a protocol chain
 * ({@code 1031 : 1006}) or free text.
 */
enum ValueShape {
    GUID("a {GUID}", "\\{[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\\}"),
    INTEGER("a decimal number", "-?[0-9]{1,10}"),
    HEX("a 0x hex number", "0[xX][0-9A-Fa-f]{1,8}"),
    CHAIN("catalog ids separated by ':'", "[0-9]{1,10}(?:\\s*:\\s*[0-9]{1,10})+"),
    /** Anything that has none of the other shapes (so that a shifted number or GUID is noticed); may be empty. */
    TEXT("text", null);

    private final String description;
    private final Pattern pattern;

    ValueShape(String description, String regex) {
        this.description = description;
        this.pattern = regex == null ? null : Pattern.compile(regex);
    }

    public String description() {
        return description;
    }

    public boolean matches(String value) {
        if (this != TEXT) {
            return pattern.matcher(value).matches() && (this == HEX || this == GUID || numbersFitDword(value));
        }
        for (ValueShape other : values()) {
            if (other != TEXT && other.matches(value)) {
                return false;
            }
        }
        return true;
    }

    /** A decimal value as the 32-bit pattern Windows stores (signed int or unsigned DWORD). */
    static int parseInteger(String value) {
        return (int) Long.parseLong(value);
    }

    static int parseHex(String value) {
        return (int) Long.parseLong(value.substring(2), 16);
    }

    /** The ids of a chain value, as 32-bit patterns. */
    static List<Integer> parseChain(String value) {
        List<Integer> ids = new ArrayList<>();
        for (String id : value.split(":")) {
            ids.add(parseInteger(id.strip()));
        }
        return ids;
    }

    private static boolean numbersFitDword(String value) {
        for (String number : value.split(":")) {
            long v = Long.parseLong(number.strip());
            if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                return false;
            }
        }
        return true;
    }
}
