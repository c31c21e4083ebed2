package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;
import java.util.Map;

/**
 * One generation of a handle value in one process: the value may be handed out again after it was closed,
 * and each time it starts a new generation.
 *
 * @param generation 1 for the first lifetime of the value in its process, 2 after it was reused, ...;
 *                   0 for a failed creation (there is no handle)
 * @param provider   the module that created it (for an unknown handle: the one that first used it)
 * @param creation   the creating upcall, {@code null} when the state is {@link ResourceState#UNKNOWN}
 * @param useOffsets the capture offsets of the first upcalls that used it (queries, set/reset, APCs), in order, at
 *                   most 1000 (the events themselves are in the capture and its store)
 * @param useCount   how many upcalls used it in all
 * @param useCounts  how many uses per upcall
 * @param closeOffsets the capture offsets of the first close attempts, in order, at most 1000
 * @param closeCount how many close attempts in all
 * @param endOffset  offset of the PROCESS_GOODBYE that found it open ({@link ResourceState#LEAKED}), else -1
 */
public record TrackedResource(ResourceKind kind, int pid, long value, int generation, String provider,
                              UpcallEvent creation, List<Long> useOffsets, long useCount,
                              Map<Upcall, Long> useCounts, List<Long> closeOffsets, long closeCount,
                              ResourceState state, long endOffset) {

    public TrackedResource {
        useOffsets = List.copyOf(useOffsets);
        useCounts = Map.copyOf(useCounts);
        closeOffsets = List.copyOf(closeOffsets);
    }

    /** How many of its uses were calls of {@code upcall}. */
    public long useCount(Upcall upcall) {
        return useCounts.getOrDefault(upcall, 0L);
    }

    /** E.g. {@code socket handle 0x2c8}. */
    public String subject() {
        return kind.label() + " " + Hex.of(value);
    }
}
