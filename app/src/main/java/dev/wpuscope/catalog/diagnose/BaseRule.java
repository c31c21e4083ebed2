package dev.wpuscope.catalog.diagnose;

import java.util.List;

/** Id, severity and summary of a rule, and a helper that makes findings carrying the rule's id. */
abstract class BaseRule implements Rule {

    private final String id;
    private final Severity severity;
    private final String summary;

    BaseRule(String id, Severity severity, String summary) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String summary() {
        return summary;
    }

    /** A finding of this rule's own severity. */
    final Finding finding(String title, List<EntryRef> entries, String explanation, String remedy) {
        return new Finding(id, severity, title, entries, explanation, remedy);
    }

    /** A finding of another severity (rules whose findings vary, e.g. "not checkable" is INFO). */
    final Finding finding(Severity level, String title, List<EntryRef> entries, String explanation, String remedy) {
        return new Finding(id, level, title, entries, explanation, remedy);
    }
}
