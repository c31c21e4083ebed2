package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** WPS020: a 64-bit catalog entry whose DLL lies in SysWOW64, the 32-bit system directory. */
final class Wow64PathRule extends BaseRule {

    Wow64PathRule() {
        super("WPS020", Severity.WARNING, "A 64-bit catalog entry loads its DLL from SysWOW64, the 32-bit system "
                + "directory");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        return context.snapshot().catalog(Bitness.X64).map(this::check).orElse(List.of());
    }

    private List<Finding> check(Catalog catalog) {
        Map<String, List<CatalogEntry>> byPath = catalog.entries().stream()
                .filter(e -> e.providerPath() != null
                        && e.providerPath().toLowerCase(Locale.ROOT).replace('/', '\\').contains("\\syswow64\\"))
                .collect(Collectors.groupingBy(CatalogEntry::providerPath, LinkedHashMap::new, Collectors.toList()));
        return byPath.entrySet().stream().map(e -> finding(
                        "64-bit entries load " + e.getKey() + " from the 32-bit system directory",
                        e.getValue().stream().map(c -> EntryRef.of(Bitness.X64, c)).toList(),
                        "64-bit processes are not redirected, so they load this file from SysWOW64, where Windows "
                                + "keeps 32-bit DLLs. If it is a 32-bit image, LoadLibrary fails with "
                                + "ERROR_BAD_EXE_FORMAT and every 64-bit socket through these entries fails with "
                                + "WSAEPROVIDERFAILEDINIT; if it is a 64-bit image it works, but the install is "
                                + "fragile (system file cleanups and the next installer expect 32-bit files there).",
                        "Check the file's machine type; have the vendor install the 64-bit DLL into System32 "
                                + "(or its own program folder) and update the entries."))
                .toList();
    }
}
