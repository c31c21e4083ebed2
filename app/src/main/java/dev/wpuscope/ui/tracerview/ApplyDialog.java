package dev.wpuscope.ui.tracerview;

import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import dev.wpuscope.ui.Daemons;
import dev.wpuscope.ui.Dialogs;
import dev.wpuscope.ui.UserMessages;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Runs an install or removal off the FX thread, listing its steps as they happen, then its outcome. */
final class ApplyDialog extends Dialog<ApplyReport> {

    /** The change to run: reports each step and gives the applier's report. */
    @FunctionalInterface
    interface Change {
        ApplyReport run(ApplyProgress progress) throws Exception;
    }

    private final ListView<String> steps = new ListView<>();
    private final Label outcome = new Label("Working… do not close wpuscope.");

    ApplyDialog(Window owner, String title) {
        initOwner(owner);
        setTitle("wpuscope");
        setHeaderText(title);
        setResizable(true);
        Dialogs.style(owner, getDialogPane());
        getDialogPane().getStyleClass().add("tracer-apply");
        outcome.getStyleClass().add("apply-outcome");
        outcome.setWrapText(true);
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(steps, Priority.ALWAYS);
        VBox box = new VBox(8, progress, steps, outcome);
        box.setPrefSize(760, 420);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setDisable(true);
        setOnCloseRequest(event -> {
            if (getDialogPane().lookupButton(ButtonType.CLOSE).isDisabled()) {
                event.consume();
            }
        });
        outcome.textProperty().addListener((obs, old, text) -> progress.setVisible(text.startsWith("Working")));
    }

    /** Shows the dialog and runs the change on a background thread; {@code done} runs on the FX thread after. */
    void run(Change change, Runnable done) {
        Task<ApplyReport> task = new Task<>() {
            @Override
            protected ApplyReport call() throws Exception {
                return change.run(step -> Platform.runLater(() -> steps.getItems().add(step)));
            }
        };
        task.setOnSucceeded(event -> {
            finish(LiveTracer.outcomeText(task.getValue()));
            done.run();
        });
        task.setOnFailed(event -> finish("Could not start: " + UserMessages.describe(task.getException())
                + " Nothing was changed."));
        show();
        Daemons.start(task, "wpuscope-tracer-apply");
    }

    private void finish(String text) {
        outcome.setText(text);
        getDialogPane().lookupButton(ButtonType.CLOSE).setDisable(false);
    }
}
