package dev.wpuscope.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wpuscope.catalog.CatalogFixtures.InfoBuilder;
import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.reg.RegExportFormat;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.InMemoryCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The Windows 10 export with Tencent's LSP, mutations of it, and catalogs compared byte for byte. */
final class RepairFixtures {

    /** Tencent's ierd_tgp_lsp64 layered entry (64-bit catalog, id 1020; its chains are 1021-1023). */
    static final UUID TENCENT64 = UUID.fromString("71708dd8-8c0e-4318-b17d-8ba2a2381916");
    /** Tencent's ierd_tgp_lsp layered entry (32-bit catalog, id 1016; its chains are 1017-1019). */
    static final UUID TENCENT32 = UUID.fromString("4d2062b0-79ca-466e-94d4-21fe2ed90ee6");

    private RepairFixtures() {
    }

    static CatalogSnapshot windows10() throws Exception {
        return new RegExportFormat().read(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
    }

    /** The snapshot with one catalog's entries replaced. */
    static CatalogSnapshot with(CatalogSnapshot snapshot, Bitness bitness, UnaryOperator<List<CatalogEntry>> change) {
        Map<Bitness, Catalog> catalogs = new EnumMap<>(snapshot.catalogs());
        List<CatalogEntry> entries = change.apply(new ArrayList<>(catalogs.get(bitness).entries()));
        catalogs.put(bitness, new Catalog(bitness, entries, true));
        return new CatalogSnapshot(snapshot.kind(), snapshot.location(), catalogs, snapshot.namespaceProviders(),
                snapshot.appIdRules(), snapshot.lspCategories(), snapshot.limitations(), snapshot.warnings());
    }

    static CatalogEntry entry(InfoBuilder info, String dll) {
        return new CatalogEntry(info.build(), dll, null, null, "test");
    }

    static CatalogEntry byId(CatalogSnapshot snapshot, Bitness bitness, int id) {
        return snapshot.catalogs().get(bitness).byId(id).orElseThrow();
    }

    /** Each entry's PackedCatalogItem as hex, in provider order. */
    static List<String> bytes(List<CatalogEntry> entries) {
        return entries.stream().map(e -> HexFormat.of().formatHex(PackedCatalogItem.encode(e))).toList();
    }

    static Map<Bitness, List<String>> bytes(InMemoryCatalog memory) throws CatalogWriteException {
        Map<Bitness, List<String>> bytes = new EnumMap<>(Bitness.class);
        for (Bitness bitness : memory.catalogs()) {
            bytes.put(bitness, bytes(memory.enumerate(bitness).entries()));
        }
        return bytes;
    }

    static Map<Bitness, List<String>> bytes(CatalogSnapshot snapshot) {
        Map<Bitness, List<String>> bytes = new EnumMap<>(Bitness.class);
        snapshot.catalogs().forEach((bitness, catalog) -> bytes.put(bitness, bytes(catalog.entries())));
        return bytes;
    }

    /**
     * The catalog in memory is the original one, byte for byte, except that entries installed again have the ids
     * Windows gave them (in their own field and in the chains naming them) and no registry bytes beyond the fields.
     */
    static void assertSameUpToNewIds(CatalogSnapshot original, InMemoryCatalog memory, String what)
            throws CatalogWriteException {
        assertSameUpToNewIds(original, memory, what, List.of());
    }

    /** As above, where the broken chains {@code mayBeGone} may be missing (the SPI cannot install them again). */
    static void assertSameUpToNewIds(CatalogSnapshot original, InMemoryCatalog memory, String what,
                                     List<CatalogEntry> mayBeGone) throws CatalogWriteException {
        for (Catalog whole : original.catalogs().values()) {
            Catalog present = memory.enumerate(whole.bitness());
            Catalog catalog = new Catalog(whole.bitness(), whole.entries().stream().filter(e -> !mayBeGone.contains(e)
                    || present.byId(e.id()).isPresent()).toList(), true);
            List<CatalogEntry> now = present.entries();
            assertEquals(catalog.entries().size(), now.size(), what);
            Map<Integer, Integer> newIds = new HashMap<>();
            for (int i = 0; i < now.size(); i++) {
                newIds.put(catalog.entries().get(i).id(), now.get(i).id());
            }
            List<CatalogEntry> expected = new ArrayList<>();
            for (CatalogEntry old : catalog.entries()) {
                if (newIds.get(old.id()).equals(old.id())) {
                    expected.add(old);
                    continue;
                }
                InfoBuilder info = InfoBuilder.from(old.info());
                info.id = newIds.get(old.id());
                List<Integer> slots = new ArrayList<>(old.info().chainEntries());
                for (int s = 0; s < old.info().chain().size(); s++) {
                    slots.set(s, newIds.getOrDefault(slots.get(s), slots.get(s)));
                }
                info.chainEntries = slots;
                expected.add(entry(info, old.providerPath()));
            }
            assertEquals(bytes(expected), bytes(now), what);
        }
    }
}
