package dev.wpuscope.ui.repairview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.change.EntryDescription;
import dev.wpuscope.repair.CatalogRepair;
import dev.wpuscope.repair.RepairPlanFile;
import dev.wpuscope.repair.RepairRequest;
import dev.wpuscope.repair.RepairSummary;
import dev.wpuscope.ui.ApplyDialog;
import dev.wpuscope.ui.Cells;
import dev.wpuscope.ui.Dialogs;
import dev.wpuscope.ui.Nodes;
import dev.wpuscope.ui.WpuscopeApp;
import dev.wpuscope.ui.catalogview.DiffRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Controller of RepairDialog.fxml: a repair as the planner made it (what it removes and moves per catalog, or the
 * refusals with their reasons) and its effect as a diff, before anything is done. Save plan… writes the plan file
 * `repair plan -o` writes; Apply… (live catalog on Windows, elevated) runs `repair apply --live`'s applier after a
 * confirmation.
 */
public final class RepairDialogController {

    /** Where Save plan… writes: the file the user chose, or empty when they cancelled. */
    @FunctionalInterface
    public interface PlanTarget {
        Optional<Path> choose(Window owner, String suggestedName);
    }

    /**
     * What the dialog needs from the application.
     *
     * @param live               applies a plan to this machine's live catalog, or says why it cannot
     * @param saveTarget         asks where to save a plan
     * @param liveCatalogChanged called after a repair of the live catalog ran (to show it again)
     */
    public record Services(LiveRepair live, PlanTarget saveTarget, Runnable liveCatalogChanged) {
    }

    @FXML private Parent root;
    @FXML private Label sourceLabel;
    @FXML private Label verdict;
    @FXML private ListView<String> changes;
    @FXML private TableView<DiffRow> diffTable;
    @FXML private TableColumn<DiffRow, String> diffCatalogColumn;
    @FXML private TableColumn<DiffRow, String> diffChangeColumn;
    @FXML private TableColumn<DiffRow, String> diffSubjectColumn;
    @FXML private TableColumn<DiffRow, String> diffDetailsColumn;
    @FXML private Label savedLabel;
    @FXML private Label applyReason;
    @FXML private Button saveButton;
    @FXML private Button applyButton;
    private Services services;
    private RepairSummary summary;

