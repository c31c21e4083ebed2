package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In a checkout without the native build, "Demo traffic" explains what is missing instead of failing. */
@ExtendWith(ApplicationExtension.class)
class DemoTrafficDialogTest {
    private static final Preferences TESTS = Preferences.userRoot().node("dev/wpuscope/test-demo");

    @Start
    void start(Stage stage) throws Exception {
        Path emptyCheckout = Files.createTempDirectory("wpuscope-empty-checkout");
        new WpuscopeApp(new UserPreferences(TESTS.node(Long.toString(System.nanoTime()))),
                new ExampleData(emptyCheckout.resolve("resources"))).start(stage);
    }

    @AfterAll
    static void removePreferences() throws Exception {
        TESTS.removeNode();
    }

    @Test
    void demoTrafficSaysWhatIsMissing(FxRobot robot) {
        assertTrue(robot.lookup("No catalog open").tryQuery().isPresent());
        robot.clickOn("#demoButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Demo traffic cannot start here").tryQuery().isPresent());
        assertTrue(robot.lookup(node -> node instanceof javafx.scene.control.Label label
                && label.getText() != null && label.getText().contains("wpuhost.exe")
                && label.getText().contains("./setup.sh")).tryQuery().isPresent());
    }
}
