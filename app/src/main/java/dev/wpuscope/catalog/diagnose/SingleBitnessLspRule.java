package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * WPS011: an LSP installed in only one of the 64-bit and 32-bit catalogs, recognised in the other catalog by its
 * {@link LspIdentity}.
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
        lsps.forEach(lsp -> ids.addAll(LspIdentity.of(lsp.layered())));
        return ids;
    }
}
