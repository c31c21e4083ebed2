package dev.wpuscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class WpuscopeApp extends Application {

    public static void launchGui() {
        Application.launch(WpuscopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("wpuscope");
        stage.setScene(new Scene(new Label("wpuscope"), 900, 600));
        stage.show();
    }
}
