package dev.wpuscope.ui.tracerview;

import dev.wpuscope.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** An empty themed window that the tracer dialogs under test belong to. */
final class EmptyWindow {

    private EmptyWindow() {
    }

    static Stage show(Stage window) {
        Scene scene = new Scene(new StackPane(), 300, 200);
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        window.setScene(scene);
        window.show();
        return window;
    }
}
