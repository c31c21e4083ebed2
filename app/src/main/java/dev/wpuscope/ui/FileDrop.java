package dev.wpuscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Makes a node accept files dropped on it; each dropped file goes to {@code open}. */
public final class FileDrop {
    private static final String TARGET_STYLE = "drop-target";

    private FileDrop() {
    }

    public static void install(Node node, Consumer<Path> open) {
        node.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                if (!node.getStyleClass().contains(TARGET_STYLE)) {
                    node.getStyleClass().add(TARGET_STYLE);
                }
            }
            event.consume();
        });
        node.addEventHandler(DragEvent.DRAG_EXITED, event -> node.getStyleClass().remove(TARGET_STYLE));
        node.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean done = event.getDragboard().hasFiles();
            if (done) {
                for (File file : event.getDragboard().getFiles()) {
                    open.accept(file.toPath());
                }
            }
            node.getStyleClass().remove(TARGET_STYLE);
            event.setDropCompleted(done);
            event.consume();
        });
    }
}
