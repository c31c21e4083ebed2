package dev.wpuscope.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import dev.wpuscope.platform.ProviderFileDescription.Line;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines people read about a DLL, on the project's small signed test DLL (see catalog/pe/README.md). */
class ProviderFileDescriptionTest {

    @TempDir
    Path dir;

    private Path signedTestDll() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/wpuscope/catalog/pe/tiny-signed.pe")) {
            Path file = dir.resolve("lsp.dll");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void aSignedDllInTheWrongCatalogIsDescribedLineByLine() throws Exception {
        Path dll = signedTestDll();
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus(dll.toString(), true),
                TrustCheck.OFFLINE);
        List<Line> lines = ProviderFileDescription.of(details, Bitness.X86);
        assertEquals(List.of(
                new Line("DLL file", dll + "\nx64 DLL — a 64-bit image in the 32-bit catalog: its processes cannot"
                        + " load it"),
                new Line("File version", "1.2.3.4"),
                new Line("File description", "not in the version resource"),
                new Line("Company", "Fuzz Corp"),
                new Line("Product", "not in the version resource"),
                new Line("Original file name", "not in the version resource")),
                lines.subList(0, 6));
        String signer = lines.get(6).value();
        assertEquals("Signer", lines.get(6).name());
        assertEquals("wpuscope fuzz seed\nsubject O=wpuscope tests,CN=wpuscope fuzz seed\nissuer O=wpuscope"
                + " tests,CN=wpuscope fuzz seed", signer.substring(0, signer.indexOf("\nvalid ")));
        assertEquals(new Line("Signature status", "image digest matches (SHA-256)\nsigner signature verifies"
                + " (SHA256withECDSA)\ntrust: chain not checked: offline (only Windows can judge trust in a root)"),
                lines.get(7));
    }

    @Test
    void aMissingFileIsTwoLines() {
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus("C:\\gone.dll", false),
                TrustCheck.OFFLINE);
        assertEquals(List.of(new Line("DLL file", "no file at C:\\gone.dll"),
                new Line("Signature status", "not checked: no file")), ProviderFileDescription.of(details, Bitness.X64));
    }
}
