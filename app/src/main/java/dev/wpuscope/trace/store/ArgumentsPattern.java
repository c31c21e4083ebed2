package dev.wpuscope.trace.store;

import dev.wpuscope.trace.store.ValueMatch.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A free-text query compiled against the fixed template of a call's Arguments text ({@code name=value, name=value},
 * the values as {@link ArgFormat} writes them): every way the query can lie in that text (inside a value, or across
 * names and values) comes down to conditions on single values ({@link ValueMatch}), tested per row without writing
 * the text.
 */
final class ArgumentsPattern {

    private final String query;
    private final int argNames;
    /** Conditions of which one must hold entirely; an empty one means every row matches. */
    private final List<ValueMatch[]> conditions = new ArrayList<>();
    private final boolean always;

    /**
     * @param names    the arguments' names, in order
     * @param formatOf how the argument of a name is written
     */
    ArgumentsPattern(List<String> names, Function<String, ArgFormat> formatOf, String lowerQuery) {
        this.query = lowerQuery;
        this.argNames = names.size();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(new Part((i == 0 ? "" : ", ") + names.get(i).toLowerCase(Locale.ROOT) + "=", -1, null));
            parts.add(new Part(null, i, formatOf.apply(names.get(i))));
        }
        compile(parts);
        always = conditions.stream().anyMatch(c -> c.length == 0);
    }

    /** Whether the query lies in the text of every row (e.g. in a name). */
    boolean always() {
        return always;
    }

    /** Whether the query may lie in some row's text. */
    boolean possible() {
        return !conditions.isEmpty();
    }

    /**
     * Whether the query lies in the Arguments text of a row written with this template. The conditions are those of
     * the full template; a row with fewer arguments than names shows a prefix of that text (missing arguments read
     * as 0), so it can match only where the full text does, and is then checked on its own text.
     */
    boolean matchesRow(EventStore store, int row, ShownValues values, ArgCursor cursor) {
        if (!always && !(possible() && holds(cursor.read(store, row, argNames), values))) {
            return false;
        }
        return store.argCount(row) >= argNames || TextQuery.contains(EventText.arguments(store, row), query);
    }

    /** Whether the query lies in the text of a row with these arguments (all of the template's). */
    private boolean holds(long[] args, ShownValues values) {
        for (ValueMatch[] condition : conditions) {
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

    /** A piece of the arguments text: fixed text, or the value of argument {@code arg}. */
    private record Part(String literal, int arg, ArgFormat format) {
        boolean isValue() {
            return literal == null;
        }
    }

    /** Every place the query may start: inside a fixed piece or inside a value. */
    private void compile(List<Part> parts) {
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
    private void continueAt(List<Part> parts, int i, int matched, List<ValueMatch> placed) {
        if (i == parts.size()) {
            return;
        }
        Part part = parts.get(i);
        String rest = query.substring(matched);
        if (!part.isValue()) {
            if (part.literal().startsWith(rest)) {
                add(placed);
            } else if (rest.startsWith(part.literal())) {
                continueAt(parts, i + 1, matched + part.literal().length(), placed);
            }
            return;
        }
        add(with(placed, match(part, Relation.STARTS_WITH, rest)));
        for (int j = 1; j < rest.length(); j++) {
            continueAt(parts, i + 1, matched + j, with(placed, match(part, Relation.EQUALS, rest.substring(0, j))));
        }
    }

    private static ValueMatch match(Part value, Relation relation, String text) {
        return new ValueMatch(value.arg(), value.format(), relation, text);
    }

    private static List<ValueMatch> with(List<ValueMatch> placed, ValueMatch more) {
        List<ValueMatch> all = new ArrayList<>(placed);
        all.add(more);
        return all;
    }

    /** Keeps a condition that some values can meet. */
    private void add(List<ValueMatch> condition) {
        if (condition.stream().allMatch(ValueMatch::possible)) {
            conditions.add(condition.toArray(ValueMatch[]::new));
        }
    }
}
