package dev.wpuscope.catalog.source.netsh;

import java.util.List;

/** What a {@code netsh winsock show catalog} dump cannot tell, stated in every snapshot read from one. */
final class NetshLimitations {

    static final List<String> ALL = List.of(
            "netsh prints no provider flags (dwProviderFlags, PFL_*): they are unknown.",
            "netsh prints only dwServiceFlags1 ('Service Flags'): dwServiceFlags2 to 4 are unknown.",
            "netsh does not print iProtocolMaxOffset, iNetworkByteOrder, iSecurityScheme, dwMessageSize or "
                    + "dwProviderReserved: they are unknown.",
            "netsh prints the ids of a protocol chain only for chain entries (length above 1); the raw ChainEntries "
                    + "slots of base and layered entries are unknown.",
            "Which catalog an entry is in comes from the '(32)' mark netsh gives entries of the 32-bit (WOW64) "
                    + "catalog; unmarked entries are taken as the 64-bit catalog. A dump made on 32-bit Windows has no "
                    + "marks, so its entries (really its only, 32-bit, catalog) appear as 64-bit: the dump does not say "
                    + "which Windows it came from.",
            "Entries are in the order netsh printed them, which within each catalog is the provider order when the "
                    + "dump is complete; the order is marked known only when the dump looks whole (a cut exactly at a "
                    + "block boundary cannot be seen). netsh tells nothing about order between the two catalogs.",
            "Namespace providers: netsh prints description, provider id, name space, active and version only (no DLL "
                    + "path, address family or StoresServiceClassInfo), and only the namespace catalog of its own "
                    + "bitness; they are reported as 64-bit and the 32-bit namespace catalog is not shown.",
            "netsh shows no ProtocolName registry values, raw PackedCatalogItem data, AppId_Catalog rules or LSP "
                    + "categories.",
            "Provider paths are as printed (unexpanded, e.g. %SystemRoot%); whether the DLLs exist cannot be checked "
                    + "from a dump.",
            "Descriptions are the names netsh displays, in the language of the machine it ran on.");

    private NetshLimitations() {
    }
}
