package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WPS006: a protocol provider DLL that does not exist where a process of the catalog's bitness would load it.
 * When files cannot be checked (a catalog read from a file of another machine) it says so once.
 */
final class ProviderFileRule extends BaseRule {

    ProviderFileRule() {
        super("WPS006", Severity.ERROR, "A provider DLL does not exist (live only; %SystemRoot% expanded, WOW64 "
                + "redirection applied); offline sources say once that files are not checkable");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        Optional<String> unavailable = context.files().unavailableReason();
        if (unavailable.isPresent()) {
            return hasAnyPath(context) ? List.of(notCheckable(unavailable.get())) : List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Catalog catalog : context.snapshot().catalogs().values()) {
            Map<String, List<CatalogEntry>> byPath = new LinkedHashMap<>();
            for (CatalogEntry entry : catalog.entries()) {
                if (entry.providerPath() != null && !entry.providerPath().isBlank()) {
                    byPath.computeIfAbsent(entry.providerPath(), p -> new ArrayList<>()).add(entry);
                }
            }
            byPath.forEach((path, entries) -> {
                FileStatus status = context.files().check(path, catalog.bitness());
                if (!status.exists()) {
                    findings.add(missing(catalog, path, status, entries));
                }
            });
        }
        return findings;
    }

    private Finding missing(Catalog catalog, String path, FileStatus status, List<CatalogEntry> entries) {
        return finding("Provider DLL " + path + " of " + entries.size() + " " + catalog.bitness().label()
                        + " entr" + (entries.size() == 1 ? "y" : "ies") + " does not exist (looked at "
                        + status.resolvedPath() + ")",
                entries.stream().map(e -> EntryRef.of(catalog.bitness(), e)).toList(),
                "ws2_32 loads this DLL when an application creates a socket with one of these entries; the "
                        + "load fails, so those sockets fail with WSAEPROVIDERFAILEDINIT (10106). For an LSP "
                        + "chain placed first this breaks networking for every " + catalog.bitness().label()
                        + " application. The DLL was deleted (often by an antivirus or an uninstaller) while "
                        + "its catalog entries stayed.",
                "Reinstall the software that installed the DLL, or remove its entries (its uninstaller, "
                        + "WSCDeinstallProvider, or netsh winsock reset as administrator, then reboot).");
    }

    private Finding notCheckable(String reason) {
        return finding(Severity.INFO, "Provider and namespace DLLs were not checked: " + reason,
                List.of(),
                "Whether a provider DLL exists can only be checked on the machine the catalog belongs to, "
                        + "with its %SystemRoot% and WOW64 file-system redirection.",
                "Diagnose the live catalog on that machine (wpuscope on Windows) to have the files checked.");
    }

    private static boolean hasAnyPath(DiagnosisContext context) {
        return context.snapshot().catalogs().values().stream()
                .flatMap(c -> c.entries().stream()).anyMatch(e -> e.providerPath() != null)
                || context.snapshot().namespaceProviders().stream().anyMatch(n -> n.libraryPath() != null);
    }
}
