package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.WindowMatchers.isShowing;

import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole main window as ./wpuscope opens it: example data, status bar, theme, shortcuts. */
@ExtendWith(ApplicationExtension.class)
class WpuscopeAppTest {
    private static final Preferences TESTS = Preferences.userRoot().node("dev/wpuscope/test-app");
    private final Preferences node = TESTS.node(Long.toString(System.nanoTime()));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WpuscopeApp(new UserPreferences(node), ExampleData.fromSystemProperty()).start(stage);
    }

    @AfterAll
    static void removePreferences() throws Exception {
        TESTS.removeNode();
    }

    @Test
    void opensWithTheExampleCatalogLabelledAsExample(FxRobot robot) throws Exception {
        verifyThat(stage, isShowing());
        Label source = robot.lookup("#sourceStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> source.getText().startsWith("Example: Registry export"));
        assertTrue(robot.lookup(".example-banner").queryAll().stream().anyMatch(javafx.scene.Node::isVisible));
        assertTrue(robot.lookup("Diagnostics (1 error, 15 warnings, 8 notes)").tryQuery().isPresent());
    }

    @Test
    void theWindowHasTheIconInEverySize() {
        assertEquals(WpuscopeApp.ICON_SIZES.length, stage.getIcons().size());
        for (int i = 0; i < WpuscopeApp.ICON_SIZES.length; i++) {
            javafx.scene.image.Image icon = stage.getIcons().get(i);
            assertFalse(icon.isError(), "icon " + WpuscopeApp.ICON_SIZES[i] + " does not load");
            assertEquals(WpuscopeApp.ICON_SIZES[i], icon.getWidth());
            assertEquals(WpuscopeApp.ICON_SIZES[i], icon.getHeight());
        }
    }

    @Test
    void shortcutsSwitchViewsAndTheme(FxRobot robot) {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT2)
                .release(javafx.scene.input.KeyCode.DIGIT2, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Live Traffic", tabs.getSelectionModel().getSelectedItem().getText());
        Parent root = stage.getScene().getRoot();
        assertTrue(root.getStylesheets().get(0).endsWith("theme-light.css"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.T)
                .release(javafx.scene.input.KeyCode.T, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(root.getStylesheets().get(0).endsWith("theme-dark.css"));
        assertEquals(Theme.DARK, new UserPreferences(node).theme());
    }
}
