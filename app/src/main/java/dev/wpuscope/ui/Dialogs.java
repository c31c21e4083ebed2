package dev.wpuscope.ui;

import javafx.scene.control.Alert;
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
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        alert.show();
    }
}
