package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.Elevation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The steps of one change of the catalog as they happen, the backup it saved, and how it ended. */
public final class ApplyRun {

    private final ApplyProgress progress;
    private final List<String> steps = new ArrayList<>();
    private Path backup;

    ApplyRun(ApplyProgress progress) {
        this.progress = progress;
    }

    public void step(String message) {
        steps.add(message);
        progress.step(message);
    }

    /** The backup saved by this run so far, or {@code null}. */
    public Path backup() {
        return backup;
    }

    boolean elevated(Elevation elevation) {
        if (elevation.isElevated()) {
            return true;
        }
        step("Refused: changing the Winsock catalog needs administrator rights (run wpuscope elevated)");
        return false;
    }

    boolean saveBackup(CatalogBackup to, CatalogSnapshot snapshot) {
        try {
            backup = to.save(snapshot);
            step("Saved the current catalog to " + backup + " (keep it: it restores the catalog)");
            return true;
        } catch (IOException | RuntimeException e) {
            step("Refused: cannot save a backup of the catalog: " + e.getMessage());
            return false;
        }
    }

    public ApplyReport end(ApplyReport.Outcome outcome) {
        return new ApplyReport(outcome, backup, steps);
    }
}
