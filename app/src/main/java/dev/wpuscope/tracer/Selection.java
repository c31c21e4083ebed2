package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProviderFlag;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which catalog entries the tracer is put on top of. */
public sealed interface Selection {

    /** Whether this entry of this catalog is selected. */
    boolean selects(Catalog catalog, CatalogEntry entry);

    /** For the plan's text, e.g. "every visible entry of address family 23". */
    String describe();

    /** Every visible base provider and protocol chain. */
    record All() implements Selection {
        @Override
        public boolean selects(Catalog catalog, CatalogEntry entry) {
            return isVisibleProtocol(entry);
        }

        @Override
        public String describe() {
            return "every visible base provider and protocol chain";
        }
    }

    /** The visible entries of one address family (iAddressFamily). */
    record Family(int addressFamily) implements Selection {
        @Override
        public boolean selects(Catalog catalog, CatalogEntry entry) {
            return isVisibleProtocol(entry) && Integer.valueOf(addressFamily).equals(entry.info().addressFamily());
        }

        @Override
        public String describe() {
            return "every visible entry of address family " + addressFamily;
        }
    }

    /** The visible entries of one protocol (iProtocol). */
    record Protocol(int protocol) implements Selection {
        @Override
        public boolean selects(Catalog catalog, CatalogEntry entry) {
            return isVisibleProtocol(entry) && Integer.valueOf(protocol).equals(entry.info().protocol());
        }

        @Override
        public String describe() {
            return "every visible entry of protocol " + protocol;
        }
    }

    /** The chains of one LSP: chains with this ProviderId, or whose chain holds a layered entry with it. */
    record Lsp(UUID providerId) implements Selection {
        @Override
        public boolean selects(Catalog catalog, CatalogEntry entry) {
            if (entry.info().entryType() != EntryType.CHAIN) {
                return false;
            }
            return providerId.equals(entry.info().providerId()) || catalog.resolveChain(entry).stream()
                    .anyMatch(link -> !link.isMissing() && providerId.equals(link.entry().info().providerId()));
        }

        @Override
        public String describe() {
            return "the protocol chains of the LSP {" + providerId + "}";
        }
    }

    /** Entries chosen by catalog id (base providers or chains; the same id in both catalogs). */
    record Entries(List<Integer> ids) implements Selection {
        public Entries {
            ids = List.copyOf(ids);
        }

        @Override
        public boolean selects(Catalog catalog, CatalogEntry entry) {
            return entry.id() != null && ids.contains(entry.id());
        }

        @Override
        public String describe() {
            return "the entries with catalog id " + ids.stream().map(Integer::toUnsignedString)
                    .collect(Collectors.joining(", "));
        }
    }

    private static boolean isVisibleProtocol(CatalogEntry entry) {
        EntryType type = entry.info().entryType();
        return (type == EntryType.BASE || type == EntryType.CHAIN)
                && !entry.info().hasProviderFlag(ProviderFlag.HIDDEN);
    }
}
