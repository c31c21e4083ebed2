package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.pe.PeFileFacts;
import dev.wpuscope.catalog.pe.PeMachine;
import dev.wpuscope.platform.ProviderFileDetails;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Path resolution of the live file check, with a fake environment and file set (runs everywhere). */
class WindowsProviderFileCheckTest {

    static final Map<String, String> ENV = Map.of("SystemRoot", "C:\\Windows", "ProgramFiles", "C:\\Program Files");

    static WindowsProviderFileCheck check(boolean jvm64, boolean windows64) {
        Set<String> files = Set.of("C:\\Windows\\System32\\mswsock.dll", "C:\\Windows\\SysWOW64\\mswsock.dll");
        return new WindowsProviderFileCheck(ENV, jvm64, windows64, files::contains);
    }

    @Test
    void expandsVariablesCaseInsensitivelyAndKeepsUnknownOnes() {
        WindowsProviderFileCheck c = check(true, true);
        assertEquals("C:\\Windows\\System32\\mswsock.dll", c.resolve("%SYSTEMROOT%\\System32\\mswsock.dll", Bitness.X64));
        assertEquals("C:\\Program Files\\x\\lsp.dll", c.resolve("%ProgramFiles%\\x\\lsp.dll", Bitness.X64));
        assertEquals("%NOPE%\\lsp.dll", c.resolve("%NOPE%\\lsp.dll", Bitness.X64));
    }

    @Test
    void thirtyTwoBitCatalogOnSixtyFourBitWindowsLoadsFromSysWow64() {
        WindowsProviderFileCheck c = check(true, true);
        assertEquals("C:\\Windows\\SysWOW64\\mswsock.dll", c.resolve("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86));
        assertEquals("C:\\Windows\\SysWOW64\\lsp.dll", c.resolve("C:\\Windows\\SysWOW64\\lsp.dll", Bitness.X86));
        assertEquals("C:\\Program Files\\x.dll", c.resolve("C:\\Program Files\\x.dll", Bitness.X86));
        assertTrue(c.check("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86).exists());
    }

    @Test
    void thirtyTwoBitJvmLooksAtSysnativeForTheSixtyFourBitCatalog() {
        WindowsProviderFileCheck c = check(false, true);
        assertEquals("C:\\Windows\\Sysnative\\mswsock.dll", c.resolve("%SystemRoot%\\system32\\mswsock.dll", Bitness.X64));
        assertEquals("C:\\Windows\\SysWOW64\\mswsock.dll", c.resolve("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86));
    }

    @Test
    void thirtyTwoBitWindowsHasNoRedirection() {
        WindowsProviderFileCheck c = check(false, false);
        assertEquals("C:\\Windows\\system32\\mswsock.dll", c.resolve("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86));
    }

    @Test
    void bareFileNameIsLoadedFromTheSystemDirectory() {
        WindowsProviderFileCheck c = check(true, true);
        assertEquals("C:\\Windows\\System32\\mswsock.dll", c.resolve("mswsock.dll", Bitness.X64));
        assertEquals("C:\\Windows\\SysWOW64\\mswsock.dll", c.resolve("mswsock.dll", Bitness.X86));
        assertFalse(c.check("gone.dll", Bitness.X64).exists());
        assertTrue(c.unavailableReason().isEmpty());
    }

    /** On real Windows: mswsock.dll, which every base provider names, exists for both catalogs. */
    @Test
    @Tag("windows")
    @EnabledOnOs(OS.WINDOWS)
    void mswsockExistsOnThisMachine() {
        WindowsProviderFileCheck c = WindowsProviderFileCheck.forThisProcess();
        assertTrue(c.check("%SystemRoot%\\system32\\mswsock.dll", Bitness.X64).exists());
        assertTrue(c.check("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86).exists());
        assertFalse(c.check("%SystemRoot%\\system32\\no-such-provider.dll", Bitness.X64).exists());
    }

    /**
     * On real Windows: mswsock.dll's facts come from the right file for each catalog (SysWOW64 for the 32-bit
     * one); it has no embedded signature, and WinVerifyTrust trusts it through the security catalog that lists it.
     */
    @Test
    @Tag("windows")
    @EnabledOnOs(OS.WINDOWS)
    void mswsockDetailsForBothCatalogs() {
        WindowsProviderFileCheck c = WindowsProviderFileCheck.forThisProcess();
        ProviderFileDetails x64 = c.details("%SystemRoot%\\system32\\mswsock.dll", Bitness.X64);
        PeFileFacts facts = x64.facts().orElseThrow(() -> new AssertionError(x64.problem()));
        assertEquals(PeMachine.X64, facts.machine());
        assertEquals(Optional.of("Microsoft Corporation"), facts.version().orElseThrow().companyName());
        assertTrue(facts.signature().isEmpty(), "Windows' own DLLs are catalog-signed");
        assertTrue(x64.trust().startsWith("trusted by Windows") && x64.trust().contains("through security catalog"),
                x64.trust());
        ProviderFileDetails x86 = c.details("%SystemRoot%\\system32\\mswsock.dll", Bitness.X86);
        assertEquals(PeMachine.X86, x86.facts().orElseThrow().machine());
        assertTrue(x86.resolvedPath().toLowerCase().contains("syswow64"), x86.resolvedPath());
    }

    /** On real Windows: a file that is not there has no facts and no verdict. */
    @Test
    @Tag("windows")
    @EnabledOnOs(OS.WINDOWS)
    void aMissingProviderHasNoDetails() {
        ProviderFileDetails gone = WindowsProviderFileCheck.forThisProcess()
                .details("%SystemRoot%\\system32\\no-such-provider.dll", Bitness.X64);
        assertTrue(gone.facts().isEmpty());
        assertTrue(gone.problem().orElseThrow().startsWith("no file at "));
    }
}
