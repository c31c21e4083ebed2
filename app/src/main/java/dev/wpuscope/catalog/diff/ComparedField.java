package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.ProviderFlag;
import dev.wpuscope.catalog.model.ServiceFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One field compared between two values of type {@code T}, formatted for people. A field unknown on either
 * side (null) is never reported as changed: the source simply did not have it.
 */
record ComparedField<T>(String name, Function<T, Object> value, Function<Object, String> format,
                        Note note) {

    /** Says what a change means, e.g. which flags were added or removed. */
    interface Note {
        String of(Object before, Object after);
    }

    static <T> ComparedField<T> plain(String name, Function<T, Object> value) {
        return new ComparedField<>(name, value, String::valueOf, (a, b) -> "");
    }

    static <T> ComparedField<T> hex(String name, Function<T, Object> value) {
        return new ComparedField<>(name, value, v -> String.format("0x%X", (Integer) v), (a, b) -> "");
    }

    static <T> ComparedField<T> serviceFlags(String name, Function<T, Object> value) {
        return new ComparedField<>(name, value, v -> String.format("0x%X", (Integer) v),
                (a, b) -> flagNote((Integer) a, (Integer) b, bit -> ServiceFlag.decode(bit).stream()
                        .map(ServiceFlag::constantName).findFirst().orElse(String.format("0x%X", bit))));
    }

    static <T> ComparedField<T> providerFlags(String name, Function<T, Object> value) {
        return new ComparedField<>(name, value, v -> String.format("0x%X", (Integer) v),
                (a, b) -> flagNote((Integer) a, (Integer) b, bit -> ProviderFlag.decode(bit).stream()
                        .map(ProviderFlag::constantName).findFirst().orElse(String.format("0x%X", bit))));
    }

    /** The change of this field, if both sides know it and it differs. */
    Optional<FieldChange> compare(T before, T after) {
        Object a = value.apply(before);
        Object b = value.apply(after);
        if (a == null || b == null || Objects.equals(a, b)) {
            return Optional.empty();
        }
        return Optional.of(new FieldChange(name, format.apply(a), format.apply(b), note.of(a, b)));
    }

    static <T> List<FieldChange> compareAll(List<ComparedField<T>> fields, T before, T after) {
        List<FieldChange> changes = new ArrayList<>();
        fields.forEach(f -> f.compare(before, after).ifPresent(changes::add));
        return changes;
    }

    private static String flagNote(int before, int after, IntFunction<String> nameOfBit) {
        List<String> parts = new ArrayList<>();
        for (int bit = 1; bit != 0; bit <<= 1) {
            if ((after & bit) != 0 && (before & bit) == 0) {
                parts.add("+" + nameOfBit.apply(bit));
            } else if ((before & bit) != 0 && (after & bit) == 0) {
                parts.add("-" + nameOfBit.apply(bit));
            }
        }
        return String.join(" ", parts);
    }
}
