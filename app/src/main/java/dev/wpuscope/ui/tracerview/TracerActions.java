package dev.wpuscope.ui.tracerview;

import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.tracer.InstallPlan;
import dev.wpuscope.tracer.PlanText;
import dev.wpuscope.tracer.TracerDlls;
import dev.wpuscope.ui.ApplyDialog;
import dev.wpuscope.ui.Daemons;
import dev.wpuscope.ui.Dialogs;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The Tracer menu: Plan… on the open catalog (any catalog, offline too); Install…, Remove… and Status on this
 * machine's live catalog, each confirmed on a readable plan first and run off the FX thread.
 */
public final class TracerActions {

    private final Window owner;
    private final LiveTracer live;
    private final TracerDlls dlls;
    private final Supplier<CatalogSnapshot> openCatalog;
    private final Supplier<List<CatalogEntry>> selectedEntries;
    private final Runnable liveCatalogChanged;

    /**
     * @param openCatalog     the catalog shown in the catalog view, or null
     * @param selectedEntries the entries selected there (pre-fill the selection)
     * @param liveCatalogChanged called after an install or removal ran (to show the live catalog again)
     */
    public TracerActions(Window owner, LiveTracer live, TracerDlls dlls, Supplier<CatalogSnapshot> openCatalog,
                         Supplier<List<CatalogEntry>> selectedEntries, Runnable liveCatalogChanged) {
        this.owner = owner;
        this.live = live;
        this.dlls = dlls;
        this.openCatalog = openCatalog;
        this.selectedEntries = selectedEntries;
        this.liveCatalogChanged = liveCatalogChanged;
    }

    /** Why Install…/Remove… are disabled here, or empty when they can run. */
    public Optional<String> unavailableReason() {
        return live.unavailableReason();
    }

    /** Shows the plan for the open catalog; changes nothing. */
    public void plan() {
        CatalogSnapshot snapshot = openCatalog.get();
        if (snapshot == null) {
            Dialogs.show(owner, Alert.AlertType.INFORMATION, "No catalog open",
                    "Open a catalog first: the plan shows what attaching the tracer would change in it.");
            return;
        }
        planDialog(snapshot, false).show();
    }

    /** Reads the live catalog, lets the user choose and confirm the plan, then installs it. */
    public void install() {
        inBackground("Reading the live catalog", live::read, snapshot -> planDialog(snapshot, true).showAndWait()
                .ifPresent(this::apply));
    }

    /** Shows what removal would do, and removes the tracer once confirmed. */
    public void remove() {
        inBackground("Reading the live catalog", live::planRemoval, removal -> {
            if (!removal.refusal().isEmpty()) {
                Dialogs.show(owner, Alert.AlertType.WARNING, "Refused: the tracer cannot be removed safely",
                        "• " + String.join("\n• ", removal.refusal()) + "\n\nNothing was changed.");
            } else if (removal.nothing()) {
                Dialogs.show(owner, Alert.AlertType.INFORMATION, "Nothing to remove", removal.text());
            } else if (confirmed("Remove the tracer as shown?", removal.text())) {
                new ApplyDialog(owner, "Removing the tracer", LiveTracer::outcomeText).run(live::remove, liveCatalogChanged);
            }
        });
    }

    /** Whether and where the tracer is installed: in the live catalog when there is one, else in the open one. */
    public void status() {
        CatalogSnapshot snapshot = openCatalog.get();
        if (live.unavailableReason().isPresent()) {
            Dialogs.show(owner, Alert.AlertType.INFORMATION, snapshot == null ? "No catalog open"
                    : "Tracer status in " + snapshot.location(), snapshot == null
                    ? live.unavailableReason().get() : PlanText.status(snapshot));
            return;
        }
        inBackground("Reading the live catalog", live::status,
                text -> Dialogs.show(owner, Alert.AlertType.INFORMATION, "Tracer status (live catalog)", text));
    }

    private TracerPlanDialog planDialog(CatalogSnapshot snapshot, boolean confirmInstall) {
        return new TracerPlanDialog(owner, new TracerPlanViewModel(snapshot, dlls),
                TracerPlanViewModel.prefill(selectedEntries.get()), confirmInstall);
    }

    private void apply(InstallPlan plan) {
        new ApplyDialog(owner, "Installing the tracer", LiveTracer::outcomeText).run(progress -> live.install(plan, progress),
                liveCatalogChanged);
    }

    private boolean confirmed(String question, String plan) {
        ButtonType proceed = new ButtonType("Remove as shown", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", proceed, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("wpuscope");
        alert.setHeaderText(question);
        TextArea text = new TextArea(plan);
        text.setEditable(false);
        text.getStyleClass().add("plan-text");
        text.setPrefSize(760, 320);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStyleClass().add("tracer-plan");
        Dialogs.style(owner, alert.getDialogPane());
        return alert.showAndWait().filter(proceed::equals).isPresent();
    }

    /** Work that may block (it reads or changes the live catalog). */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> void inBackground(String title, Work<T> work, Consumer<T> done) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run();
            }
        };
        task.setOnSucceeded(event -> done.accept(task.getValue()));
        task.setOnFailed(event -> Dialogs.showError(owner, title + " failed", task.getException()));
        Daemons.start(task, "wpuscope-tracer");
    }
}
