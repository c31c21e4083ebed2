package dev.wpuscope.cli;

import dev.wpuscope.catalog.WinsockNames;
import dev.wpuscope.catalog.diagnose.RecognisedLsp;
import dev.wpuscope.catalog.known.EntryMatch;
import dev.wpuscope.catalog.known.KnownBreakage;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.known.KnownProduct;
import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Prints a snapshot as text: each catalog (64-bit, then 32-bit) as a tree of base providers and layered
 * entries with the chains that use them, every chain resolved to entry names, every field decoded; then the
 * namespace providers, AppId rules, warnings and what the source cannot tell.
 */
final class CatalogTreeWriter {

    private static final String FIELD = "%s%-14s %s%n";

    private final PrintWriter out;
    private final KnownLsps known;
    private Map<UUID, Integer> lspCategories = Map.of();

    CatalogTreeWriter(PrintWriter out, KnownLsps known) {
        this.out = out;
        this.known = known;
    }

    void write(CatalogSnapshot snapshot) {
        lspCategories = snapshot.lspCategories();
        out.println(snapshot.kind().label() + ": " + snapshot.location());
        if (snapshot.catalogs().isEmpty()) {
            out.println();
            out.println("No protocol catalog.");
        }
        for (Bitness bitness : Bitness.values()) {
            snapshot.catalog(bitness).ifPresent(this::writeCatalog);
        }
        writeNamespaceProviders(snapshot);
        writeProducts(snapshot);
        writeAppIdRules(snapshot);
        writeList("Warnings", snapshot.warnings());
        writeList("What this source cannot tell", snapshot.limitations());
        out.flush();
    }

    private void writeCatalog(Catalog catalog) {
        out.println();
        out.println(catalog.bitness().label() + " catalog (" + catalog.bitness().registryKey() + "): "
                + catalog.entries().size() + " entries" + (catalog.orderKnown() ? ", in provider order"
                : ", real provider order unknown"));
        out.println("  Base providers (" + catalog.entriesOfType(EntryType.BASE).size() + ")");
        writeEntries(catalog, catalog.entriesOfType(EntryType.BASE));
        List<CatalogEntry> layered = catalog.entriesOfType(EntryType.LAYERED);
        out.println("  Layered providers (" + layered.size() + ")");
        for (CatalogEntry lsp : layered) {
            writeEntry(catalog, lsp, "    ");
            List<CatalogEntry> chains = chainsUsing(catalog, lsp);
            out.println("      Chains using it (" + chains.size() + ")");
            for (CatalogEntry chain : chains) {
                writeEntry(catalog, chain, "        ");
            }
        }
        List<CatalogEntry> orphans = catalog.entriesOfType(EntryType.CHAIN).stream()
                .filter(chain -> catalog.resolveChain(chain).stream()
                        .noneMatch(link -> layered.contains(link.entry())))
                .toList();
        writeGroup(catalog, "Chains with no layered entry present", orphans);
        writeGroup(catalog, "Entries with an invalid chain length", catalog.entriesOfType(EntryType.INVALID));
        writeGroup(catalog, "Entries of unknown type (no chain length)", catalog.entries().stream()
                .filter(e -> e.info().entryType() == null).toList());
    }

    /** A group that only problem catalogs have: printed when it is not empty. */
    private void writeGroup(Catalog catalog, String title, List<CatalogEntry> entries) {
        if (!entries.isEmpty()) {
            out.println("  " + title + " (" + entries.size() + ")");
            writeEntries(catalog, entries);
        }
    }

    private void writeEntries(Catalog catalog, List<CatalogEntry> entries) {
        for (CatalogEntry entry : entries) {
            writeEntry(catalog, entry, "    ");
        }
    }

    /** Chains that name this layered entry anywhere in their chain. */
    private static List<CatalogEntry> chainsUsing(Catalog catalog, CatalogEntry layered) {
        return catalog.entriesOfType(EntryType.CHAIN).stream()
                .filter(chain -> catalog.resolveChain(chain).stream().anyMatch(link -> link.entry() == layered))
                .toList();
    }

