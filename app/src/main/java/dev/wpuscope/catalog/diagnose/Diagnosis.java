package dev.wpuscope.catalog.diagnose;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The findings for one snapshot, most severe first (then by rule id, in the order the rule found them).
 */
public record Diagnosis(List<Finding> findings) {

    public Diagnosis {
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId))
                .toList();
    }

    /** The most severe finding's severity; empty when there are no findings. */
    public Optional<Severity> worstSeverity() {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
    }

    public List<Finding> withSeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<Finding> ofRule(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
