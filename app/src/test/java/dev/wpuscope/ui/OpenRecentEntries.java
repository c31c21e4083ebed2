package dev.wpuscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

/** The entries of the main window's File › Open Recent, for tests and benchmarks that open files as a user does. */
public final class OpenRecentEntries {

    private OpenRecentEntries() {
    }

    /** The entries, most recent first. */
    public static List<MenuItem> of(Scene mainWindow) {
        MenuBar bar = (MenuBar) mainWindow.lookup(".menu-bar");
        return bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> item instanceof Menu && item.getText().replace("_", "").equals("Open Recent"))
                .map(Menu.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("the main window has no File › Open Recent"))
                .getItems();
    }

    /** The entry that opens {@code file}. */
    public static MenuItem of(Scene mainWindow, Path file) {
        return of(mainWindow).stream().filter(item -> item.getText().equals(file.toString())).findFirst()
                .orElseThrow(() -> new IllegalStateException("File › Open Recent does not offer " + file));
    }
}
