package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;

/**
 * The free-text query compiled for one upcall's Arguments and Result columns ({@link ArgumentsPattern},
 * {@link ResultPattern}), so a row is tested without writing its text. Rows whose text has no fixed template
 * (WPUGetProviderPath, unknown upcalls, fewer arguments than names, an out-argument not written) are formatted
 * and searched.
 */
final class UpcallQuery {

    private final String query;
    /** Null when the arguments text has no fixed template. */
    private final ArgumentsPattern arguments;
    private final ResultPattern result;

    /** @param upcall null for upcall numbers this version does not know */
    UpcallQuery(Upcall upcall, String lowerQuery) {
        this.query = lowerQuery;
        this.arguments = upcall == null || upcall == Upcall.WPU_GET_PROVIDER_PATH ? null
                : new ArgumentsPattern(upcall.argNames(), name -> ArgFormat.of(upcall, name), lowerQuery);
        this.result = new ResultPattern(upcall == null ? null : upcall.resultKind(), lowerQuery);
    }

    boolean matches(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        return argumentsMatch(store, row, values, cursor)
                || result.possible() && result.matches(store.result(row), values);
    }

    private boolean argumentsMatch(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (arguments == null || (store.upcallFlags(row) & TraceRecord.UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN) != 0) {
            // no template, or an out-argument shown as "(not written)"
            return TextQuery.contains(EventText.arguments(store, row), query);
        }
        return arguments.matchesRow(store, row, values, cursor);
    }

}
