package dev.wpuscope.catalog.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one source says about a machine's Winsock configuration. Each source produces this same
 * model and lists in {@code limitations} what it cannot know, instead of inventing values.
 *
 * @param kind          what kind of source this came from
 * @param location      file path or "live"
 * @param catalogs      the protocol catalogs present in the source (one or both bitnesses, possibly none)
 * @param namespaceProviders namespace providers of both bitnesses
 * @param appIdRules    AppId_Catalog rules; empty when the source has none
 * @param lspCategories LSP category bits per provider GUID (live only: WSCGetProviderInfo); empty when unknown
 * @param limitations   readable statements of what this source cannot tell
 * @param warnings      readable notes about input that was skipped or partial (with file and line/offset)
 */
public record CatalogSnapshot(
        SourceKind kind,
        String location,
        Map<Bitness, Catalog> catalogs,
        List<NamespaceProvider> namespaceProviders,
        List<AppIdRule> appIdRules,
        Map<UUID, Integer> lspCategories,
        List<String> limitations,
        List<String> warnings) {

    public CatalogSnapshot {
        EnumMap<Bitness, Catalog> byBitness = new EnumMap<>(Bitness.class);
        byBitness.putAll(catalogs);
        catalogs = Collections.unmodifiableMap(byBitness);
        namespaceProviders = List.copyOf(namespaceProviders);
        appIdRules = List.copyOf(appIdRules);
        lspCategories = Map.copyOf(lspCategories);
        limitations = List.copyOf(limitations);
        warnings = List.copyOf(warnings);
    }

    public Optional<Catalog> catalog(Bitness bitness) {
        return Optional.ofNullable(catalogs.get(bitness));
    }
}
