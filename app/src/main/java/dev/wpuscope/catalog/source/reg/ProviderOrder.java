package dev.wpuscope.catalog.source.reg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Orders catalog subkeys as Windows does: by the number in their {@code %012u} names. Names that are not
 * numbers (template placeholders, hand-made exports) follow the numbered ones in file order, and each is
 * reported, since their real position is unknown.
 */
final class ProviderOrder {

    /** The items in provider order, and whether that order is certain (every name a number). */
    record Sorted<T>(List<T> items, boolean certain, List<String> notes) {
    }

    private ProviderOrder() {
    }

    /**
     * @param name  the subkey name of an item
     * @param where how to name an item in a note ("file:line: [key]")
     */
    static <T> Sorted<T> sort(List<T> inFileOrder, Function<T, String> name, Function<T, String> where) {
        List<T> numbered = new ArrayList<>();
        List<T> unnumbered = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (T item : inFileOrder) {
            if (name.apply(item).chars().allMatch(c -> c >= '0' && c <= '9') && !name.apply(item).isEmpty()) {
                numbered.add(item);
            } else {
                unnumbered.add(item);
                notes.add(where.apply(item) + ": subkey name \"" + name.apply(item) + "\" is not a number, so its"
                        + " provider order is unknown; it is placed after the numbered entries, in file order");
            }
        }
        numbered.sort(Comparator.comparing(item -> new BigInteger(name.apply(item))));
        List<T> items = new ArrayList<>(numbered);
        items.addAll(unnumbered);
        return new Sorted<>(List.copyOf(items), unnumbered.isEmpty(), List.copyOf(notes));
    }
}
