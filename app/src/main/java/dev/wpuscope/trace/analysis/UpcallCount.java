package dev.wpuscope.trace.analysis;

import dev.wpuscope.trace.model.Upcall;
import java.util.ArrayList;
import java.util.List;

/** How often an upcall was made (by a provider, or in the whole trace) and how often it failed. */
public record UpcallCount(Upcall upcall, long calls, long failures) {

    /** What the seed's table requires of a provider for this upcall. */
    public UpcallRequirement requirement() {
        return UpcallRequirement.of(upcall);
    }

    /** Counts of the upcalls with at least one call, in upcall-number order. */
    static List<UpcallCount> nonZero(long[] calls, long[] failures) {
        List<UpcallCount> result = new ArrayList<>();
        for (Upcall upcall : Upcall.values()) {
            if (calls[upcall.number()] > 0) {
                result.add(new UpcallCount(upcall, calls[upcall.number()], failures[upcall.number()]));
            }
        }
        return result;
    }
}
