package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.ExampleFiles;
import dev.wpuscope.ui.LocalDlls;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code wpuscope catalog --files}: the DLLs' details when they are on this machine, else why not. */
class ProviderFilesWriterTest {

    private static String write(CatalogSnapshot snapshot, dev.wpuscope.platform.ProviderFileCheck files) {
        StringWriter out = new StringWriter();
        new ProviderFilesWriter(new PrintWriter(out), files).write(snapshot);
        return out.toString();
    }

    @Test
    void aCatalogFileSaysItsDllsAreNotRead() throws Exception {
        CatalogSnapshot snapshot = ExampleFiles.readExampleCatalog();
        String text = write(snapshot, FileChecks.forSnapshot(snapshot));
        assertEquals("\nProvider DLL files: not read: the catalog was read from a file (Registry export (.reg)); DLLs can"
                + " only be checked on the machine it came from\n", text);
    }

    @Test
    void dllsOnThisMachineAreListedOncePerPathWithTheirDetails() throws Exception {
        CatalogSnapshot snapshot = ExampleFiles.readExampleCatalog();
        LocalDlls files = LocalDlls.builtTracer();
        String text = write(snapshot, files);
        assertTrue(text.contains("Provider DLL files of the 64-bit catalog ("), text);
        assertTrue(text.contains("  %ProgramFiles%\\Fabrikam\\Shaper\\fbshaper.dll\n    DLL file           " + files.dll()
                + "\n                       x64 DLL\n    File version       "), text);
        assertTrue(text.contains("    Company            wpuscope project\n"), text);
        assertTrue(text.contains("    Signer             not signed\n"), text);
        assertTrue(text.contains("x64 DLL — a 64-bit image in the 32-bit catalog"), text);
        long paths = snapshot.catalogs().values().stream().mapToLong(c -> c.entries().stream()
                .map(e -> e.providerPath()).distinct().count()).sum();
        assertEquals(paths, files.checks(), "each distinct path of each catalog is read once");
    }
}
