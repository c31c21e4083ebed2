package dev.wpuscope.catalog.diff;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two snapshots, say a customer's catalog and a clean one. Catalog ids differ between installs, so
 * entries are matched by what they are: provider GUID, address family, socket type, protocol and entry type,
 * first together with the shape of their chain (the identities of its links), then without it so that a
 * chain whose links changed shows as a changed chain rather than a removal and an addition.
 */
public final class CatalogDiffer {

    private static final List<ComparedField<CatalogEntry>> FIELDS = List.of(
            ComparedField.plain("name", EntryLabels::name),
            ComparedField.plain("provider DLL", CatalogEntry::providerPath),
            ComparedField.plain("ProtocolName value", CatalogEntry::protocolNameValue),
            ComparedField.serviceFlags("dwServiceFlags1", e -> e.info().serviceFlags1()),
            ComparedField.hex("dwServiceFlags2", e -> e.info().serviceFlags2()),
            ComparedField.hex("dwServiceFlags3", e -> e.info().serviceFlags3()),
            ComparedField.hex("dwServiceFlags4", e -> e.info().serviceFlags4()),
            ComparedField.providerFlags("dwProviderFlags", e -> e.info().providerFlags()),
            ComparedField.plain("iVersion", e -> e.info().version()),
            ComparedField.plain("iMaxSockAddr", e -> e.info().maxSockAddr()),
            ComparedField.plain("iMinSockAddr", e -> e.info().minSockAddr()),
            ComparedField.plain("iProtocolMaxOffset", e -> e.info().protocolMaxOffset()),
            ComparedField.plain("iNetworkByteOrder", e -> e.info().networkByteOrder()),
            ComparedField.plain("iSecurityScheme", e -> e.info().securityScheme()),
            ComparedField.plain("dwMessageSize", e -> e.info().messageSize()),
            ComparedField.hex("dwProviderReserved", e -> e.info().providerReserved()));

    /** What an entry is, independent of its catalog id. */
    private record Identity(UUID providerId, Integer addressFamily, Integer socketType, Integer protocol,
                            EntryType type) {
        static Identity of(ProtocolInfo i) {
            return new Identity(i.providerId(), i.addressFamily(), i.socketType(), i.protocol(), i.entryType());
        }
    }

    /** An identity together with the identities of its chain's links. */
    private record Shaped(Identity identity, List<Object> links) {
    }

    private record Match(CatalogEntry before, CatalogEntry after) {
    }

    public SnapshotDiff diff(CatalogSnapshot before, CatalogSnapshot after) {
        List<CatalogDiff> catalogs = new ArrayList<>();
        for (Bitness bitness : Bitness.values()) {
            Catalog a = before.catalogs().get(bitness);
            Catalog b = after.catalogs().get(bitness);
            if (a != null || b != null) {
                catalogs.add(diff(bitness, a, b));
            }
        }
        return new SnapshotDiff(before.location(), after.location(), catalogs,
                new NamespaceDiffer().diff(before.namespaceProviders(), after.namespaceProviders()));
    }

    private CatalogDiff diff(Bitness bitness, Catalog before, Catalog after) {
        Catalog a = before != null ? before : new Catalog(bitness, List.of(), true);
        Catalog b = after != null ? after : new Catalog(bitness, List.of(), true);
        List<CatalogEntry> unmatchedBefore = new ArrayList<>(a.entries());
        List<CatalogEntry> unmatchedAfter = new ArrayList<>(b.entries());
        List<Match> matches = new ArrayList<>();
        match(unmatchedBefore, unmatchedAfter, e -> shaped(a, e), e -> shaped(b, e), matches);
        match(unmatchedBefore, unmatchedAfter, e -> Identity.of(e.info()), e -> Identity.of(e.info()), matches);
        List<EntryChange> changed = new ArrayList<>();
        for (Match m : matches) {
            List<FieldChange> fields = ComparedField.compareAll(FIELDS, m.before(), m.after());
            chainChange(a, m.before(), b, m.after()).ifPresent(fields::add);
            if (!fields.isEmpty()) {
                changed.add(new EntryChange(m.before(), m.after(), fields));
            }
        }
        boolean orderCompared = a.orderKnown() && b.orderKnown() && before != null && after != null;
        List<OrderChange> moved = orderCompared ? moved(a, b, matches) : List.of();
        return new CatalogDiff(bitness, before != null, after != null, unmatchedAfter, unmatchedBefore, changed,
                moved, orderCompared);
    }

