package dev.wpuscope.ui.catalogview;

import java.util.List;

/**
 * A node of the catalog tree: a catalog, a group, an entry or one link of a chain.
 *
 * @param entry the entry the node stands for, or {@code null} for groups and missing links
 */
public record ChainTreeNode(String label, Kind kind, EntryRow entry, List<ChainTreeNode> children) {

    public enum Kind { CATALOG, GROUP, ENTRY, LINK, MISSING_LINK }

    public ChainTreeNode {
        children = List.copyOf(children);
    }

    static ChainTreeNode leaf(String label, Kind kind, EntryRow entry) {
        return new ChainTreeNode(label, kind, entry, List.of());
    }
}
