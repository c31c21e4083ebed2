package dev.wpuscope.catalog.source.reg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One {@code "name"=data} line of a registry export.
 *
 * @param name        the value name ("" for the default value {@code @})
 * @param line        the line the value starts on
 * @param type        the REG_* type: 1 for a quoted string, 4 for {@code dword:}, 3 for {@code hex:}, N for
 *                    {@code hex(N):}
 * @param text        the string of a quoted value, else {@code null}
 * @param data        the bytes of a {@code dword:} or {@code hex} value, else {@code null}
 * @param hexCharset  how string types given as hex bytes are encoded (UTF-16LE in version 5 exports, the
 *                    ANSI code page in REGEDIT4)
 */
record RegValue(String name, int line, int type, String text, byte[] data, Charset hexCharset) {

    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_BINARY = 3;
    static final int REG_DWORD = 4;

    /** The value as a string, when it is REG_SZ or REG_EXPAND_SZ (up to the first NUL). */
    Optional<String> string() {
        if (text != null) {
            return Optional.of(text);
        }
        if (type != REG_SZ && type != REG_EXPAND_SZ) {
            return Optional.empty();
        }
        String decoded = new String(data, hexCharset);
        int nul = decoded.indexOf('\0');
        return Optional.of(nul < 0 ? decoded : decoded.substring(0, nul));
    }

    /** The value as a DWORD, when it is a 4-byte REG_DWORD. */
    Optional<Integer> dword() {
        if (type != REG_DWORD || data == null || data.length != 4) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    /** The bytes of a REG_BINARY value. */
    Optional<byte[]> binary() {
        return type == REG_BINARY && data != null ? Optional.of(data.clone()) : Optional.empty();
    }

    /** How the export wrote this value, for messages: "a string", "dword:", "hex(7):". */
    String describeType() {
        if (text != null) {
            return "a string";
        }
        return switch (type) {
            case REG_DWORD -> "dword:";
            case REG_BINARY -> "hex:";
            default -> "hex(" + Integer.toHexString(type) + "):";
        };
    }
}
