package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.diagnose.CatalogDiagnostics;
import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import dev.wpuscope.platform.ProviderFileCheck;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own example data, read through the real readers (the build sets wpuscope.root). */
public final class ExampleFiles {

    /** How the GUI treats DLLs of a catalog read from a file. */
    public static final ProviderFileCheck OFFLINE_FILES = ProviderFileCheck.unavailable(
            "offline catalog: the DLL is on the customer's machine");

    private ExampleFiles() {
    }

    public static ExampleData examples() {
        return ExampleData.fromSystemProperty();
    }

    public static Path exampleCatalog() {
        return examples().catalog().orElseThrow(() -> new AssertionError(
                "resources/examples/example-catalog.reg is missing (wpuscope.root=" + System.getProperty("wpuscope.root")
                        + ")"));
    }

    public static CatalogSnapshot readExampleCatalog() throws Exception {
        return new RegExportFormat().read(exampleCatalog());
    }

    public static Diagnosis diagnose(CatalogSnapshot snapshot) {
        return CatalogDiagnostics.standard().diagnose(snapshot, ProviderFileCheck.unavailable("test"));
    }

    /** Detail rows by field name. */
    public static java.util.Map<String, String> byName(java.util.List<DetailRow> rows) {
        return rows.stream().collect(java.util.stream.Collectors.toMap(DetailRow::name, DetailRow::value));
    }

    /** A file of the third-party samples; skips the test when ../shared is absent. */
    public static Path sharedSample(String relative) {
        String shared = System.getProperty("wpuscope.shared");
        Path file = shared == null ? null : Path.of(shared, "samples", relative);
        assumeTrue(file != null && Files.isRegularFile(file), "shared samples absent: " + relative);
        return file;
    }
}
