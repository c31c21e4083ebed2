package dev.wpuscope.ui;

import dev.wpuscope.catalog.diagnose.Diagnosis;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.ui.catalogview.CatalogViewModel;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** What the main window writes of the open catalog: a snapshot file, and the HTML report (File › Export Report). */
final class CatalogFiles {
    private final Stage stage;
    private final Sources sources;
    private final BackgroundWork background;
    private final RecentMenu recent;
    private final Supplier<CatalogViewModel> catalog;

    CatalogFiles(Stage stage, Sources sources, BackgroundWork background, RecentMenu recent,
                 Supplier<CatalogViewModel> catalog) {
        this.stage = stage;
        this.sources = sources;
        this.background = background;
        this.recent = recent;
        this.catalog = catalog;
    }

    void saveSnapshot() {
        CatalogSnapshot snapshot = openSnapshot("Open a catalog first.");
        File file = snapshot == null ? null : Dialogs.chooseSaveFile(stage, "Save catalog snapshot",
                "wpuscope snapshot", "*.json", "catalog-snapshot.json");
        if (file != null) {
            background.run("Saving " + file.getName(), () -> {
                sources.writeSnapshot(snapshot, file.toPath());
                return file;
            }, saved -> recent.remember(saved.toPath()), file.toPath());
        }
    }

    /** The open catalog's HTML report, the page {@code wpuscope report} writes. */
    void exportReport() {
        CatalogSnapshot snapshot = openSnapshot("Open a catalog first, then export its report.");
        Diagnosis diagnosis = catalog.get().diagnosis();
        File file = snapshot == null ? null : Dialogs.chooseSaveFile(stage, "Export report", "HTML report",
                "*.html", "winsock-report.html");
        if (file != null) {
            background.run("Writing " + file.getName(), () -> {
                sources.writeReport(snapshot, diagnosis, file.toPath());
                return file;
            }, written -> { }, file.toPath());
        }
    }

    /** The catalog open now; null, having told the user {@code hint}, when none is. */
    private CatalogSnapshot openSnapshot(String hint) {
        CatalogSnapshot snapshot = catalog.get().snapshotProperty().get();
        if (snapshot == null) {
            Dialogs.show(stage, Alert.AlertType.INFORMATION, "No catalog open", hint);
        }
        return snapshot;
    }
}
