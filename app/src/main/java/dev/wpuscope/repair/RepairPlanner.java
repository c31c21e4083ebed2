package dev.wpuscope.repair;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.diagnose.Defects;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.Convergence;
import dev.wpuscope.change.EntryDescription;
import dev.wpuscope.change.PlannableCatalog;
import dev.wpuscope.change.UnsafePlanException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Computes a repair without touching any catalog, and refuses every repair it cannot carry out safely, with all the
 * reasons. Removing a layered entry removes every chain that names it; a chain that also names another LSP's
 * layered entry above it is refused unless that LSP goes too, since removing the chain would take that LSP away
 * from the protocol without anyone asking.
 */
public final class RepairPlanner {

    private RepairPlanner() {
    }

    public static RepairPlan plan(CatalogSnapshot snapshot, RepairRequest request) throws UnsafePlanException {
        List<String> reasons = new ArrayList<>();
        if (snapshot.catalogs().isEmpty()) {
            reasons.add(snapshot.location() + " holds no protocol catalog");
        }
        for (Catalog catalog : snapshot.catalogs().values()) {
            PlannableCatalog.check(catalog, snapshot, where(catalog), reasons);
        }
        if (!reasons.isEmpty()) {
            throw new UnsafePlanException(reasons);
        }
        List<CatalogRepair> repairs = new ArrayList<>();
        if (request instanceof RepairRequest.Order) {
            snapshot.catalogs().values().forEach(c -> repairs.add(reorder(c)));
        } else {
            Map<Bitness, Set<Integer>> chosen = chosen(snapshot, request, reasons);
            for (Catalog catalog : snapshot.catalogs().values()) {
                repairs.add(remove(catalog, chosen.getOrDefault(catalog.bitness(), Set.of()), reasons));
            }
        }
        for (CatalogRepair repair : repairs) {
            try {
                Convergence.between(repair.before(), repair.expected());
            } catch (CatalogWriteException impossible) {
                reasons.add(impossible.getMessage());
            }
        }
        if (reasons.isEmpty() && repairs.stream().allMatch(CatalogRepair::changesNothing)) {
            reasons.add("nothing to repair: no entry of " + snapshot.location() + " fits \"" + request.describe()
                    + "\"");
        }
        if (!reasons.isEmpty()) {
            throw new UnsafePlanException(reasons);
        }
        return new RepairPlan(snapshot.location(), request.describe(), repairs);
    }

    /** The entries asked for, per catalog, before layered entries take their chains along. */
    private static Map<Bitness, Set<Integer>> chosen(CatalogSnapshot snapshot, RepairRequest request,
                                                     List<String> reasons) {
        Map<Bitness, Set<Integer>> chosen = new EnumMap<>(Bitness.class);
        for (Catalog catalog : snapshot.catalogs().values()) {
            List<CatalogEntry> entries = request.entriesIn(snapshot, catalog);
            Set<Integer> ids = new LinkedHashSet<>();
            entries.forEach(e -> ids.add(e.id()));
            chosen.put(catalog.bitness(), ids);
        }
        if (request instanceof RepairRequest.Entries e) {
            for (int id : e.ids()) {
                if (chosen.values().stream().noneMatch(ids -> ids.contains(id))) {
                    reasons.add("no catalog holds an entry with id " + Integer.toUnsignedString(id));
                }
            }
        }
        if (request instanceof RepairRequest.Lsp l) {
            for (UUID guid : l.providerIds()) {
                if (snapshot.catalogs().values().stream().flatMap(c -> RepairRequest.Lsp.seeds(c, List.of(guid)).stream())
                        .findAny().isEmpty()) {
                    reasons.add("no LSP has the GUID {" + guid + "}: neither a layered entry nor a chain has it");
                }
            }
        }
        return chosen;
    }

    private static CatalogRepair remove(Catalog catalog, Set<Integer> chosen, List<String> reasons) {
        Set<Integer> layered = new HashSet<>();
        Set<Integer> removed = new HashSet<>(chosen);
        for (CatalogEntry e : catalog.entries()) {
            if (!chosen.contains(e.id())) {
                continue;
            }
            if (e.info().entryType() == EntryType.BASE) {
                reasons.add(where(catalog) + EntryDescription.of(e) + " is a base provider; repair removes LSP"
                        + " entries only (a base provider belongs to Windows or a driver: reinstall it or run"
                        + " netsh winsock reset)");
            } else if (e.info().entryType() == EntryType.LAYERED) {
                layered.add(e.id());
            }
        }
        for (CatalogEntry chain : catalog.entriesOfType(EntryType.CHAIN)) {
            List<Integer> links = chain.info().chain();
            int first = indexOfAny(links, layered);
            if (first < 0) {
                continue;
            }
            removed.add(chain.id());
            for (int above : links.subList(0, first)) {
                catalog.byId(above).filter(l -> l.info().entryType() == EntryType.LAYERED && !layered.contains(above))
                        .ifPresent(l -> reasons.add(where(catalog) + "the LSP " + EntryLabels.name(l) + " ("
                                + EntryDescription.of(l) + ", GUID {" + l.info().providerId() + "}) is layered above "
                                + EntryLabels.name(catalog.byId(links.get(first)).orElseThrow()) + " in "
                                + EntryDescription.of(chain) + "; removing the chain would remove it from that"
                                + " protocol too: remove that LSP as well (--lsp " + l.info().providerId() + ")"));
            }
        }
        List<CatalogEntry> gone = catalog.entries().stream().filter(e -> removed.contains(e.id())).toList();
        List<CatalogEntry> kept = catalog.entries().stream().filter(e -> !removed.contains(e.id())).toList();
        return new CatalogRepair(catalog, new Catalog(catalog.bitness(), kept, true), gone, List.of());
    }

    /** Each chain socket() bypasses goes directly before the entry socket() takes instead. */
    private static CatalogRepair reorder(Catalog catalog) {
        List<CatalogEntry> bypassed = Defects.bypassedChains(catalog);
        List<CatalogEntry> order = new ArrayList<>(catalog.entries());
        for (CatalogEntry chain : bypassed) {
            order.remove(chain);
            Catalog now = new Catalog(catalog.bitness(), order, true);
            CatalogEntry instead = Defects.takenInstead(now, chain).orElseThrow();
            order.add(order.indexOf(instead), chain);
        }
        return new CatalogRepair(catalog, new Catalog(catalog.bitness(), order, true), List.of(), bypassed);
    }

    private static int indexOfAny(List<Integer> links, Set<Integer> ids) {
        for (int i = 0; i < links.size(); i++) {
            if (ids.contains(links.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String where(Catalog catalog) {
        return catalog.bitness().label() + " catalog: ";
    }
}
