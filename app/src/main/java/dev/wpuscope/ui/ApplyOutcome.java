package dev.wpuscope.ui;

import dev.wpuscope.change.ApplyReport;

/** The outcome of a change of the live catalog in one sentence, naming the backup when there is one. */
public final class ApplyOutcome {

    private ApplyOutcome() {
    }

    /** @param restoreCommand the command that restores the backup, e.g. "wpuscope tracer restore --live <backup>" */
    public static String describe(ApplyReport report, String restoreCommand) {
        String backup = report.backup() == null ? "" : " Catalog backup: " + report.backup();
        return switch (report.outcome()) {
            case APPLIED -> "APPLIED: every change was made and the catalog verified." + backup;
            case NOTHING_TO_DO -> "NOTHING TO DO: the catalog needed no change.";
            case REFUSED -> "REFUSED: nothing was changed (see the last step).";
            case ROLLED_BACK -> "ROLLED BACK: a step failed; the catalog was restored and verified equal to before."
                    + backup;
            case ROLLBACK_FAILED -> "ROLLBACK FAILED: restore the catalog from the backup, or run `" + restoreCommand
                    + "`." + backup;
            case REMOVAL_FAILED -> "REMOVAL FAILED: run the removal again, or restore the catalog from the backup."
                    + backup;
        };
    }
}
