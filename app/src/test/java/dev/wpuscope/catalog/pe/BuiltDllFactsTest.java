package dev.wpuscope.catalog.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader on the real DLLs and executables the mingw-w64 build makes. */
class BuiltDllFactsTest {

    @ParameterizedTest
    @CsvSource({"x64, X64", "x86, X86"})
    void wputraceHasItsVersionResource(String arch, PeMachine machine) throws Exception {
        PeFileFacts facts = PeFileReader.read(BuiltBinaries.file(arch, "wputrace.dll"));
        String version = BuiltBinaries.tracerVersion();
        assertEquals(machine, facts.machine());
        assertTrue(facts.dll());
        VersionInfo info = facts.version().orElseThrow();
        assertEquals(Optional.of(version + ".0"), info.fileVersion());
        assertEquals(Optional.of(version + ".0"), info.productVersion());
        assertEquals(Optional.of(version), info.fileVersionText());
        assertEquals(Optional.of("wpuscope project"), info.companyName());
        assertEquals(Optional.of("wpuscope"), info.productName());
        assertEquals(Optional.of("wputrace.dll"), info.originalFilename());
        assertTrue(info.fileDescription().orElseThrow().contains("tracing layered service provider"));
        assertEquals(Optional.empty(), facts.signature());
        assertEquals("not signed", facts.signatureSummary());
    }

    @ParameterizedTest
    @CsvSource({"x64, sample_ifs.dll, x64 DLL", "x86, sample_nonifs.dll, x86 DLL",
            "x64, wpuhost.exe, x64 executable (not a DLL)", "x86, wpuhost.exe, x86 executable (not a DLL)"})
    void filesWithoutAVersionResourceSayOnlyWhatTheyAre(String arch, String name, String kind) throws Exception {
        PeFileFacts facts = PeFileReader.read(BuiltBinaries.file(arch, name));
        assertEquals(kind, facts.imageKind());
        assertFalse(facts.version().isPresent());
        assertFalse(facts.signature().isPresent());
    }
}