    private void writeEntry(Catalog catalog, CatalogEntry entry, String indent) {
        ProtocolInfo info = entry.info();
        out.println(indent + "#" + (catalog.entries().indexOf(entry) + 1) + " [" + id(info.catalogEntryId()) + "] "
                + entry.displayName());
        String fields = indent + "    ";
        if (info.entryType() == EntryType.CHAIN) {
            out.printf(FIELD, fields, "Chain", catalog.resolveChain(entry).stream()
                    .map(CatalogTreeWriter::link).collect(Collectors.joining(" -> ")));
        } else if (info.entryType() == EntryType.INVALID) {
            out.printf(FIELD, fields, "ChainLen", info.chainLength() + " (valid: 0 to 7)");
        }
        if (entry.protocolNameValue() != null && !entry.protocolNameValue().equals(info.protocolName())) {
            out.printf(FIELD, fields, "ProtocolName", entry.protocolNameValue());
        }
        if (info.entryType() == EntryType.LAYERED || info.entryType() == EntryType.CHAIN) {
            out.printf(FIELD, fields, "Product", known.match(entry).map(EntryMatch::describe)
                    .orElse("not a product wpuscope knows"));
        }
        out.printf(FIELD, fields, "DLL", entry.providerPath() == null ? "unknown" : entry.providerPath());
        out.printf(FIELD, fields, "Provider GUID", info.providerId() == null ? "unknown"
                : "{" + info.providerId() + "}");
        out.printf(FIELD, fields, "Socket", WinsockNames.addressFamily(info.addressFamily()) + ", "
                + WinsockNames.socketType(info.socketType()) + ", "
                + WinsockNames.protocol(info.addressFamily(), info.protocol()));
        out.printf(FIELD, fields, "Service flags", WinsockNames.serviceFlags(info.serviceFlags1()));
        out.printf(FIELD, fields, "Provider flags", WinsockNames.providerFlags(info.providerFlags()));
        if (info.entryType() == EntryType.LAYERED && lspCategories.containsKey(info.providerId())) {
            out.printf(FIELD, fields, "LSP categories", WinsockNames.lspCategories(lspCategories.get(
                    info.providerId())));
        }
        List<String> other = new ArrayList<>();
        other.add("version " + number(info.version()));
        other.add("sockaddr " + number(info.minSockAddr()) + ".." + number(info.maxSockAddr()));
        other.add("protocol max offset " + number(info.protocolMaxOffset()));
        other.add("byte order " + byteOrder(info.networkByteOrder()));
        other.add("security scheme " + number(info.securityScheme()));
        other.add("message size " + unsigned(info.messageSize()));
        other.add("reserved " + unsigned(info.providerReserved()));
        out.printf(FIELD, fields, "Other", String.join(", ", other));
        List<String> extraFlags = new ArrayList<>();
        addNonZero(extraFlags, "dwServiceFlags2", info.serviceFlags2());
        addNonZero(extraFlags, "dwServiceFlags3", info.serviceFlags3());
        addNonZero(extraFlags, "dwServiceFlags4", info.serviceFlags4());
        if (!extraFlags.isEmpty()) {
            out.printf(FIELD, fields, "More flags", String.join(", ", extraFlags));
        }
    }

    private static String link(ChainLink link) {
        String name = link.isMissing() ? "MISSING ENTRY" : link.entry().displayName();
        return name + " [" + Integer.toUnsignedString(link.catalogEntryId()) + "]";
    }

    private void writeNamespaceProviders(CatalogSnapshot snapshot) {
        if (snapshot.namespaceProviders().isEmpty()) {
            return;
        }
        out.println();
        out.println("Namespace providers (" + snapshot.namespaceProviders().size() + ")");
        for (NamespaceProvider ns : snapshot.namespaceProviders()) {
            out.println("  " + ns.bitness().label() + "  " + Objects.requireNonNullElse(ns.displayString(), "(no name)")
                    + (Boolean.FALSE.equals(ns.enabled()) ? "  [DISABLED]" : ""));
            out.printf(FIELD, "      ", "DLL", Objects.requireNonNullElse(ns.libraryPath(), "unknown"));
            out.printf(FIELD, "      ", "Provider GUID", ns.providerId() == null ? "unknown" : "{" + ns.providerId()
                    + "}");
            out.printf(FIELD, "      ", "Namespace", WinsockNames.namespace(ns.supportedNameSpace()));
            out.printf(FIELD, "      ", "Other", "enabled " + yesNo(ns.enabled()) + ", version " + number(ns.version())
                    + ", stores service class info " + yesNo(ns.storesServiceClassInfo()) + ", address family "
                    + WinsockNames.addressFamily(ns.addressFamily()));
        }
    }

    /** Each LSP with the product it was recognised as, what that product is known to break and the fix. */
    private void writeProducts(CatalogSnapshot snapshot) {
        List<RecognisedLsp> lsps = RecognisedLsp.of(snapshot, known);
        if (lsps.isEmpty()) {
            return;
        }
        out.println();
        out.println("LSP products (" + lsps.size() + ")");
        for (RecognisedLsp lsp : lsps) {
            out.println("  " + lsp.bitness().label() + "  " + lsp.describe());
            lsp.match().ifPresent(match -> {
                KnownProduct product = match.product();
                out.printf(FIELD, "      ", "What it is", product.description() + " (" + product.aboutSource() + ")");
                for (KnownBreakage breakage : product.breakages()) {
                    out.printf(FIELD, "      ", "Breaks", breakage.describe());
                }
                product.workarounds().forEach(fix -> out.printf(FIELD, "      ", "Workaround", fix));
            });
        }
    }

    private void writeAppIdRules(CatalogSnapshot snapshot) {
        if (snapshot.appIdRules().isEmpty()) {
            return;
        }
        out.println();
        out.println("Application LSP category rules, AppId_Catalog (" + snapshot.appIdRules().size() + ")");
        for (AppIdRule rule : snapshot.appIdRules()) {
            out.println("  " + Objects.requireNonNullElse(rule.appFullPath(), "(no path)") + "  ["
                    + rule.key() + "]");
            out.printf(FIELD, "      ", "Permits", WinsockNames.lspCategories(rule.permittedLspCategories()));
        }
    }

    private void writeList(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (String line : lines) {
            out.println("  - " + line);
        }
    }

    private static void addNonZero(List<String> into, String name, Integer flags) {
        if (flags != null && flags != 0) {
            into.add(name + " " + String.format("0x%08x", flags));
        }
    }

    private static String id(Integer id) {
        return id == null ? "?" : Integer.toUnsignedString(id);
    }

    private static String number(Integer value) {
        return value == null ? "unknown" : String.valueOf(value);
    }

    private static String unsigned(Integer value) {
        return value == null ? "unknown" : Integer.toUnsignedString(value);
    }

    private static String byteOrder(Integer order) {
        if (order == null) {
            return "unknown";
        }
        return switch (order) {
            case 0 -> "big-endian";
            case 1 -> "little-endian";
            default -> String.valueOf(order);
        };
    }

    private static String yesNo(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }
}