    /** Pairs entries with equal keys, in order; matched entries leave the unmatched lists. */
    private static void match(List<CatalogEntry> before, List<CatalogEntry> after,
                              Function<CatalogEntry, Object> keyBefore, Function<CatalogEntry, Object> keyAfter,
                              List<Match> matches) {
        Map<Object, ArrayDeque<CatalogEntry>> candidates = new HashMap<>();
        after.forEach(e -> candidates.computeIfAbsent(keyAfter.apply(e), k -> new ArrayDeque<>()).add(e));
        for (CatalogEntry e : List.copyOf(before)) {
            ArrayDeque<CatalogEntry> same = candidates.get(keyBefore.apply(e));
            if (same != null && !same.isEmpty()) {
                CatalogEntry partner = same.poll();
                matches.add(new Match(e, partner));
                before.remove(e);
                after.remove(partner);
            }
        }
    }

    private static Shaped shaped(Catalog catalog, CatalogEntry entry) {
        List<Object> links = catalog.resolveChain(entry).stream()
                .map(l -> l.isMissing() ? (Object) "missing" : Identity.of(l.entry().info()))
                .collect(Collectors.toList());
        return new Shaped(Identity.of(entry.info()), links);
    }

    private static Optional<FieldChange> chainChange(Catalog a, CatalogEntry before, Catalog b,
                                                               CatalogEntry after) {
        if (before.info().chainLength() == null || after.info().chainLength() == null
                || shaped(a, before).equals(shaped(b, after))) {
            return Optional.empty();
        }
        return Optional.of(new FieldChange("chain", chainNames(a, before), chainNames(b, after), ""));
    }

    private static String chainNames(Catalog catalog, CatalogEntry chain) {
        List<ChainLink> links = catalog.resolveChain(chain);
        return links.isEmpty() ? "(no chain)" : links.stream()
                .map(l -> l.isMissing() ? "#" + Integer.toUnsignedString(l.catalogEntryId()) + " (missing)"
                        : EntryLabels.name(l.entry()))
                .collect(Collectors.joining(" > "));
    }

    /**
     * Matched entries that changed place: those outside a longest run of matches that keeps its relative
     * order in both catalogs (a longest increasing subsequence of the positions after, taken in order before).
     */
    private static List<OrderChange> moved(Catalog a, Catalog b, List<Match> matches) {
        List<Match> inOrder = new ArrayList<>(matches);
        inOrder.sort((x, y) -> Integer.compare(indexOf(a, x.before()), indexOf(a, y.before())));
        int n = inOrder.size();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = indexOf(b, inOrder.get(i).after());
        }
        boolean[] kept = LongestIncreasing.members(positions);
        List<OrderChange> moved = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!kept[i]) {
                Match m = inOrder.get(i);
                moved.add(new OrderChange(m.after(), indexOf(a, m.before()) + 1, positions[i] + 1));
            }
        }
        moved.sort((x, y) -> Integer.compare(x.positionAfter(), y.positionAfter()));
        return moved;
    }

    /** Position by identity (entries are records: two equal duplicates must keep their own places). */
    private static int indexOf(Catalog catalog, CatalogEntry entry) {
        List<CatalogEntry> entries = catalog.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == entry) {
                return i;
            }
        }
        throw new IllegalArgumentException("entry not in catalog");
    }
}
