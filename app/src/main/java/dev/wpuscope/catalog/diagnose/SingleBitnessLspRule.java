package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * WPS011: an LSP installed in only one of the 64-bit and 32-bit catalogs. An LSP is recognised in the other
 * catalog by its layered entry's GUID, or by its name or DLL name once a "64"/"32" suffix is dropped (some
 * vendors install the two halves under different GUIDs, e.g. ierd_tgp_lsp and ierd_tgp_lsp64).
 */
final class SingleBitnessLspRule extends BaseRule {

    SingleBitnessLspRule() {
        super("WPS011", Severity.WARNING, "An LSP present in only one of the 64-bit and 32-bit catalogs");
    }

    @Override
    public List<Finding> check(DiagnosisContext context) {
        Optional<Catalog> x64 = context.snapshot().catalog(Bitness.X64).filter(WholeCatalog::isWhole);
        Optional<Catalog> x86 = context.snapshot().catalog(Bitness.X86).filter(WholeCatalog::isWhole);
        if (x64.isEmpty() || x86.isEmpty()) {
            return List.of();
        }
        List<InstalledLsp> lsps64 = withLayeredEntry(x64.get());
        List<InstalledLsp> lsps32 = withLayeredEntry(x86.get());
        return Stream.concat(
                onlyIn(lsps64, identities(lsps32), Bitness.X86).stream(),
                onlyIn(lsps32, identities(lsps64), Bitness.X64).stream()).toList();
    }

    private List<Finding> onlyIn(List<InstalledLsp> lsps, Set<String> otherIdentities, Bitness missingFrom) {
        return lsps.stream().filter(l -> identities(List.of(l)).stream().noneMatch(otherIdentities::contains))
                .map(l -> finding(l.name() + " is installed in the " + l.bitness().label() + " catalog only",
                        l.refs(l.chains()),
                        missingFrom.label() + " applications do not load this LSP, so whatever it does "
                                + "(filtering, proxying, monitoring) does not happen for them. On 64-bit Windows "
                                + "both catalogs need the LSP (WSCInstallProvider64_32 / "
                                + "WSCInstallProviderAndChains64_32 install both).",
                        "Reinstall the LSP with an installer that covers both catalogs, or confirm that only "
                                + l.bitness().label() + " applications are meant to use it."))
                .toList();
    }

    private static List<InstalledLsp> withLayeredEntry(Catalog catalog) {
        return InstalledLsp.of(catalog).stream().filter(l -> l.layered() != null).toList();
    }

    private static Set<String> identities(List<InstalledLsp> lsps) {
        Set<String> ids = new HashSet<>();
        for (InstalledLsp lsp : lsps) {
            if (lsp.layered().info().providerId() != null) {
                ids.add("guid:" + lsp.layered().info().providerId());
            }
            ids.add("name:" + stem(EntryLabels.name(lsp.layered())));
            if (lsp.layered().providerPath() != null) {
                ids.add("dll:" + stem(EntryLabels.fileName(lsp.layered().providerPath())));
            }
        }
        return ids;
    }

    /** Lower case, without ".dll" and without a trailing bitness marker such as "64", "_x64", "32", "x86". */
    static String stem(String name) {
        String s = name.toLowerCase(Locale.ROOT).trim();
        if (s.endsWith(".dll")) {
            s = s.substring(0, s.length() - 4);
        }
        return s.replaceFirst("[_\\-. ]?(x64|x86|amd64|64|32)$", "");
    }
}
