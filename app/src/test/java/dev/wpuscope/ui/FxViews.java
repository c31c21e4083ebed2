package dev.wpuscope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Loads one view's FXML into a test stage with the light theme. */
public final class FxViews {

    private FxViews() {
    }

    public static <C> C show(Stage stage, String fxml, double width, double height) {
        FXMLLoader loader = new FXMLLoader(WpuscopeApp.class.getResource(fxml));
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
            stage.setScene(scene);
            stage.show();
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
        return loader.getController();
    }
}
