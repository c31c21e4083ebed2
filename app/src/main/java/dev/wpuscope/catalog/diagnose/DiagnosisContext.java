package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;

/**
 * What rules look at.
 *
 * @param snapshot the catalogs and namespace providers to check
 * @param files    checks provider DLLs; unavailable for files read from another machine
 */
public record DiagnosisContext(CatalogSnapshot snapshot, ProviderFileCheck files) {
}
