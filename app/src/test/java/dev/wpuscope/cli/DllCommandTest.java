package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code wpuscope dll}: the built DLLs' facts; bad files are one line each and exit code 2. */
class DllCommandTest {
    private static final Path BUILD = Path.of("..", "native-hook", "build");

    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "on Windows WinVerifyTrust gives the trust line")
    void printsEachBuiltDllsFacts() {
        Path x64 = BUILD.resolve("x64").resolve("wputrace.dll");
        Path x86 = BUILD.resolve("x86").resolve("sample_ifs.dll");
        assumeTrue(Files.isRegularFile(x64) && Files.isRegularFile(x86), "native-hook is not built; skipping");
        CliRun run = CliRun.of(new DllCommand(), x64.toString(), x86.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(x64 + "\n    DLL file           " + x64 + "\n                       x64 DLL\n"
                + "    File version       "), run.out());
        assertTrue(run.out().contains("    Company            wpuscope project\n"), run.out());
        assertTrue(run.out().contains(x86 + "\n    DLL file           " + x86 + "\n                       x86 DLL\n"
                + "    File version       no version resource\n"), run.out());
        assertTrue(run.out().contains("    Signature status   no embedded signature\n                       trust:"
                + " chain not checked: offline (only Windows can judge trust in a root)\n"), run.out());
    }

    @Test
    void aMissingFileAndATextFileAreOneLineEachAndExitTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.dll"), "hello");
        Path gone = dir.resolve("gone.dll");
        CliRun run = CliRun.of(new DllCommand(), gone.toString(), text.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("wpuscope: no file at " + gone + "\nwpuscope: " + text
                + ": byte offset 0 (0x0): not a PE file: no \"MZ\" signature\n", run.err());
    }
}
