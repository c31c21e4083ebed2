package dev.wpuscope.bench;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import dev.wpuscope.catalog.source.reg.SyntheticCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Catalog reading on a synthetic 1,000-entry export (500 entries in each of the 64-bit and 32-bit catalogs,
 * regedit's UTF-16 text, each PackedCatalogItem made by the project's encoder). Run with
 * {@code mvn -pl app -Pbench test-compile exec:exec -Dbench=CatalogBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogBenchmark {

    /** Entries in each of the two catalogs of the export. */
    public static final int ENTRIES_PER_CATALOG = 500;

    private byte[] export;
    private byte[] snapshotJson;

    @Setup
    public void generate() throws CatalogReadException {
        export = SyntheticCatalog.utf16(SyntheticCatalog.export(SyntheticCatalog.large(ENTRIES_PER_CATALOG)));
        snapshotJson = SnapshotJson.write(readRegExport());
    }

    /** The .reg export (about 1.2 MB of UTF-16 text) into a snapshot: parse, decode, order, resolve. */
    @Benchmark
    public CatalogSnapshot readRegExport() throws CatalogReadException {
        return new RegExportFormat().read(export, "bench.reg");
    }

    @Benchmark
    public CatalogSnapshot readSnapshotJson() throws CatalogReadException {
        return SnapshotJson.read(snapshotJson, "bench.json");
    }
}
