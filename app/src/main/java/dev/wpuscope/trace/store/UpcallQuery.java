package dev.wpuscope.trace.store;

import dev.wpuscope.trace.model.TraceRecord;
import dev.wpuscope.trace.model.ResultKind;
import dev.wpuscope.trace.model.Upcall;
import dev.wpuscope.trace.store.ValueMatch.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The free-text query compiled for one upcall's Arguments and Result columns. The arguments text is a fixed
 * template ({@code name=value, name=value}) with the values as {@link ArgFormat} writes them, so every way the
 * query can lie in it (inside a value, or across names and values) comes down to conditions on single values
 * ({@link ValueMatch}), tested per row without building the text. Rows whose text has no fixed template
 * (WPUGetProviderPath, unknown upcalls, fewer arguments than names, an out-argument not written) are formatted
 * and searched.
 */
final class UpcallQuery {

    private final String query;
    private final int argNames;
    private final boolean formatArguments;
    /** Conditions of which one must hold entirely; an empty one means every row matches. */
    private final List<ValueMatch[]> argumentConditions = new ArrayList<>();
    private final boolean argumentsAlways;

    /** The result value written as a word (SOCKET_ERROR, NULL, ...), if any, and whether that word matches. */
    private final Long specialResult;
    private final boolean specialResultMatches;
    /** Any other result: always matches (TRUE), or tested by {@link #otherResult}, or never (null). */
    private final boolean otherResultAlways;
    private final ValueMatch otherResult;
    private final boolean resultCanMatch;

    /** @param upcall null for upcall numbers this version does not know */
    UpcallQuery(Upcall upcall, String lowerQuery) {
        this.query = lowerQuery;
        this.argNames = upcall == null ? 0 : upcall.argNames().size();
        this.formatArguments = upcall == null || upcall == Upcall.WPU_GET_PROVIDER_PATH;
        if (!formatArguments) {
            compileArguments(template(upcall));
        }
        argumentsAlways = argumentConditions.stream().anyMatch(c -> c.length == 0);
        ResultKind kind = upcall == null ? ResultKind.NEVER_FAILS : upcall.resultKind();
        specialResult = switch (kind) {
            case BOOL, HANDLE -> 0L;
            case INT, SOCKET -> -1L;
            case STATUS, NEVER_FAILS -> null;
        };
        specialResultMatches = specialResult != null && contains(EventText.result(upcall, specialResult));
        otherResultAlways = kind == ResultKind.BOOL && contains(EventText.result(upcall, 1));
        ValueMatch other = new ValueMatch(-1, kind == ResultKind.SOCKET || kind == ResultKind.HANDLE
                ? ArgFormat.HEX : ArgFormat.DECIMAL, Relation.CONTAINS, lowerQuery);
        otherResult = kind != ResultKind.BOOL && other.possible() ? other : null;
        resultCanMatch = specialResultMatches || otherResultAlways || otherResult != null;
    }

    boolean matches(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        return argumentsMatch(store, row, values, cursor) || resultCanMatch && resultMatches(store.result(row), values);
    }

    /**
     * The conditions are those of the full template; a row with fewer arguments than names shows a prefix of
     * that text (missing arguments read as 0), so it can match only where the full text does, and is then
     * checked on its own text.
     */
    private boolean argumentsMatch(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (formatArguments || (store.upcallFlags(row) & TraceRecord.UpcallEvent.FLAG_OUT_ARG_NOT_WRITTEN) != 0) {
            return contains(EventText.arguments(store, row)); // an out-argument shows as "(not written)"
        }
        if (!argumentsAlways && !anyConditionHolds(store, row, values, cursor)) {
            return false;
        }
        return store.argCount(row) >= argNames || contains(EventText.arguments(store, row));
    }

    private boolean anyConditionHolds(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (argumentConditions.isEmpty()) {
            return false;
        }
        long[] args = cursor.read(store, row, argNames);
        for (ValueMatch[] condition : argumentConditions) {
            if (holds(condition, args, values)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(ValueMatch[] condition, long[] args, ShownValues values) {
        for (ValueMatch m : condition) {
            if (!values.test(m, args[m.arg])) {
                return false;
            }
        }
        return true;
    }

    private boolean resultMatches(long result, ShownValues values) {
        if (specialResult != null && result == specialResult) {
            return specialResultMatches;
        }
        return otherResultAlways || otherResult != null && values.test(otherResult, result);
    }

    private boolean contains(String text) {
        return text.toLowerCase(Locale.ROOT).contains(query);
    }

    // ---- compiling the arguments template ----

    /** A piece of the arguments text: fixed text, or the value of argument {@code arg}. */
    private record Part(String literal, int arg, ArgFormat format) {
        boolean isValue() {
            return literal == null;
        }
    }

    private static List<Part> template(Upcall upcall) {
        List<Part> parts = new ArrayList<>();
        List<String> names = upcall.argNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT);
            parts.add(new Part((i == 0 ? "" : ", ") + name + "=", -1, null));
            parts.add(new Part(null, i, ArgFormat.of(upcall, names.get(i))));
        }
        return parts;
    }

    /** Every place the query may start: inside a fixed piece or inside a value. */
    private void compileArguments(List<Part> parts) {
        String q = query;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.isValue()) {
                add(List.of(match(part, Relation.CONTAINS, q)));
                for (int j = 1; j < q.length(); j++) {
                    continueAt(parts, i + 1, j, List.of(match(part, Relation.ENDS_WITH, q.substring(0, j))));
                }
            } else if (part.literal().contains(q)) {
                add(List.of());
            } else {
                for (int o = 0; o < part.literal().length(); o++) {
                    String tail = part.literal().substring(o);
                    if (q.startsWith(tail)) {
                        continueAt(parts, i + 1, tail.length(), List.of());
                    }
                }
            }
        }
    }

    /** The query's first {@code matched} characters are placed; the rest must begin at part {@code i}. */
    private void continueAt(List<Part> parts, int i, int matched, List<ValueMatch> conditions) {
        if (i == parts.size()) {
            return;
        }
        Part part = parts.get(i);
        String rest = query.substring(matched);
        if (!part.isValue()) {
            if (part.literal().startsWith(rest)) {
                add(conditions);
            } else if (rest.startsWith(part.literal())) {
                continueAt(parts, i + 1, matched + part.literal().length(), conditions);
            }
            return;
        }
        add(with(conditions, match(part, Relation.STARTS_WITH, rest)));
        for (int j = 1; j < rest.length(); j++) {
            continueAt(parts, i + 1, matched + j, with(conditions, match(part, Relation.EQUALS, rest.substring(0, j))));
        }
    }

    private static ValueMatch match(Part value, Relation relation, String text) {
        return new ValueMatch(value.arg(), value.format(), relation, text);
    }

    private static List<ValueMatch> with(List<ValueMatch> conditions, ValueMatch more) {
        List<ValueMatch> all = new ArrayList<>(conditions);
        all.add(more);
        return all;
    }

    /** Keeps a condition that some values can meet. */
    private void add(List<ValueMatch> condition) {
        if (condition.stream().allMatch(ValueMatch::possible)) {
            argumentConditions.add(condition.toArray(ValueMatch[]::new));
        }
    }
}
