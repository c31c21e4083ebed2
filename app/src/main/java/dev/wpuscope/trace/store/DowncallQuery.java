package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.store.ValueMatch.Relation;

/**
 * The free-text query compiled for one downcall function's Arguments, Result and Socket columns
 * ({@link ArgumentsPattern}, {@link ResultPattern}, the socket handle as a hex value), so a row is tested without
 * writing its text. Rows whose arguments text has no fixed template are formatted and searched: unknown functions,
 * functions with a socket address or an option name (each written from several arguments), rows with fewer
 * arguments than names, and rows with a string or captured bytes (written after the arguments).
 */
final class DowncallQuery {

    private final String query;
    /** Null when the function's arguments text has no fixed template. */
    private final ArgumentsPattern arguments;
    private final ResultPattern result;
    private final boolean invalidSocketMatches;
    /** The condition on any other socket handle, null when none can match. */
    private final ValueMatch socket;

    /** @param function null for function numbers this version does not know */
    DowncallQuery(Downcall function, String lowerQuery) {
        this.query = lowerQuery;
        boolean fixed = function != null && !function.argNames().contains("sa0")
                && !function.argNames().contains("optname");
        this.arguments = fixed
                ? new ArgumentsPattern(function.argNames(), name -> ArgFormat.of(function, name), lowerQuery) : null;
        this.result = new ResultPattern(function == null ? null : function.resultKind(), lowerQuery);
        this.invalidSocketMatches = TextQuery.contains(EventText.socketText(-1), lowerQuery);
        ValueMatch anySocket = new ValueMatch(-1, ArgFormat.HEX, Relation.CONTAINS, lowerQuery);
        this.socket = anySocket.possible() ? anySocket : null;
    }

    boolean matches(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        return argumentsMatch(store, row, values, cursor)
                || result.possible() && result.matches(store.result(row), values)
                || socketMatches(store.socket(row), values);
    }

    private boolean argumentsMatch(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (arguments == null || !store.text(row).isEmpty() || store.hasData(row)) {
            return TextQuery.contains(EventText.arguments(store, row), query);
        }
        return arguments.matchesRow(store, row, values, cursor);
    }

    /** The Socket column: empty for 0, a word for INVALID_SOCKET, else the handle in hex. */
    private boolean socketMatches(long handle, ShownValues values) {
        if (handle == 0) {
            return false;
        }
        return handle == -1 ? invalidSocketMatches : socket != null && values.test(socket, handle);
    }
}
