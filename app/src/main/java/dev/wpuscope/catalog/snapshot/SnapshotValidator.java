package dev.wpuscope.catalog.snapshot;

import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.util.Map;

/**
 * Checks what JSON binding cannot: values the model needs that a hand-edited or damaged file may lack.
 * Fields a source may not know (most of ProtocolInfo, paths, names) may be null.
 */
final class SnapshotValidator {

    private SnapshotValidator() {
    }

    static void check(SnapshotDocument document, String name) throws CatalogReadException {
        require(document.kind() != null, name, "kind");
        for (Map.Entry<Bitness, Catalog> e : document.catalogs().entrySet()) {
            String at = "catalogs." + e.getKey().name();
            require(e.getKey() == e.getValue().bitness(), name, at + ".bitness (must be " + e.getKey().name() + ")");
            for (int i = 0; i < e.getValue().entries().size(); i++) {
                require(e.getValue().entries().get(i).info() != null, name, at + ".entries[" + i + "].info");
            }
        }
        for (int i = 0; i < document.namespaceProviders().size(); i++) {
            NamespaceProvider provider = document.namespaceProviders().get(i);
            require(provider.bitness() != null, name, "namespaceProviders[" + i + "].bitness");
        }
        for (int i = 0; i < document.appIdRules().size(); i++) {
            AppIdRule rule = document.appIdRules().get(i);
            require(rule.key() != null, name, "appIdRules[" + i + "].key");
        }
    }

    private static void require(boolean present, String name, String field) throws CatalogReadException {
        if (!present) {
            throw new CatalogReadException(name + ": snapshot value " + field + " is missing or wrong");
        }
    }
}
