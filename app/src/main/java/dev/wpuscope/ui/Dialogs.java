package dev.wpuscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Modal message dialogs styled like the main window. */
public final class Dialogs {

    private Dialogs() {
    }

    public static void showError(Window owner, String title, Throwable problem) {
        if (System.getenv("WPUSCOPE_DEBUG") != null) {
            problem.printStackTrace();
        }
        show(owner, Alert.AlertType.ERROR, title, UserMessages.describe(problem));
    }

    public static void show(Window owner, Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner);
        alert.setTitle("wpuscope");
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(560);
        alert.getDialogPane().setContent(text);
        style(owner, alert.getDialogPane());
        alert.show();
    }

    /** Asks where to save a file of {@code kind} ({@code pattern}, e.g. {@code *.csv}); null when cancelled. */
    public static java.io.File chooseSaveFile(Window owner, String title, String kind, String pattern,
                                              String initialName) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(initialName);
        return chooser.showSaveDialog(owner);
    }

    /** Gives a dialog the owner window's theme (set on its scene or on its root node). */
    public static void style(Window owner, DialogPane pane) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot() != null) {
                pane.getStylesheets().addAll(owner.getScene().getRoot().getStylesheets());
            }
        }
    }
}
