package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.Upcall;
import java.util.Locale;

/**
 * The free-text query compiled for one upcall's Arguments and Result columns ({@link ArgumentsPattern},
 * {@link ResultPattern}), so a row is tested without writing its text. Rows whose text has no fixed template
 * (WPUGetProviderPath, unknown upcalls, fewer arguments than names, an out-argument not written) are formatted
 * and searched.
 */
final class UpcallQuery {

    private final String query;
    private final int argNames;
    /** Null when the arguments text has no fixed template. */
    private final ArgumentsPattern arguments;
    private final ResultPattern result;

    /** @param upcall null for upcall numbers this version does not know */
    UpcallQuery(Upcall upcall, String lowerQuery) {
        this.query = lowerQuery;
        this.argNames = upcall == null ? 0 : upcall.argNames().size();
        this.arguments = upcall == null || upcall == Upcall.WPU_GET_PROVIDER_PATH ? null
                : new ArgumentsPattern(upcall.argNames(), name -> ArgFormat.of(upcall, name), lowerQuery);
        this.result = new ResultPattern(upcall == null ? null : upcall.resultKind(), lowerQuery);
    }

    boolean matches(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        return argumentsMatch(store, row, values, cursor)
                || result.possible() && result.matches(store.result(row), values);
    }

    /**
     * The conditions are those of the full template; a row with fewer arguments than names shows a prefix of
     * that text (missing arguments read as 0), so it can match only where the full text does, and is then
     * checked on its own text.
     */
    private boolean argumentsMatch(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (arguments == null || (store.upcallFlags(row) & TraceRecord.UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN) != 0) {
            return contains(EventText.arguments(store, row)); // an out-argument shows as "(not written)"
        }
        if (!arguments.always() && !(arguments.possible() && arguments.holds(cursor.read(store, row, argNames), values))) {
            return false;
        }
        return store.argCount(row) >= argNames || contains(EventText.arguments(store, row));
    }

    private boolean contains(String text) {
        return text.toLowerCase(Locale.ROOT).contains(query);
    }
}
