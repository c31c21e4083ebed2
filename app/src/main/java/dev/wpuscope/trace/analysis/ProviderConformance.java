package dev.wpuscope.trace.analysis;

import java.util.List;

/**
 * The conformance report of one provider module.
 *
 * @param provider the module path (see {@link ModuleDirectory#providerName})
 * @param ifs      whether it is an IFS provider, and how that was decided
 * @param usage    every upcall it made, in upcall-number order
 * @param findings its own conformance findings plus the lifecycle findings attributed to it
 *                 (handles never closed, double close, events and threads not closed, unknown handles)
 */
public record ProviderConformance(String provider, IfsClassification ifs, List<UpcallCount> usage,
                                  List<Finding> findings) {

    public ProviderConformance {
        usage = List.copyOf(usage);
        findings = List.copyOf(findings);
    }

    public long totalCalls() {
        return usage.stream().mapToLong(UpcallCount::calls).sum();
    }
}
