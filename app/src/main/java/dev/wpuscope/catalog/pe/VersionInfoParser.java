package dev.wpuscope.catalog.pe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a VS_VERSIONINFO resource: the root block "VS_VERSION_INFO" with its VS_FIXEDFILEINFO value, its
 * "StringFileInfo" child and that child's first string table. Every block is {wLength, wValueLength, wType,
 * key (UTF-16, NUL-terminated), padding to 32 bits, value, padding, children}; alignment is counted from the
 * start of the resource. Only the known three levels are walked, so hostile nesting cannot recurse.
 */
final class VersionInfoParser {
    private static final int HEADER_SIZE = 6;
    private static final int FIXED_INFO_SIZE = 52;
    private static final long FIXED_INFO_SIGNATURE = 0xFEEF04BDL;
    private static final int TEXT = 1;

    private final PeBytes bytes;
    private final long start;

    /** One block of the resource. */
    private record Block(String key, long valueStart, int valueLength, long end) {
    }

    private VersionInfoParser(PeBytes bytes, long start) {
        this.bytes = bytes;
        this.start = start;
    }

    static VersionInfo parse(PeBytes bytes, VersionResource.Location location) throws PeFormatException {
        return new VersionInfoParser(bytes, location.offset()).root(location.offset() + location.size());
    }

    private VersionInfo root(long end) throws PeFormatException {
        Block root = block(start, end);
        if (!root.key.equals("VS_VERSION_INFO")) {
            throw bytes.error(start + HEADER_SIZE, "version resource: key \"" + root.key
                    + "\" where \"VS_VERSION_INFO\" was expected");
        }
        Optional<String> fileVersion = Optional.empty();
        Optional<String> productVersion = Optional.empty();
        if (root.valueLength >= FIXED_INFO_SIZE) {
            long fixed = root.valueStart;
            if (bytes.u32(fixed, "VS_FIXEDFILEINFO") != FIXED_INFO_SIGNATURE) {
                throw bytes.error(fixed, "VS_FIXEDFILEINFO: signature is not 0xFEEF04BD");
            }
            fileVersion = Optional.of(version(fixed + 8));
            productVersion = Optional.of(version(fixed + 16));
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (Block child : children(root, align(root.valueStart + root.valueLength))) {
            if (child.key.equals("StringFileInfo")) {
                List<Block> tables = children(child, child.valueStart);
                if (!tables.isEmpty()) {
                    Block table = tables.get(0);
                    for (Block string : children(table, table.valueStart)) {
                        strings.putIfAbsent(string.key, text(string));
                    }
                }
            }
        }
        return new VersionInfo(fileVersion, productVersion, strings);
    }

    /** "a.b.c.d" from the two DWORDs (most significant first) at {@code at}. */
    private String version(long at) throws PeFormatException {
        long ms = bytes.u32(at, "VS_FIXEDFILEINFO version");
        long ls = bytes.u32(at + 4, "VS_FIXEDFILEINFO version");
        return (ms >>> 16) + "." + (ms & 0xFFFF) + "." + (ls >>> 16) + "." + (ls & 0xFFFF);
    }

    private Block block(long at, long parentEnd) throws PeFormatException {
        int length = bytes.u16(at, "version block wLength");
        int valueLength = bytes.u16(at + 2, "version block wValueLength");
        int type = bytes.u16(at + 4, "version block wType");
        long end = at + length;
        if (length < HEADER_SIZE || end > parentEnd) {
            throw bytes.error(at, "version block length " + length + " does not fit its parent (which ends at "
                    + parentEnd + ")");
        }
        int keyUnits = bytes.utf16Units(at + HEADER_SIZE, end);
        String key = bytes.utf16(at + HEADER_SIZE, keyUnits, "version block key");
        long valueStart = Math.min(align(at + HEADER_SIZE + 2L * keyUnits + 2), end);
        int valueBytes = type == TEXT ? 2 * valueLength : valueLength;
        return new Block(key, valueStart, (int) Math.min(valueBytes, end - valueStart), end);
    }

    private List<Block> children(Block parent, long first) throws PeFormatException {
        List<Block> children = new ArrayList<>();
        long at = first;
        while (at + HEADER_SIZE <= parent.end) {
            Block child = block(at, parent.end);
            children.add(child);
            at = align(child.end);
        }
        return children;
    }

    /** A String block's value: text up to its NUL or the block's end. */
    private String text(Block string) throws PeFormatException {
        int units = bytes.utf16Units(string.valueStart, string.end);
        return bytes.utf16(string.valueStart, units, "version string value");
    }

    private long align(long offset) {
        return start + ((offset - start + 3) & ~3L);
    }
}
