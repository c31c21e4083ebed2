package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.Downcall;
import dev.wpuscope.trace.store.ValueMatch.Relation;
import java.util.Locale;

/**
 * The free-text query compiled for one downcall function's Arguments, Result and Socket columns
 * ({@link ArgumentsPattern}, {@link ResultPattern}, the socket handle as a hex value), so a row is tested without
 * writing its text. Rows whose arguments text has no fixed template are formatted and searched: unknown functions,
 * functions with a socket address or an option name (each written from several arguments), rows with fewer
 * arguments than names, and rows with a string or captured bytes (written after the arguments).
 */
final class DowncallQuery {

    private final String query;
    private final int argNames;
    /** Null when the function's arguments text has no fixed template. */
    private final ArgumentsPattern arguments;
    private final ResultPattern result;
    private final boolean invalidSocketMatches;
    /** The condition on any other socket handle, null when none can match. */
    private final ValueMatch socket;

    /** @param function null for function numbers this version does not know */
    DowncallQuery(Downcall function, String lowerQuery) {
        this.query = lowerQuery;
        this.argNames = function == null ? 0 : function.argNames().size();
        boolean fixed = function != null && !function.argNames().contains("sa0")
                && !function.argNames().contains("optname");
        this.arguments = fixed
                ? new ArgumentsPattern(function.argNames(), name -> ArgFormat.of(function, name), lowerQuery) : null;
        this.result = new ResultPattern(function == null ? null : function.resultKind(), lowerQuery);
        this.invalidSocketMatches = contains(EventText.socketText(-1));
        ValueMatch anySocket = new ValueMatch(-1, ArgFormat.HEX, Relation.CONTAINS, lowerQuery);
        this.socket = anySocket.possible() ? anySocket : null;
    }

    boolean matches(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        return argumentsMatch(store, row, values, cursor)
                || result.possible() && result.matches(store.result(row), values)
                || socketMatches(store.socket(row), values);
    }

    /** As for upcalls: a row with fewer arguments than names can match only where the full text does. */
    private boolean argumentsMatch(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (arguments == null || !store.text(row).isEmpty() || store.hasData(row)) {
            return contains(EventText.arguments(store, row));
        }
        if (!arguments.always() && !(arguments.possible() && arguments.holds(cursor.read(store, row, argNames), values))) {
            return false;
        }
        return store.argCount(row) >= argNames || contains(EventText.arguments(store, row));
    }

    /** The Socket column: empty for 0, a word for INVALID_SOCKET, else the handle in hex. */
    private boolean socketMatches(long handle, ShownValues values) {
        if (handle == 0) {
            return false;
        }
        return handle == -1 ? invalidSocketMatches : socket != null && values.test(socket, handle);
    }

    private boolean contains(String text) {
        return text.toLowerCase(Locale.ROOT).contains(query);
    }
}
