package dev.wpuscope.trace.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wpuscope.trace.model.TraceHeader;
import dev.wpuscope.trace.model.TraceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden vector decodes to its .json, whole or fed in chunks of any size; valid ones re-encode byte for byte. */
class GoldenVectorTest {

    static List<String> names() {
        return GoldenFiles.names();
    }

    @Test
    void allVectorsArePresent() {
        assertEquals(List.of("basic", "basic-1.0", "damaged", "forward-compatible", "load-sessions", "newer-major",
                "spi", "truncated", "two-streams"), names());
    }

    @ParameterizedTest
    @MethodSource("names")
    void decodesExactlyAsTheJsonSays(String name) throws IOException {
        JsonNode expected = new ObjectMapper().readTree(GoldenFiles.DIR.resolve(name + ".json").toFile());
        byte[] data = GoldenFiles.bytes(name);
        for (int chunk : new int[] {data.length, 1, 2, 3, 7, 16, 47, 64, 100}) {
            assertEquals(expected, GoldenJson.decode(name + ".wputrace", data, chunk), name + " in chunks of " + chunk);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void readsTheFileThroughTheChannelReaderLikeTheDecoder(String name) throws Exception {
        List<TraceRecord> viaDecoder = new java.util.ArrayList<>();
        List<TraceRecord> viaReader = new java.util.ArrayList<>();
        String decoderError = decodeInto(name, viaDecoder);
        String readerError = null;
        try {
            TraceReader.read(GoldenFiles.capture(name), (r, length) -> viaReader.add(r));
        } catch (TraceReadException e) {
            readerError = e.getMessage();
            assertTrue(readerError.startsWith(GoldenFiles.capture(name).toString() + ": "), readerError);
            readerError = e.reason();
        }
        assertEquals(decoderError, readerError);
        assertEquals(RecordText.of(viaDecoder), RecordText.of(viaReader));
    }

    private static String decodeInto(String name, List<TraceRecord> records) {
        try (var in = Files.newInputStream(GoldenFiles.capture(name))) {
            TraceReader.read(in, name, (r, length) -> records.add(r));
            return null;
        } catch (TraceReadException e) {
            return e.reason();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void reencodingValidVectorsOfKnownMinorsGivesTheSameBytes(String name) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(GoldenFiles.DIR.resolve(name + ".json").toFile());
        boolean known = expected.get("valid").asBoolean()
                && expected.findValues("minor").stream().allMatch(m -> m.asInt() <= TraceFormat.MINOR);
        org.junit.jupiter.api.Assumptions.assumeTrue(known, name + " is not a valid capture of a minor this writer knows");
        byte[] data = GoldenFiles.bytes(name);
        assertArrayEquals(data, reencode(data));
    }

    @Test
    void forwardCompatibleVectorReencodesToOneTwoWithTheSameRecords() throws Exception {
        byte[] data = GoldenFiles.bytes("forward-compatible");
        byte[] again = reencode(data);
        List<TraceRecord> before = new java.util.ArrayList<>();
        List<TraceRecord> after = new java.util.ArrayList<>();
        TraceReader.read(new java.io.ByteArrayInputStream(data), "a", (r, l) -> before.add(r));
        TraceReader.read(new java.io.ByteArrayInputStream(again), "b", (r, l) -> after.add(r));
        assertEquals(3, after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(fieldsWithoutOffset(before.get(i)), fieldsWithoutOffset(after.get(i)));
        }
    }

    private static String fieldsWithoutOffset(TraceRecord r) {
        return RecordText.of(r).replaceFirst("offset=\\d+", "");
    }

    static byte[] reencode(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceWriter writer = new TraceWriter(out)) {
            TraceReader.read(new java.io.ByteArrayInputStream(data), "golden", new TraceListener() {
                @Override
                public void onHeader(TraceHeader header) {
                    write(() -> writer.writeHeader(header));
                }

                @Override
                public void onRecord(TraceRecord record, int length) {
                    write(() -> writer.write(record));
                }
            });
        }
        return out.toByteArray();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
