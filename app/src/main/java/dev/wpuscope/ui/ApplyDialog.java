package dev.wpuscope.ui;

import dev.wpuscope.change.ApplyProgress;
import dev.wpuscope.change.ApplyReport;
import java.util.function.Function;
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

/** Runs a change of the live catalog off the FX thread (tracer install or removal, a repair), listing its steps as
 * they happen, then its outcome. */
public final class ApplyDialog extends Dialog<ApplyReport> {

    /** The change to run: reports each step and gives the applier's report. */
    @FunctionalInterface
    public interface Change {
        ApplyReport run(ApplyProgress progress) throws Exception;
    }

    private final ListView<String> steps = new ListView<>();
    private final Label outcome = new Label("Working… do not close wpuscope.");
    private final Function<ApplyReport, String> outcomeText;

    /** @param outcomeText the applier's report in one sentence, naming the backup */
    public ApplyDialog(Window owner, String title, Function<ApplyReport, String> outcomeText) {
        this.outcomeText = outcomeText;
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
    public void run(Change change, Runnable done) {
        Task<ApplyReport> task = new Task<>() {
            @Override
            protected ApplyReport call() throws Exception {
                return change.run(step -> Platform.runLater(() -> steps.getItems().add(step)));
            }
        };
        task.setOnSucceeded(event -> {
            finish(outcomeText.apply(task.getValue()));
            done.run();
        });
        task.setOnFailed(event -> finish("Could not start: " + UserMessages.describe(task.getException())
                + " Nothing was changed."));
        show();
        Daemons.start(task, "wpuscope-apply");
    }

    private void finish(String text) {
        outcome.setText(text);
        getDialogPane().lookupButton(ButtonType.CLOSE).setDisable(false);
    }
}
