package dev.wpuscope.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.model.Bitness;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
