package dev.wpuscope.catalog.diagnose;

import java.util.List;

/** One diagnostic check over a catalog snapshot. */
public interface Rule {

    /** Stable id, e.g. {@code WPS007}. */
    String id();

    /** The most severe finding this rule reports. */
    Severity severity();

    /** One line: what the rule finds (for the rule list in help and README). */
    String summary();

    /** The findings for this snapshot; never concludes from a field the source did not have. */
    List<Finding> check(DiagnosisContext context);
}
