package dev.wpuscope.change;

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
        APPLIED,
        /** Nothing needed changing (removal when the tracer is not installed). */
        NOTHING_TO_DO,
        /** Refused before any change (not elevated, unsafe, catalog changed since the plan, no backup). */
        REFUSED,
        /** A step failed or the result did not verify; the catalog was restored and verified equal to before. */
        ROLLED_BACK,
        /** The catalog could not be restored or verified: restore it from the backup file. */
        ROLLBACK_FAILED,
        /** A removal step failed; what remains was reported (removal never leaves chains without their layer). */
        REMOVAL_FAILED
    }
}
