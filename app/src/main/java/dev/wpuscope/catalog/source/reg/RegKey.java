package dev.wpuscope.catalog.source.reg;

import java.util.List;
import java.util.Optional;

/**
 * One {@code [key]} section of a registry export with its values in file order.
 *
 * @param path the key path as written between the brackets
 * @param line the line of the {@code [key]} header
 */
record RegKey(String path, int line, List<RegValue> values) {

    RegKey {
        values = List.copyOf(values);
    }

    /** The value with this name (case-insensitive, as in the registry); the last one when repeated. */
    Optional<RegValue> value(String name) {
        RegValue found = null;
        for (RegValue v : values) {
            if (v.name().equalsIgnoreCase(name)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }
}