    /** Plans the request on the snapshot and shows the dialog (non-modal); changes nothing by itself. */
    public static Dialog<Void> open(Window owner, Services services, CatalogSnapshot snapshot, RepairRequest request) {
        FXMLLoader loader = new FXMLLoader(WpuscopeApp.class.getResource("repairview/RepairDialog.fxml"));
        Parent content;
        try {
            content = loader.load();
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
        RepairDialogController controller = loader.getController();
        controller.services = services;
        controller.show(snapshot, RepairSummary.of(snapshot, request));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("wpuscope");
        dialog.setHeaderText("Repair: " + request.describe());
        dialog.setResizable(true);
        Dialogs.style(owner, dialog.getDialogPane());
        dialog.getDialogPane().getStyleClass().add("tracer-plan");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.show();
        return dialog;
    }

    /** Save plan… as a file chooser for JSON files. */
    public static PlanTarget fileChooser() {
        return (owner, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the repair plan");
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Repair plan (*.json)", "*.json"));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }

    @FXML
    private void initialize() {
        Cells.text(diffCatalogColumn, DiffRow::catalog);
        Cells.text(diffChangeColumn, DiffRow::change);
        Cells.text(diffSubjectColumn, DiffRow::subject);
        Cells.text(diffDetailsColumn, DiffRow::details);
        diffTable.setPlaceholder(new Label("Refused: the catalog stays as it is."));
    }

    private void show(CatalogSnapshot snapshot, RepairSummary shown) {
        this.summary = shown;
        sourceLabel.setText("Catalog: " + snapshot.location() + " (" + snapshot.kind().label() + ")");
        verdict.getStyleClass().removeAll("plan-ok", "plan-refused");
        if (shown.refused()) {
            verdict.setText("Refused: wpuscope will not make this change, because:");
            verdict.getStyleClass().add("plan-refused");
            changes.getItems().setAll(shown.refusals().stream().map(reason -> "• " + reason).toList());
        } else {
            int removed = shown.removed().values().stream().mapToInt(List::size).sum();
            int moved = shown.moved().values().stream().mapToInt(List::size).sum();
            verdict.setText("Safe plan: " + removed + " entries removed, " + moved + " chains moved. Nothing is"
                    + " changed until the plan is applied.");
            verdict.getStyleClass().add("plan-ok");
            changes.getItems().setAll(changeLines(shown));
            diffTable.getItems().setAll(DiffRow.of(shown.diff()));
        }
        saveButton.setDisable(shown.refused());
        Optional<String> cannotApply = shown.refused() ? Optional.of("Nothing to save or apply: the repair is refused.")
                : services.live().unavailableReason(snapshot);
        applyButton.setDisable(cannotApply.isPresent());
        applyReason.setText(cannotApply.orElse("Apply… backs the live catalog up, repairs it, reads it back and"
                + " verifies it; any failure rolls it back."));
    }

    /** Per catalog: how many entries go and move, each of them, and what a rollback could not put back. */
    static List<String> changeLines(RepairSummary summary) {
        List<String> lines = new ArrayList<>();
        for (CatalogRepair repair : summary.plan().catalogs()) {
            Bitness bitness = repair.bitness();
            String catalog = bitness.label() + " catalog (" + bitness.registryKey() + "): ";
            if (repair.changesNothing()) {
                lines.add(catalog + "unchanged");
                continue;
            }
            List<CatalogEntry> removed = summary.removed().get(bitness);
            List<CatalogEntry> moved = summary.moved().get(bitness);
            lines.add(catalog + removed.size() + " removed, " + moved.size() + " moved");
            removed.forEach(e -> lines.add("    − remove " + EntryDescription.of(e) + "  {" + e.info().providerId()
                    + "}"));
            moved.forEach(e -> lines.add("    → move " + EntryDescription.of(e)));
            repair.unrestorable().forEach(e -> lines.add("    ! " + EntryDescription.of(e) + " names an entry that is"
                    + " gone: if the repair fails after it is removed, the rollback cannot put it back"));
        }
        return lines;
    }

    @FXML
    private void savePlan() {
        Window owner = root.getScene().getWindow();
        services.saveTarget().choose(owner, "repair-plan.json").ifPresent(path -> {
            try {
                Files.write(path, RepairPlanFile.write(summary.plan()));
            } catch (IOException e) {
                Dialogs.showError(owner, "Could not save the plan to " + path, e);
                return;
            }
            savedLabel.setText("Plan saved to " + path + ": on the machine it was made for, run `wpuscope repair"
                    + " apply --live --plan " + path.getFileName() + "` as administrator.");
            Nodes.setShown(savedLabel, true);
        });
    }

    @FXML
    private void apply() {
        Window owner = root.getScene().getWindow();
        ButtonType proceed = new ButtonType("Repair as shown", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "A backup of the catalog is saved first; the result"
                + " is verified, and any failure rolls the catalog back.", proceed, ButtonType.CANCEL);
        confirm.initOwner(owner);
        confirm.setTitle("wpuscope");
        confirm.setHeaderText("Repair this machine's catalog as shown?");
        Dialogs.style(owner, confirm.getDialogPane());
        if (confirm.showAndWait().filter(proceed::equals).isEmpty()) {
            return;
        }
        applyButton.setDisable(true);
        new ApplyDialog(owner, "Repairing this machine's catalog", LiveRepair::outcomeText)
                .run(progress -> services.live().apply(summary.plan(), progress), services.liveCatalogChanged());
    }
}
