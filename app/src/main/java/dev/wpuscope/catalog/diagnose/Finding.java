package dev.wpuscope.catalog.diagnose;

import java.util.List;

/**
 * One diagnosed problem or observation.
 *
 * @param ruleId      the rule that found it, e.g. {@code WPS007}
 * @param severity    how bad it is
 * @param title       one line naming what is wrong and where
 * @param entries     the entries concerned (catalog and id)
 * @param explanation what this means and what breaks because of it
 * @param remedy      what to do about it
 */
public record Finding(
        String ruleId,
        Severity severity,
        String title,
        List<EntryRef> entries,
        String explanation,
        String remedy) {

    public Finding {
        entries = List.copyOf(entries);
    }
}
