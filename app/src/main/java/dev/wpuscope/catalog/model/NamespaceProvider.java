package dev.wpuscope.catalog.model;

import java.util.UUID;

/**
 * One namespace provider ({@code NameSpace_Catalog5}). Unknown fields are {@code null}
 * (for example AddressFamily, which many installations do not store).
 */
public record NamespaceProvider(
        Bitness bitness,
        String libraryPath,
        String displayString,
        UUID providerId,
        Integer supportedNameSpace,
        Boolean enabled,
        Integer version,
        Boolean storesServiceClassInfo,
        Integer addressFamily,
        String origin) {
}
