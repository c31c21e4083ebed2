package dev.wpuscope.catalog.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * The one line that opens a diagnosis: known products with known breakages first, then the other findings by
 * severity, e.g. "1 known product with known breakages, 1 warning, 2 notes".
 */
public final class DiagnosisSummary {

    private DiagnosisSummary() {
    }

    public static String headline(Diagnosis diagnosis) {
        List<String> parts = new ArrayList<>();
        int products = diagnosis.ofRule(KnownProductRule.ID).size();
        if (products > 0) {
            parts.add(products + " known product" + (products == 1 ? "" : "s") + " with known breakages");
        }
        addCount(parts, diagnosis, Severity.ERROR, "error");
        addCount(parts, diagnosis, Severity.WARNING, "warning");
        addCount(parts, diagnosis, Severity.INFO, "note");
        return parts.isEmpty() ? "No findings: every rule passed" : String.join(", ", parts);
    }

    /** Whether a finding reports a known product (its title names the product and what it breaks). */
    public static boolean isKnownProduct(Finding finding) {
        return finding.ruleId().equals(KnownProductRule.ID);
    }

    private static void addCount(List<String> parts, Diagnosis diagnosis, Severity severity, String noun) {
        long n = diagnosis.withSeverity(severity).stream().filter(f -> !isKnownProduct(f)).count();
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }
}
