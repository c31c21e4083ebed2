package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recent files, remembered preferences, readable error messages, file-kind detection, demo prerequisites. */
class PreferencesAndMessagesTest {

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndBounded() {
        RecentFiles recent = new RecentFiles(List.of("b", "a"));
        recent.add("a");
        assertEquals(List.of("a", "b"), recent.paths());
        for (int i = 0; i < 20; i++) {
            recent.add("f" + i);
        }
        assertEquals(RecentFiles.LIMIT, recent.paths().size());
        assertEquals("f19", recent.paths().get(0));
        recent.remove("f19");
        assertEquals("f18", recent.paths().get(0));
    }

    @Test
    void preferencesRememberThemeRecentFilesAndNumbers() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/wpuscope/test/" + System.nanoTime());
        try {
            UserPreferences prefs = new UserPreferences(node);
            assertEquals(Theme.LIGHT, prefs.theme());
            prefs.setTheme(Theme.DARK);
            prefs.setNumber("window.width", 1234);
            RecentFiles recent = new RecentFiles(List.of());
            recent.add("/tmp/one.reg");
            recent.add("/tmp/two.wputrace");
            prefs.setRecentFiles(recent);
            UserPreferences again = new UserPreferences(node);
            assertEquals(Theme.DARK, again.theme());
            assertEquals(1234, again.number("window.width", 0));
            assertEquals(List.of("/tmp/two.wputrace", "/tmp/one.reg"), again.recentFiles().paths());
            node.put("theme", "PURPLE");
            assertEquals(Theme.LIGHT, again.theme());
        } finally {
            node.removeNode();
        }
    }

    @Test
    void messagesAreTheReadersOwnOrAPlainInternalErrorLine() {
        assertEquals("x.reg:3: bad value", UserMessages.describe(CatalogReadException.atLine("x.reg", 3, "bad value")));
        assertEquals("/nope: no such file", UserMessages.describe(new NoSuchFileException("/nope")));
        String internal = UserMessages.describe(new IllegalStateException("boom"));
        assertTrue(internal.startsWith("Unexpected internal error (IllegalStateException: boom)"));
        assertFalse(internal.contains("\tat "));
    }

    @Test
    void capturesAreToldFromCatalogsByTheirMagic(@TempDir Path dir) throws Exception {
        Path golden = Path.of(System.getProperty("wpuscope.root"), "resources", "trace-format", "golden",
                "basic.wputrace");
        assertTrue(Sources.isCapture(golden));
        assertFalse(Sources.isCapture(ExampleFiles.exampleCatalog()));
        Path empty = Files.createFile(dir.resolve("empty"));
        assertFalse(Sources.isCapture(empty));
    }

    @Test
    void unknownFilesGetOneClearError(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Exception error = org.junit.jupiter.api.Assertions.assertThrows(CatalogReadException.class,
                () -> new Sources(ThisMachine.detect()).readCatalog(text));
        assertTrue(error.getMessage().startsWith(text + ": not a catalog file wpuscope knows"), error.getMessage());
    }

    @Test
    void demoTrafficNamesWhatIsMissingAndHowToGetIt(@TempDir Path emptyRepo) {
        DemoTraffic demo = new DemoTraffic(emptyRepo, Map.of("PATH", emptyRepo.toString()));
        List<String> missing = demo.missing();
        assertEquals(2, missing.size());
        assertTrue(missing.get(0).startsWith("Wine is not installed"), missing.get(0));
        assertTrue(missing.get(1).contains("wpuhost.exe, wputrace.dll, sample_lsp.dll, sample_nonifs.dll missing"), missing.get(1));
        assertTrue(missing.get(1).contains("./setup.sh"));
        assertEquals("Z:\\tmp\\a b\\c.wputrace", DemoTraffic.winePath(Path.of("/tmp/a b/c.wputrace")));
    }
}
