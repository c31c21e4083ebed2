package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.text.Printable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters in input never reach the terminal: every message quoting input shows them escaped. */
class ControlBytesInInputTest {

    @TempDir
    Path dir;

    @Test
    void aRegLineWithEscapeSequencesIsQuotedEscaped() throws Exception {
        Path reg = dir.resolve("evil.reg");
        Files.writeString(reg, "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WinSock2\\"
                + "Parameters\\Protocol_Catalog9\\Catalog_Entries\\000000000001]\r\n"
                + "\"PackedCatalogItem\"=hex:01,\u001b[2J\u001b[31m,\u0002\u001c\u007f\u009b\u202e\r\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of(new WpuscopeCommand(), "catalog", reg.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("bad hex byte \"\\x1b[2J\\x1b[31m\""), run.err());
        assertNoControlCharacters(run.out() + run.err());
    }

    @Test
    void escapingKeepsLettersAndPathsAndShowsEveryControlCharacter() {
        assertEquals("C:\\Windows\\Système32\\日本.dll", Printable.escape("C:\\Windows\\Système32\\日本.dll"));
        assertEquals("a\\x1b[2Jb\\x02\\x1c\\x7f\\x9b\\u202e\\x0a", Printable.escape("a\u001b[2Jb\u0002\u001c\u007f\u009b\u202e\n"));
    }

    /** Line breaks and tabs only: no ESC, no other C0 or C1 control, no DEL, no bidirectional override. */
    static void assertNoControlCharacters(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            int at = i;
            assertFalse(c != '\n' && c != '\r' && c != '\t' && !Printable.isPrintable(c),
                    () -> "character " + (int) c + " at " + at + " in: " + output);
        }
    }
}
