package dev.wpuscope.catalog.diff;

import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.CatalogFixtures.Lsp;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.ServiceFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDifferTest {

    static final String DLL = "C:\\lsp\\lsp.dll";

    static CatalogDiff diff64(CatalogBuilder before, CatalogBuilder after) {
        return new CatalogDiffer().diff(snapshot(before).build(), snapshot(after).build()).catalogs().get(0);
    }

    @Test
    void sameCatalogWithOtherIdsHasNoDifference() {
        CatalogBuilder clean = windows(Bitness.X64);
        CatalogBuilder shifted = new CatalogBuilder(Bitness.X64).nextId(5001);
        clean.entries().forEach(e -> shifted.base(e.info().protocolName(), e.info().providerId(),
                e.info().addressFamily(), e.info().socketType(), e.info().protocol(), e.info().serviceFlags1()));
        assertTrue(new CatalogDiffer().diff(snapshot(clean).build(), snapshot(shifted).build()).isEmpty());
    }

    @Test
    void addedLspShowsItsLayeredEntryAndChainsAsAddedAndTheChainsMovedNothing() {
        CatalogBuilder clean = windows(Bitness.X64);
        CatalogBuilder customer = windows(Bitness.X64);
        Lsp lsp = customer.lsp("Adware LSP", DLL, false, customer.get(1001), customer.get(1002));
        CatalogDiff d = diff64(clean, customer);
        assertEquals(3, d.added().size());
        assertTrue(d.added().containsAll(lsp.chains()));
        assertTrue(d.added().contains(lsp.layered()));
        assertEquals(List.of(), d.removed());
        assertEquals(List.of(), d.changed());
        assertEquals(List.of(), d.moved(), "base providers keep their relative order");

        CatalogDiff reverse = diff64(customer, clean);
        assertEquals(3, reverse.removed().size());
        assertEquals(List.of(), reverse.added());
    }

    @Test
    void fieldChangesAreListedWithFlagNotes() {
        CatalogBuilder before = windows(Bitness.X64);
        CatalogBuilder after = windows(Bitness.X64);
        after.edit(1001, i -> {
            i.flags1 = i.flags1 & ~ServiceFlag.IFS_HANDLES.bit();
            i.version = 3;
            return i;
        });
        after.path(1002, "C:\\evil\\mswsock.dll");
        CatalogDiff d = diff64(before, after);
        assertEquals(2, d.changed().size());
        EntryChange tcp = d.changed().get(0);
        assertEquals(List.of(new FieldChange("dwServiceFlags1", "0x20066", "0x66", "-XP1_IFS_HANDLES"),
                new FieldChange("iVersion", "2", "3", "")), tcp.fields());
        assertEquals("provider DLL", d.changed().get(1).fields().get(0).field());
    }

    @Test
    void unknownFieldsAreNotChanges() {
        CatalogBuilder before = windows(Bitness.X64);
        CatalogBuilder after = windows(Bitness.X64);
        after.edit(1001, i -> {
            i.providerFlags = null;
            i.flags2 = null;
            return i;
        });
        assertTrue(diff64(before, after).isEmpty());
    }

    @Test
    void chainOverAnotherLinkIsAChangedChain() {
        CatalogBuilder before = windows(Bitness.X64);
        Lsp a = before.lsp("A", DLL, true, before.get(1001));
        CatalogBuilder after = windows(Bitness.X64);
        Lsp a2 = after.lsp("A", DLL, true, after.get(1001));
        after.edit(a2.chains().get(0).id(), i -> i.chain(2, a2.layered().id(), 1004));
        CatalogDiff d = diff64(before, after);
        assertEquals(1, d.changed().size());
        FieldChange chain = d.changed().get(0).fields().get(0);
        assertEquals("chain", chain.field());
        assertEquals("A > MSAFD Tcpip [TCP/IP]", chain.before());
        assertEquals("A > MSAFD Tcpip [TCP/IPv6]", chain.after());
        assertEquals(a.chains().get(0), d.changed().get(0).before());
    }

    @Test
    void orderChangesAreTheEntriesThatMoved() {
        CatalogBuilder before = windows(Bitness.X64);
        CatalogBuilder after = windows(Bitness.X64).moveToEnd(1002);
        CatalogDiff d = diff64(before, after);
        assertEquals(1, d.moved().size());
        OrderChange m = d.moved().get(0);
        assertEquals(1002, m.entry().id());
        assertEquals(2, m.positionBefore());
        assertEquals(6, m.positionAfter());
        assertTrue(diff64(before, windows(Bitness.X64).moveToEnd(1002).excerpt()).moved().isEmpty());
    }

    @Test
    void duplicatesArePairedOneToOne() {
        CatalogBuilder before = windows(Bitness.X64);
        CatalogBuilder after = windows(Bitness.X64).duplicate(1003);
        CatalogDiff d = diff64(before, after);
        assertEquals(1, d.added().size());
        assertEquals(1003, d.added().get(0).id());
    }

    @Test
    void catalogOnlyOnOneSide() {
        var d = new CatalogDiffer().diff(snapshot(windows(Bitness.X64)).build(),
                snapshot(windows(Bitness.X64), windows(Bitness.X86)).build());
        CatalogDiff x86 = d.catalogs().get(1);
        assertEquals(Bitness.X86, x86.bitness());
        assertFalse(x86.inBefore());
        assertEquals(6, x86.added().size());
        assertTrue(d.catalogs().get(0).isEmpty());
    }

    @Test
    void namespaceProvidersAddedRemovedAndChanged() {
        var before = snapshot(windows(Bitness.X64))
                .namespace(Bitness.X64, "DNS", "%SystemRoot%\\System32\\mswsock.dll", true)
                .namespace(Bitness.X64, "Gone", "%SystemRoot%\\System32\\gone.dll", true).build();
        var after = snapshot(windows(Bitness.X64))
                .namespace(Bitness.X64, "DNS", "%SystemRoot%\\System32\\mswsock.dll", false)
                .namespace(Bitness.X64, "New", "C:\\x\\new.dll", true).build();
        NamespaceDiff n = new CatalogDiffer().diff(before, after).namespaces();
        assertEquals("New", n.added().get(0).displayString());
        assertEquals("Gone", n.removed().get(0).displayString());
        assertEquals(List.of(new FieldChange("Enabled", "true", "false", "")), n.changed().get(0).fields());
    }

    @Test
    void longestIncreasingSubsequence() {
        boolean[] m = LongestIncreasing.members(new int[] {0, 2, 3, 1, 4});
        assertEquals("[true, true, true, false, true]", java.util.Arrays.toString(m));
        assertEquals(0, LongestIncreasing.members(new int[0]).length);
    }
}
