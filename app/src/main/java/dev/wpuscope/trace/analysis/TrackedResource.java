package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.TraceRecord.UpcallEvent;
import dev.wpuscope.trace.model.Upcall;
import java.util.List;

/**
 * One generation of a handle value in one process: the value may be handed out again after it was closed,
 * and each time it starts a new generation.
 *
 * @param generation 1 for the first lifetime of the value in its process, 2 after it was reused, ...;
 *                   0 for a failed creation (there is no handle)
 * @param provider   the module that created it (for an unknown handle: the one that first used it)
 * @param creation   the creating upcall, {@code null} when the state is {@link ResourceState#UNKNOWN}
 * @param uses       the upcalls that used it (queries, set/reset, APCs), in order
 * @param closes     every close attempt, in order
 * @param endOffset  offset of the PROCESS_GOODBYE that found it open ({@link ResourceState#LEAKED}), else -1
 */
public record TrackedResource(ResourceKind kind, int pid, long value, int generation, String provider,
                              UpcallEvent creation, List<UpcallEvent> uses, List<UpcallEvent> closes,
                              ResourceState state, long endOffset) {

    public TrackedResource {
        uses = List.copyOf(uses);
        closes = List.copyOf(closes);
    }

    /** How many of its uses were calls of {@code upcall}. */
    public long useCount(Upcall upcall) {
        return uses.stream().filter(u -> u.upcall() == upcall).count();
    }

    /** E.g. {@code socket handle 0x2c8}. */
    public String subject() {
        return kind.label() + " " + Hex.of(value);
    }
}
