package dev.wpuscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.trace.io.RecordedCaptures;
import dev.wpuscope.trace.io.TraceFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of a recorded capture, each with what an export of it must still hold: the
 * upcalls whose bytes the mutation left intact, in the order they are in the mutated file.
 */
final class CaptureMutations {

    /** A header or record of the original capture: where it is, and for an upcall its exported key. */
    record Part(int offset, int length, boolean header, String upcallKey) {
        int end() {
            return offset + length;
        }

        boolean overlaps(int from, int to) {
            return from < end() && to > offset;
        }
    }

    /** A mutated capture, what was done, and the upcalls an export of it must give. */
    record Mutated(String description, byte[] bytes, List<String> expectedUpcalls, boolean touchesMagicOrVersion) {
    }

    private final String name;
    private final byte[] bytes;
    private final List<Part> parts;

    private CaptureMutations(String name, byte[] bytes, List<Part> parts) {
        this.name = name;
        this.bytes = bytes;
        this.parts = parts;
    }

    /** Splits the capture into its parts and gives each upcall the key its export has. */
    static CaptureMutations of(String name) throws IOException {
        Path original = RecordedCaptures.path(name);
        Path jsonl = Files.createTempFile("wpuscope-original", ".jsonl");
        try {
            CliRun export = CliRun.of(new WpuscopeCommand(), "trace", "export", "--jsonl", "-o", jsonl.toString(),
                    original.toString());
            if (export.exitCode() != 0 || !export.err().isEmpty()) {
                throw new IllegalStateException(name + " is not intact: " + export.err());
            }
            List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
            byte[] bytes = RecordedCaptures.bytes(name);
            List<Part> parts = new ArrayList<>();
            int upcall = 0;
            for (int at = 0; at < bytes.length; ) {
                boolean header = Arrays.equals(bytes, at, at + 8, TraceFormat.MAGIC, 0, 8);
                int length = u32(bytes, header ? at + 12 : at);
                boolean isUpcall = !header && u16(bytes, at + 4) == TraceFormat.UPCALL;
                parts.add(new Part(at, length, header, isUpcall ? key(new ObjectMapper().readTree(lines.get(upcall++)))
                        : null));
                at += length;
            }
            if (upcall != lines.size()) {
                throw new IllegalStateException(name + ": " + upcall + " upcall records, " + lines.size() + " exported");
            }
            return new CaptureMutations(name, bytes, List.copyOf(parts));
        } finally {
            Files.deleteIfExists(jsonl);
        }
    }

    /** What identifies an exported upcall whatever its context (clock, process and module names). */
    static String key(JsonNode e) {
        return e.get("pid") + " " + e.get("tid") + " " + e.get("call") + e.get("args") + " = " + e.get("result")
                + " " + e.get("error") + " #" + e.get("sequence") + " flags " + e.get("flags");
    }

    byte[] bytes() {
        return bytes;
    }

    /** The records (headers not included). */
    List<Part> records() {
        return parts.stream().filter(p -> !p.header()).toList();
    }

    Mutated truncatedAt(int cut) {
        return new Mutated(name + " cut at " + cut, Arrays.copyOf(bytes, cut),
                upcalls(parts.stream().filter(p -> p.end() <= cut).toList()), cut < 12);
    }

    Mutated bitFlip(int at, int bit) {
        byte[] mutated = bytes.clone();
        mutated[at] ^= (byte) (1 << bit);
        return overwritten(name + " bit " + bit + " of byte " + at + " flipped", mutated, at, at + 1);
    }

    /** {@code length} bytes from {@code at} set to 0x00 (fill 0), 0xFF (fill 1) or random bytes (fill 2). */
    Mutated byteRun(int at, int length, int fill, Random random) {
        byte[] mutated = bytes.clone();
        int end = Math.min(bytes.length, at + length);
        for (int i = at; i < end; i++) {
            mutated[i] = switch (fill) {
                case 0 -> 0;
                case 1 -> (byte) 0xFF;
                default -> (byte) random.nextInt(256);
            };
        }
        return overwritten(name + " " + (end - at) + " bytes at " + at + " set (fill " + fill + ")", mutated, at, end);
    }

    Mutated lengthSetTo(int record, long length) {
        Part part = records().get(record);
        byte[] mutated = bytes.clone();
        for (int i = 0; i < 4; i++) {
            mutated[part.offset() + i] = (byte) (length >>> (8 * i));
        }
        return overwritten(name + " length of the record at " + part.offset() + " set to " + length, mutated,
                part.offset(), part.offset() + 4);
    }

    Mutated duplicated(int record) {
        Part part = records().get(record);
        List<Part> order = new ArrayList<>(parts);
        order.add(order.indexOf(part) + 1, part);
        return reordered(name + " record at " + part.offset() + " duplicated", order);
    }

    Mutated swapped(int record) {
        Part part = records().get(record);
        List<Part> order = new ArrayList<>(parts);
        int index = order.indexOf(part);
        Collections.swap(order, index, index + 1);
        return reordered(name + " records at " + part.offset() + " and " + order.get(index).offset() + " swapped",
                order);
    }

    /** Bytes in {@code [from, to)} overwritten: the parts holding a byte that changed are no longer intact. */
    private Mutated overwritten(String description, byte[] mutated, int from, int to) {
        List<Part> intact = parts.stream().filter(p -> !changedIn(mutated, Math.max(from, p.offset()),
                Math.min(to, p.end()))).toList();
        boolean startOfAHeader = parts.stream().anyMatch(p -> p.header() && p.offset() < to && p.offset() + 12 > from);
        return new Mutated(description, mutated, upcalls(intact), startOfAHeader);
    }

    private boolean changedIn(byte[] mutated, int from, int to) {
        return from < to && !Arrays.equals(bytes, from, to, mutated, from, to);
    }

    private Mutated reordered(String description, List<Part> order) {
        byte[] mutated = new byte[order.stream().mapToInt(Part::length).sum()];
        int at = 0;
        for (Part part : order) {
            System.arraycopy(bytes, part.offset(), mutated, at, part.length());
            at += part.length();
        }
        return new Mutated(description, mutated, upcalls(order), false);
    }

    private static List<String> upcalls(List<Part> parts) {
        return parts.stream().map(Part::upcallKey).filter(k -> k != null).toList();
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
