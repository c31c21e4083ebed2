package dev.wpuscope.trace.analysis;

/**
 * Whether a provider hands out IFS handles (XP1_IFS_HANDLES), and how that was decided.
 *
 * @param kind        the decision
 * @param fromCatalog true when a catalog entry's service flags decided it, false when inferred from upcalls
 * @param basis       readable reason, e.g. "catalog entry 1001 lacks XP1_IFS_HANDLES"
 */
public record IfsClassification(Kind kind, boolean fromCatalog, String basis) {

    public enum Kind {
        IFS, NON_IFS,
        /** Inferred only: it used upcalls of both kinds. */
        MIXED,
        /** Inferred only: it used no socket-handle upcall. */
        UNDETERMINED
    }

    /** E.g. {@code non-IFS (catalog entry 1001 lacks XP1_IFS_HANDLES)} or {@code IFS (inferred: ...)}. */
    public String describe() {
        String name = switch (kind) {
            case IFS -> "IFS";
            case NON_IFS -> "non-IFS";
            case MIXED -> "mixed";
            case UNDETERMINED -> "undetermined";
        };
        return name + " (" + (fromCatalog ? "" : "inferred: ") + basis + ")";
    }
}
