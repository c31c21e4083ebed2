package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.netsh.NetshCatalogParser;
import java.util.Arrays;

/**
 * The netsh reader on arbitrary bytes: it returns a snapshot or throws its own {@link CatalogReadException}
 * naming the file, nothing else. Seeds: NetshParserFuzzTestInputs/readsOrRejectsAnyBytes (written for this test).
 * Regression runs use the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class NetshParserFuzzTest {
    private static final String LOCATION = "fuzz.txt";

    @FuzzTest(maxDuration = "60s")
    void readsOrRejectsAnyBytes(byte[] data) {
        new NetshCatalogFormat().recognizes(Arrays.copyOf(data, Math.min(data.length, 4096)));
        try {
            CatalogSnapshot snapshot = NetshCatalogParser.parse(LOCATION, data);
            for (String warning : snapshot.warnings()) {
                assertTrue(warning.startsWith(LOCATION + ":"), warning);
            }
        } catch (CatalogReadException e) {
            assertTrue(e.getMessage().startsWith(LOCATION + ":"), e.getMessage());
        }
    }
}
