package dev.wpuscope.tracer;

import java.nio.file.Path;
import java.util.List;

/**
 * What an install or removal did.
 *
 * @param backup the snapshot saved before the first change, or {@code null} when nothing was changed
 * @param steps  every step reported, in order
 */
public record ApplyReport(Outcome outcome, Path backup, List<String> steps) {

    public ApplyReport {
        steps = List.copyOf(steps);
    }

    public enum Outcome {
        /** Every change made and verified. */
        APPLIED(true),
        /** Nothing needed changing (removal when the tracer is not installed). */
        NOTHING_TO_DO(true),
        /** Refused before any change (not elevated, unsafe, catalog changed since the plan, no backup). */
        REFUSED(false),
        /** A step failed or the result did not verify; the catalog was restored and verified equal to before. */
        ROLLED_BACK(false),
        /** The catalog could not be restored or verified: restore it from the backup file. */
        ROLLBACK_FAILED(false),
        /** A removal step failed; what remains was reported (removal never leaves chains without their layer). */
        REMOVAL_FAILED(false);

        private final boolean success;

        Outcome(boolean success) {
            this.success = success;
        }

        public boolean success() {
            return success;
        }
    }
}
