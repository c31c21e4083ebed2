package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.model.NamespaceProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares namespace providers, matched by bitness and provider GUID (or display string without GUID). */
final class NamespaceDiffer {

    private static final List<ComparedField<NamespaceProvider>> FIELDS = List.of(
            ComparedField.plain("DisplayString", NamespaceProvider::displayString),
            ComparedField.plain("LibraryPath", NamespaceProvider::libraryPath),
            ComparedField.plain("SupportedNameSpace", NamespaceProvider::supportedNameSpace),
            ComparedField.plain("Enabled", NamespaceProvider::enabled),
            ComparedField.plain("Version", NamespaceProvider::version),
            ComparedField.plain("StoresServiceClassInfo", NamespaceProvider::storesServiceClassInfo),
            ComparedField.plain("AddressFamily", NamespaceProvider::addressFamily));

    NamespaceDiff diff(List<NamespaceProvider> before, List<NamespaceProvider> after) {
        Map<List<Object>, NamespaceProvider> remaining = new LinkedHashMap<>();
        after.forEach(p -> remaining.putIfAbsent(key(p), p));
        List<NamespaceProvider> removed = new ArrayList<>();
        List<NamespaceChange> changed = new ArrayList<>();
        for (NamespaceProvider p : before) {
            NamespaceProvider partner = remaining.remove(key(p));
            if (partner == null) {
                removed.add(p);
            } else {
                List<FieldChange> fields = ComparedField.compareAll(FIELDS, p, partner);
                if (!fields.isEmpty()) {
                    changed.add(new NamespaceChange(p, partner, fields));
                }
            }
        }
        List<NamespaceProvider> added = after.stream().filter(p -> remaining.get(key(p)) == p).toList();
        return new NamespaceDiff(added, removed, changed);
    }

    private static List<Object> key(NamespaceProvider p) {
        return List.of(p.bitness(), p.providerId() != null ? p.providerId() : String.valueOf(p.displayString()));
    }
}
