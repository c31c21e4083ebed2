package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wpuscope.bench.ConversationCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Open of a capture in the main window (through Open Recent, which opens as File › Open does): the rows show
 * while the file is read, and opening another capture stops reading the first, which then neither replaces the one
 * shown nor becomes the most recent file.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureOpeningTest {
    private static final Preferences TESTS = Preferences.userRoot().node("dev/wpuscope/test-open");
    private static final int BIG_CALLS = 300_000;
    private static final int SMALL_CALLS = 1_202;
    private static Path dir;
    private static Path big;
    private static Path small;
    private Stage stage;

    @BeforeAll
    static void writeCaptures() throws Exception {
        dir = Files.createTempDirectory("wpuscope-open-test");
        big = dir.resolve("big.wputrace");
        small = dir.resolve("small.wputrace");
        ConversationCapture.write(big, BIG_CALLS);
        ConversationCapture.write(small, SMALL_CALLS);
    }

    @AfterAll
    static void removeFiles() throws Exception {
        TESTS.removeNode();
        Files.delete(big);
        Files.delete(small);
        Files.delete(dir);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        UserPreferences preferences = new UserPreferences(TESTS.node(Long.toString(System.nanoTime())));
        preferences.setRecentFiles(new RecentFiles(List.of(small.toString(), big.toString())));
        new WpuscopeApp(preferences, new ExampleData(dir.resolve("no-examples"))).start(stage);
    }

    @Test
    void aCaptureShowsAllItsRowsWhenReadAndBecomesTheMostRecentFile(FxRobot robot) throws Exception {
        robot.interact(() -> OpenRecentEntries.of(stage.getScene(), big).fire());
        waitUntilRead(big, BIG_CALLS);
        robot.interact(() -> assertEquals(big.toString(), OpenRecentEntries.of(stage.getScene()).get(0).getText()));
    }

    @Test
    void openingAnotherCaptureStopsReadingTheFirst(FxRobot robot) throws Exception {
        robot.interact(() -> {
            OpenRecentEntries.of(stage.getScene(), big).fire();
            OpenRecentEntries.of(stage.getScene(), small).fire();
        });
        waitUntilRead(small, SMALL_CALLS);
        // long enough for the big capture to be read, had its reading gone on
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        robot.interact(() -> {
            assertEquals(small.toString(), sourceLabel().getText());
            assertFalse(node("#progressBox").isVisible());
            assertEquals(small.toString(), OpenRecentEntries.of(stage.getScene()).get(0).getText());
        });
    }

    /** Waits until the status bar names {@code file}, its last call is in the table and the progress bar is gone. */
    private void waitUntilRead(Path file, int calls) throws Exception {
        TableView<?> table = (TableView<?>) node("#eventTable");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> sourceLabel().getText().equals(file.toString()) && table.getItems().contains(calls - 1)
                        && !node("#progressBox").isVisible()).get());
    }

    private Label sourceLabel() {
        return (Label) node("#sourceStatus");
    }

    private Node node(String selector) {
        return stage.getScene().lookup(selector);
    }
}
