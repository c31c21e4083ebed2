package dev.wpuscope.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/** File › Open Recent: the files opened last, remembered in the preferences. */
final class RecentMenu {
    private final Menu menu;
    private final UserPreferences preferences;
    private final RecentFiles recent;
    private final Consumer<Path> open;

    RecentMenu(Menu menu, UserPreferences preferences, Consumer<Path> open) {
        this.menu = menu;
        this.preferences = preferences;
        this.recent = preferences.recentFiles();
        this.open = open;
        rebuild();
    }

    void remember(Path file) {
        recent.add(file.toAbsolutePath().toString());
        preferences.setRecentFiles(recent);
        rebuild();
    }

    void forget(Path file) {
        recent.remove(file.toAbsolutePath().toString());
        preferences.setRecentFiles(recent);
        rebuild();
    }

    private void rebuild() {
        menu.getItems().clear();
        for (String path : recent.paths()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> open.accept(Path.of(path)));
            menu.getItems().add(item);
        }
        menu.setDisable(recent.paths().isEmpty());
    }
}
