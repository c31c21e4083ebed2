package dev.wpuscope.catalog.source.reg;

import dev.wpuscope.catalog.source.CatalogReadException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the syntax of a regedit export into keys and values, with no knowledge of Winsock. Every syntax
 * error is a {@link CatalogReadException} naming the file and line; deletions ({@code [-key]},
 * {@code "name"=-}) are not registry content and are skipped with a warning.
 */
final class RegFileParser {

    /** The parsed export: keys in file order, and "file:line: ..." notes about skipped lines. */
    record Result(List<RegKey> keys, List<String> warnings) {
    }

    private static final Pattern HEX_NUMBER = Pattern.compile("[0-9a-fA-F]{1,8}");

    /**
     * The most bytes of one value kept: far more than any Winsock value holds (a PackedCatalogItem is 888
     * bytes), so that a huge value is refused with its size instead of exhausting memory.
     */
    static final int MAX_VALUE_BYTES = 4 << 20;

    private final String file;
    private final BufferedReader lines;
    /** Number of the line read last. */
    private int lineNumber;
    private final List<RegKey> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Charset hexCharset;

    private String keyPath;
    private int keyLine;
    private boolean keyDeleted;
    private List<RegValue> keyValues;

    private RegFileParser(String file, BufferedReader lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Parses the export's text line by line, so that only the values it holds stay in memory. */
    static Result parse(BufferedReader text, String file) throws CatalogReadException {
        RegFileParser parser = new RegFileParser(file, text);
        parser.readHeader();
        parser.readBody();
        return new Result(List.copyOf(parser.keys), List.copyOf(parser.warnings));
    }

    /** The next line (ended by CR LF, LF or CR), or null at the end. */
    private String nextLine() throws CatalogReadException {
        try {
            String line = lines.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new CatalogReadException(file + ": cannot read after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private void readHeader() throws CatalogReadException {
        String first = nextLine();
        while (first != null && first.isBlank()) {
            first = nextLine();
        }
        String header = first == null ? "" : first.strip();
        if (header.equals(RegText.HEADER_V5)) {
            hexCharset = StandardCharsets.UTF_16LE;
        } else if (header.equals(RegText.HEADER_V4)) {
            hexCharset = RegText.ANSI;
        } else {
            throw error(Math.max(1, lineNumber), "not a registry export: the first line must be \"" + RegText.HEADER_V5
                    + "\" or \"" + RegText.HEADER_V4 + "\", found " + quote(header));
        }
    }

    private void readBody() throws CatalogReadException {
        for (String read = nextLine(); read != null; read = nextLine()) {
            String line = read.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                startKey(line, lineNumber);
            } else if (line.startsWith("\"") || line.startsWith("@")) {
                if (keyPath == null) {
                    throw error(lineNumber, "value before the first [key]");
                }
                RegValue value = parseValue(line, lineNumber);
                if (value != null && !keyDeleted) {
                    keyValues.add(value);
                }
            } else {
                throw error(lineNumber, "expected a [key], a \"name\"=value or a ; comment, found " + quote(line));
            }
        }
        finishKey();
    }

    private void startKey(String line, int lineNumber) throws CatalogReadException {
        if (!line.endsWith("]")) {
            throw error(lineNumber, "key line has no closing ]: " + quote(line));
        }
        String path = line.substring(1, line.length() - 1).strip();
        boolean deleted = path.startsWith("-");
        if (deleted) {
            warnings.add(file + ":" + lineNumber + ": key deletion " + line + " ignored (it removes a key, it holds"
                    + " no data)");
            path = path.substring(1).strip();
        }
        if (path.isEmpty()) {
            throw error(lineNumber, "empty key name");
        }
        finishKey();
        keyPath = path;
        keyLine = lineNumber;
        keyDeleted = deleted;
        keyValues = new ArrayList<>();
    }

    /** A key listed twice is one key, as when regedit imports the file: its values are merged. */
    private void finishKey() {
        if (keyPath == null || keyDeleted) {
            return;
        }
        Integer seen = keyIndex.putIfAbsent(keyPath.toLowerCase(Locale.ROOT), keys.size());
        if (seen == null) {
            keys.add(new RegKey(keyPath, keyLine, keyValues));
        } else {
            RegKey first = keys.get(seen);
            List<RegValue> merged = new ArrayList<>(first.values());
            merged.addAll(keyValues);
            keys.set(seen, new RegKey(first.path(), first.line(), merged));
        }
    }

    /** A value line, with its hex continuation lines; {@code null} for a value deletion. */
    private RegValue parseValue(String line, int lineNumber) throws CatalogReadException {
        String name;
        int pos;
        if (line.startsWith("@")) {
            name = "";
            pos = 1;
        } else {
            Quoted quoted = readQuoted(line, 0, lineNumber);
            name = quoted.text;
            pos = quoted.end;
        }
        String afterName = line.substring(pos).stripLeading();
        if (!afterName.startsWith("=")) {
            throw error(lineNumber, "expected = after the value name " + quote(name));
        }
        String data = afterName.substring(1).stripLeading();
        String lower = data.toLowerCase(Locale.ROOT);
        if (data.startsWith("\"")) {
            Quoted quoted = readQuoted(data, 0, lineNumber);
            if (!data.substring(quoted.end).isBlank()) {
                throw error(lineNumber, "text after the closing quote of value " + quote(name));
            }
            return new RegValue(name, lineNumber, RegValue.REG_SZ, quoted.text, null, hexCharset);
        }
        if (data.equals("-")) {
            warnings.add(file + ":" + lineNumber + ": value deletion " + quote(name) + "=- ignored");
            return null;
        }
        if (lower.startsWith("dword:")) {
            String digits = data.substring("dword:".length()).strip();
            if (!HEX_NUMBER.matcher(digits).matches()) {
                throw error(lineNumber, "dword: needs 1 to 8 hex digits, found " + quote(digits));
            }
            int value = Integer.parseUnsignedInt(digits, 16);
            byte[] bytes = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
            return new RegValue(name, lineNumber, RegValue.REG_DWORD, null, bytes, hexCharset);
        }
        if (lower.startsWith("hex:")) {
            byte[] bytes = readHexBytes(name, data.substring("hex:".length()), lineNumber);
            return new RegValue(name, lineNumber, RegValue.REG_BINARY, null, bytes, hexCharset);
        }
        if (lower.startsWith("hex(")) {
            int close = data.indexOf("):");
            String digits = close < 0 ? "" : data.substring("hex(".length(), close);
            if (!HEX_NUMBER.matcher(digits).matches()) {
                throw error(lineNumber, "hex(N): needs a hex type number N, found " + quote(data));
            }
            byte[] bytes = readHexBytes(name, data.substring(close + 2), lineNumber);
            return new RegValue(name, lineNumber, Integer.parseUnsignedInt(digits, 16), null, bytes, hexCharset);
        }
        throw error(lineNumber, "value " + quote(name) + " has no known type (a string, dword:, hex: or hex(N):),"
                + " found " + quote(data));
    }

    /**
     * Comma-separated hex bytes; a line ending in a backslash continues on the next line. A value of more
     * than {@link #MAX_VALUE_BYTES} is read to its end, to name its size, and refused.
     */
    private byte[] readHexBytes(String name, String firstSegment, int valueLine) throws CatalogReadException {
        HexValue value = new HexValue();
        String segment = firstSegment;
        int segmentLine = valueLine;
        while (true) {
            String items = segment.strip();
            boolean continues = items.endsWith("\\");
            if (continues) {
                items = items.substring(0, items.length() - 1).strip();
            }
            readHexItems(items, segmentLine, valueLine, continues, value);
            if (!continues) {
                if (value.size > MAX_VALUE_BYTES) {
                    throw error(valueLine, "value " + quote(name) + " holds " + value.size + " bytes, more than the "
                            + MAX_VALUE_BYTES + " wpuscope reads of one value (a catalog entry's PackedCatalogItem"
                            + " is 888); this is not a Winsock catalog export");
                }
                return value.bytes.toByteArray();
            }
            segment = nextLine();
            if (segment == null) {
                throw error(segmentLine, "hex value ends with \\ but the file ends here");
            }
            segmentLine = lineNumber;
            if (segment.isBlank()) {
                throw error(segmentLine, "expected the hex bytes continued from line " + (segmentLine - 1)
                        + " (it ends with \\), found an empty line");
            }
        }
    }

    /** The bytes of a hex value as they are read: all of them counted, at most {@link #MAX_VALUE_BYTES} kept. */
    private static final class HexValue {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long size;

        void add(int b) {
            if (++size <= MAX_VALUE_BYTES) {
                bytes.write(b);
            }
        }
    }

    private void readHexItems(String items, int line, int valueLine, boolean continues, HexValue out)
            throws CatalogReadException {
        if (items.isEmpty()) {
            return;
        }
        String[] parts = items.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            boolean last = i == parts.length - 1;
            if (part.isEmpty() && last && continues) {
                return;
            }
            int value = hexByte(part);
            if (value < 0) {
                String where = line == valueLine ? "" : " (continuing the value of line " + valueLine + ")";
                throw error(line, (part.isEmpty() ? "missing hex byte" : "bad hex byte " + quote(part)) + where);
            }
            out.add(value);
        }
    }

    /** One or two ASCII hex digits as a byte value, else -1 (no regex: exports hold a million of these). */
    private static int hexByte(String digits) {
        if (digits.isEmpty() || digits.length() > 2) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private record Quoted(String text, int end) {
    }

    /** A "quoted" string starting at {@code start}, with regedit's escapes \\ and \" (and \n, \r as Wine writes). */
    private Quoted readQuoted(String line, int start, int lineNumber) throws CatalogReadException {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return new Quoted(text.toString(), i + 1);
            }
            if (c == '\\') {
                char escaped = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
                switch (escaped) {
                    case '\\', '"' -> text.append(escaped);
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    default -> throw error(lineNumber, "unknown escape \\" + (escaped == '\0' ? "" : escaped)
                            + " in a quoted string (regedit writes only \\\\ and \\\")");
                }
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        throw error(lineNumber, "quoted string is not closed: " + quote(line.substring(start)));
    }

    private CatalogReadException error(int line, String message) {
        return CatalogReadException.atLine(file, line, message);
    }

    private static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "\"" + shown + "\"";
    }
}
