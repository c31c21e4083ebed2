package dev.wpuscope.catalog.report;

import java.util.List;

/**
 * A repair plan as the report shows it, when one is given: whoever makes the plan turns it into this, and the
 * report escapes and lays it out (it never takes markup).
 *
 * @param description what the plan does and which catalog it was made from, one paragraph
 * @param changes     the catalog changes in the order they are applied, one line each
 * @param refusals    what the planner refused to do and why, one line each (empty when none)
 */
public record RepairPlanSummary(String description, List<String> changes, List<String> refusals) {

    public RepairPlanSummary {
        changes = List.copyOf(changes);
        refusals = List.copyOf(refusals);
    }
}
