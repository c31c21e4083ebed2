package dev.wpuscope.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: the main window with the Catalog and Live Traffic views. */
public final class WpuscopeApp extends Application {
    private static final double DEFAULT_WIDTH = 1560;
    private static final double DEFAULT_HEIGHT = 940;
    /** The sizes of the window icon in the jar (rendered from resources/icons/wpuscope.svg). */
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private final UserPreferences preferences;
    private final ExampleData examples;
    private MainWindowController controller;

    /** The real application: the user's preferences and the repository's example data. */
    public WpuscopeApp() {
        this(UserPreferences.forUser(), ExampleData.fromSystemProperty());
    }

    public WpuscopeApp(UserPreferences preferences, ExampleData examples) {
        this.preferences = preferences;
        this.examples = examples;
    }

    public static void launchGui() {
        Application.launch(WpuscopeApp.class);
    }

    @Override
    public void start(Stage stage) {
        FXMLLoader loader = new FXMLLoader(WpuscopeApp.class.getResource("MainWindow.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException broken) {
            throw new UncheckedIOException("the main window's FXML does not load", broken);
        }
        controller = loader.getController();
        controller.init(stage, preferences, examples);
        stage.setTitle("wpuscope — Winsock catalog and upcall inspector");
        stage.getIcons().setAll(windowIcons());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root,
                preferences.number("window.width", Math.min(DEFAULT_WIDTH, screen.getWidth() * 0.95)),
                preferences.number("window.height", Math.min(DEFAULT_HEIGHT, screen.getHeight() * 0.92))));
        restoreLayout(stage);
        stage.setOnHidden(event -> saveLayout(stage));
        stage.show();
        controller.openStartupData();
    }

    /** The window icon in every size the jar carries. */
    static List<Image> windowIcons() {
        return Arrays.stream(ICON_SIZES).mapToObj(size -> "icons/wpuscope-" + size + ".png")
                .map(name -> new Image(WpuscopeApp.class.getResource(name).toExternalForm()))
                .toList();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.stop();
        }
    }

    /** Puts the window where it was, if that place is still on a screen. */
    private void restoreLayout(Stage stage) {
        double x = preferences.number("window.x", Double.NaN);
        double y = preferences.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(preferences.flag("window.maximized", false));
        for (Map.Entry<String, SplitPane> split : controller.rememberedSplits().entrySet()) {
            double[] positions = split.getValue().getDividerPositions();
            for (int i = 0; i < positions.length; i++) {
                positions[i] = preferences.number("split." + split.getKey() + "." + i, positions[i]);
            }
            split.getValue().setDividerPositions(positions);
        }
    }

    private void saveLayout(Stage stage) {
        preferences.setFlag("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            preferences.setNumber("window.x", stage.getX());
            preferences.setNumber("window.y", stage.getY());
            preferences.setNumber("window.width", stage.getScene().getWidth());
            preferences.setNumber("window.height", stage.getScene().getHeight());
        }
        for (Map.Entry<String, SplitPane> split : controller.rememberedSplits().entrySet()) {
            double[] positions = split.getValue().getDividerPositions();
            for (int i = 0; i < positions.length; i++) {
                preferences.setNumber("split." + split.getKey() + "." + i, positions[i]);
            }
        }
        preferences.flush();
    }
}
