package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.known.KnownLsps;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the catalog tree: per catalog (64-bit, then 32-bit) the protocol chains with their links
 * resolved (a missing link is its own node), the base providers, the layered entries and invalid entries.
 */
public final class ChainTree {

    private ChainTree() {
    }

    /** The tree; layered entries and chains of a known product carry its name ({@code known} recognises them). */
    public static List<ChainTreeNode> of(CatalogSnapshot snapshot, List<EntryRow> rows, KnownLsps known) {
        List<ChainTreeNode> roots = new ArrayList<>();
        for (Bitness bitness : Bitness.values()) {
            snapshot.catalog(bitness).ifPresent(catalog -> roots.add(catalogNode(catalog, rowsOf(catalog, rows),
                    known)));
        }
        return roots;
    }

    private static List<EntryRow> rowsOf(Catalog catalog, List<EntryRow> rows) {
        return rows.stream().filter(r -> r.catalog() == catalog).toList();
    }

    private static ChainTreeNode catalogNode(Catalog catalog, List<EntryRow> rows, KnownLsps known) {
        List<ChainTreeNode> groups = new ArrayList<>();
        addGroup(groups, "Protocol chains", rows, EntryType.CHAIN, known);
        addGroup(groups, "Base providers", rows, EntryType.BASE, known);
        addGroup(groups, "Layered entries (LSPs)", rows, EntryType.LAYERED, known);
        addGroup(groups, "Invalid entries", rows, EntryType.INVALID, known);
        String label = catalog.bitness().label() + " catalog (" + catalog.bitness().registryKey() + ", "
                + catalog.entries().size() + " entries)";
        return new ChainTreeNode(label, ChainTreeNode.Kind.CATALOG, null, groups);
    }

    private static void addGroup(List<ChainTreeNode> groups, String title, List<EntryRow> rows, EntryType type,
                                 KnownLsps known) {
        List<ChainTreeNode> members = rows.stream()
                .filter(r -> r.entry().info().entryType() == type)
                .map(r -> entryNode(r, known))
                .toList();
        if (!members.isEmpty()) {
            groups.add(new ChainTreeNode(title + " (" + members.size() + ")", ChainTreeNode.Kind.GROUP, null, members));
        }
    }

    private static ChainTreeNode entryNode(EntryRow row, KnownLsps known) {
        String label = row.idText() + "  " + EntryLabels.name(row.entry()) + productTag(row, known);
        if (row.entry().info().entryType() != EntryType.CHAIN) {
            return ChainTreeNode.leaf(label, ChainTreeNode.Kind.ENTRY, row);
        }
        List<ChainTreeNode> links = new ArrayList<>();
        List<ChainLink> chain = row.links();
        for (int i = 0; i < chain.size(); i++) {
            links.add(linkNode(row.catalog(), chain.get(i), i, chain.size()));
        }
        return new ChainTreeNode(label, ChainTreeNode.Kind.ENTRY, row, links);
    }

    /** "  — Lavasoft Web Companion" for a known product's entries; "  — unknown product" for other layered entries. */
    private static String productTag(EntryRow row, KnownLsps known) {
        EntryType type = row.entry().info().entryType();
        if (type != EntryType.LAYERED && type != EntryType.CHAIN) {
            return "";
        }
        return known.match(row.entry()).map(m -> "  — " + m.product().displayName())
                .orElse(type == EntryType.LAYERED ? "  — unknown product" : "");
    }

    private static ChainTreeNode linkNode(Catalog catalog, ChainLink link, int index, int length) {
        String id = Integer.toUnsignedString(link.catalogEntryId());
        String role = index == 0 ? "layered entry" : index == length - 1 ? "base provider" : "layer";
        if (link.isMissing()) {
            return ChainTreeNode.leaf(id + "  missing from the " + catalog.bitness().label() + " catalog (" + role + ")",
                    ChainTreeNode.Kind.MISSING_LINK, null);
        }
        CatalogEntry entry = link.entry();
        EntryRow target = new EntryRow(catalog, catalog.entries().indexOf(entry) + 1, entry);
        return ChainTreeNode.leaf(id + "  " + EntryLabels.name(entry) + "  (" + role + ")", ChainTreeNode.Kind.LINK, target);
    }
}
