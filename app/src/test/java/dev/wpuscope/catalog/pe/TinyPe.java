package dev.wpuscope.catalog.pe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A minimal PE32+ DLL made byte by byte, so hostile-input tests know every offset: headers, one ".rsrc"
 * section at file offset 0x200 (RVA 0x1000) with an RT_VERSION resource (id 1, language 0x409) whose
 * VS_VERSIONINFO starts at {@link #VERSION_OFFSET}.
 */
final class TinyPe {
    static final int PE_OFFSET = 0x40;
    static final int OPTIONAL_HEADER = PE_OFFSET + 24;
    static final int RESOURCE_DIRECTORY_ENTRY = OPTIONAL_HEADER + 112 + 2 * 8;
    static final int SECTION_TABLE = OPTIONAL_HEADER + 0xF0;
    static final int RSRC_OFFSET = 0x200;
    static final int RSRC_RVA = 0x1000;
    static final int DATA_ENTRY = RSRC_OFFSET + 0x48;
    static final int VERSION_OFFSET = RSRC_OFFSET + 0x58;

    private TinyPe() {
    }

    /** A DLL with file version 1.2.3.4, product version 5.6.7.8 and these StringFileInfo strings. */
    static byte[] dll(Map<String, String> strings) {
        byte[] version = versionInfo(strings);
        int rsrcSize = 0x58 + version.length;
        int rawSize = (rsrcSize + 0x1FF) & ~0x1FF;
        ByteBuffer b = ByteBuffer.allocate(RSRC_OFFSET + rawSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, PE_OFFSET);
        b.put(PE_OFFSET, (byte) 'P').put(PE_OFFSET + 1, (byte) 'E');
        int coff = PE_OFFSET + 4;
        b.putShort(coff, (short) 0x8664).putShort(coff + 2, (short) 1).putShort(coff + 16, (short) 0xF0)
                .putShort(coff + 18, (short) 0x2022);
        b.putShort(OPTIONAL_HEADER, (short) 0x20B).putInt(OPTIONAL_HEADER + 60, RSRC_OFFSET)
                .putInt(OPTIONAL_HEADER + 108, 16);
        b.putInt(RESOURCE_DIRECTORY_ENTRY, RSRC_RVA).putInt(RESOURCE_DIRECTORY_ENTRY + 4, rsrcSize);
        b.put(SECTION_TABLE, ".rsrc".getBytes(StandardCharsets.US_ASCII)).putInt(SECTION_TABLE + 8, rsrcSize)
                .putInt(SECTION_TABLE + 12, RSRC_RVA).putInt(SECTION_TABLE + 16, rawSize)
                .putInt(SECTION_TABLE + 20, RSRC_OFFSET);
        directory(b, RSRC_OFFSET, 16, 0x8000_0000 | 0x18);
        directory(b, RSRC_OFFSET + 0x18, 1, 0x8000_0000 | 0x30);
        directory(b, RSRC_OFFSET + 0x30, 0x409, 0x48);
        b.putInt(DATA_ENTRY, RSRC_RVA + 0x58).putInt(DATA_ENTRY + 4, version.length);
        b.put(VERSION_OFFSET, version);
        return b.array();
    }

    /** A resource directory with one id entry. */
    private static void directory(ByteBuffer b, int at, int id, int target) {
        b.putShort(at + 14, (short) 1).putInt(at + 16, id).putInt(at + 20, target);
    }

    private static byte[] versionInfo(Map<String, String> strings) {
        ByteBuffer fixed = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putInt(0xFEEF04BD).putInt(0x10000).putInt(0x10002).putInt(0x30004).putInt(0x50006).putInt(0x70008);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        strings.forEach((name, value) -> table.writeBytes(block(name, value.length() + 1, 1, utf16z(value),
                new byte[0])));
        byte[] stringTable = block("040904B0", 0, 1, new byte[0], table.toByteArray());
        byte[] stringFileInfo = block("StringFileInfo", 0, 1, new byte[0], stringTable);
        return block("VS_VERSION_INFO", 52, 0, fixed.array(), stringFileInfo);
    }

    /** One version block; offsets stay 32-bit aligned because every block starts aligned. */
    private static byte[] block(String key, int valueLength, int type, byte[] value, byte[] children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[6]);
        out.writeBytes(utf16z(key));
        pad(out);
        out.writeBytes(value);
        pad(out);
        out.writeBytes(children);
        byte[] bytes = out.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) bytes.length)
                .putShort(2, (short) valueLength).putShort(4, (short) type);
        return Arrays.copyOf(bytes, (bytes.length + 3) & ~3);
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    private static byte[] utf16z(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
