package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.ResultKind;
import dev.wpuscope.trace.store.ValueMatch.Relation;

/**
 * A free-text query compiled against a call's Result text as {@link EventText#result(ResultKind, long)} writes it:
 * the one value written as a word (SOCKET_ERROR, INVALID_SOCKET, NULL, FALSE) is decided once, any other value by
 * a condition on its number ({@link ValueMatch}).
 */
final class ResultPattern {

    /** The result value written as a word, if any, and whether that word matches. */
    private final Long specialResult;
    private final boolean specialResultMatches;
    /** Any other result: always matches (TRUE), or tested by {@link #otherResult}, or never (null). */
    private final boolean otherResultAlways;
    private final ValueMatch otherResult;
    private final boolean possible;

    /** @param kind null for a call this version does not know (the result as a number) */
    ResultPattern(ResultKind kind, String lowerQuery) {
        ResultKind k = kind == null ? ResultKind.NEVER_FAILS : kind;
        specialResult = switch (k) {
            case BOOL, HANDLE -> 0L;
            case INT, SOCKET -> -1L;
            case STATUS, NEVER_FAILS -> null;
        };
        specialResultMatches = specialResult != null
                && TextQuery.contains(EventText.result(k, specialResult), lowerQuery);
        otherResultAlways = k == ResultKind.BOOL && TextQuery.contains(EventText.result(k, 1), lowerQuery);
        ArgFormat format = switch (k) {
            case SOCKET, HANDLE -> ArgFormat.HEX;
            case STATUS -> ArgFormat.WSA_ERROR;
            default -> ArgFormat.DECIMAL;
        };
        ValueMatch other = new ValueMatch(-1, format, Relation.CONTAINS, lowerQuery);
        otherResult = k != ResultKind.BOOL && other.possible() ? other : null;
        possible = specialResultMatches || otherResultAlways || otherResult != null;
    }

    /** Whether some result could match. */
    boolean possible() {
        return possible;
    }

    boolean matches(long result, ShownValues values) {
        if (specialResult != null && result == specialResult) {
            return specialResultMatches;
        }
        return otherResultAlways || otherResult != null && values.test(otherResult, result);
    }
}
