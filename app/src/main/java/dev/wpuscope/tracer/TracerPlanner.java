package dev.wpuscope.tracer;

import dev.wpuscope.change.EntryDescription;
import dev.wpuscope.change.PlannableCatalog;
import dev.wpuscope.change.UnsafePlanException;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.binary.WsaProtocolInfoCodec;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.ChainLink;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the exact catalog changes that attach or detach the tracer, without touching any catalog, and refuses
 * every plan it cannot carry out safely, with all the reasons.
 */
public final class TracerPlanner {

    private final TracerDlls dlls;

    public TracerPlanner(TracerDlls dlls) {
        this.dlls = dlls;
    }

    /** The changes that put the tracer on top of the selected entries of every catalog of the snapshot. */
    public InstallPlan planInstall(CatalogSnapshot snapshot, Selection selection) throws UnsafePlanException {
        List<String> reasons = new ArrayList<>();
        List<CatalogChange> changes = new ArrayList<>();
        if (snapshot.catalogs().isEmpty()) {
            reasons.add(snapshot.location() + " holds no protocol catalog");
        }
        for (Catalog catalog : snapshot.catalogs().values()) {
            String where = catalog.bitness().label() + " catalog: ";
            checkWholeCatalog(catalog, snapshot, where, reasons);
            List<CatalogEntry> covered = catalog.entries().stream()
                    .filter(e -> selection.selects(catalog, e)).toList();
            if (covered.isEmpty()) {
                continue;
            }
            covered.forEach(entry -> checkCovered(catalog, entry, where, reasons));
            Optional<String> dll = dlls.catalogPath(catalog.bitness());
            if (dll.isEmpty()) {
                reasons.add(where + dlls.missingReason(catalog.bitness()));
            } else {
                checkStorablePath(dll.get(), where, reasons);
                changes.add(new CatalogChange(catalog, dll.get(), covered));
            }
        }
        checkSelectionMatched(snapshot, selection, reasons);
        if (!reasons.isEmpty()) {
            throw new UnsafePlanException(reasons);
        }
        return new InstallPlan(snapshot.location(), selection, changes);
    }

    /**
     * The removal of the tracer from every catalog of the snapshot that holds it (empty when none does). Needs
     * no DLL: the tracer's entries are recognized by their GUIDs.
     */
    public static List<RemovalPlan> planRemoval(CatalogSnapshot snapshot) throws UnsafePlanException {
        List<String> reasons = new ArrayList<>();
        List<RemovalPlan> plans = new ArrayList<>();
        for (Catalog catalog : snapshot.catalogs().values()) {
            List<CatalogEntry> tracer = catalog.entries().stream().filter(TracerIds::isTracer).toList();
            if (tracer.isEmpty()) {
                continue;
            }
            Set<Integer> tracerIds = new HashSet<>();
            tracer.forEach(e -> tracerIds.add(e.id()));
            for (CatalogEntry other : catalog.entries()) {
                if (!TracerIds.isTracer(other) && other.info().chain().stream().anyMatch(tracerIds::contains)
                        && other.info().entryType() == EntryType.CHAIN) {
                    reasons.add(catalog.bitness().label() + " catalog: " + EntryDescription.of(other) + " is layered over the"
                            + " tracer; removing the tracer would break it (remove that LSP first)");
                }
            }
            if (!catalog.orderKnown()) {
                reasons.add(catalog.bitness().label() + " catalog: its provider order is unknown ("
                        + snapshot.kind().label() + ")");
            }
            plans.add(new RemovalPlan(catalog, tracer));
        }
        if (!reasons.isEmpty()) {
            throw new UnsafePlanException(reasons);
        }
        return plans;
    }

    private static void checkWholeCatalog(Catalog catalog, CatalogSnapshot snapshot, String where,
                                          List<String> reasons) {
        PlannableCatalog.check(catalog, snapshot, where, reasons);
        catalog.entries().stream().filter(TracerIds::isTracer).findFirst().ifPresent(e -> reasons.add(where
                + "the tracer is already installed (" + EntryDescription.of(e) + "); remove it first"));
    }

    private static void checkCovered(Catalog catalog, CatalogEntry entry, String where, List<String> reasons) {
        String what = where + EntryDescription.of(entry);
        try {
            WsaProtocolInfoCodec.encode(entry.info());
        } catch (IllegalArgumentException unknown) {
            reasons.add(what + ": " + unknown.getMessage().replace("cannot encode WSAPROTOCOL_INFOW: ", "")
                    + " in this source, so the chain over it cannot be built");
            return;
        }
        EntryType type = entry.info().entryType();
        if (type == EntryType.LAYERED) {
            reasons.add(what + " is a layered entry (ChainLen 0); choose the chains or base providers it serves");
        } else if (type == EntryType.INVALID) {
            reasons.add(what + " has an invalid ChainLen " + entry.info().chainLength());
        } else if (type == EntryType.CHAIN) {
            for (ChainLink link : catalog.resolveChain(entry)) {
                if (link.isMissing()) {
                    reasons.add(what + " is broken: its chain names catalog id "
                            + Integer.toUnsignedString(link.catalogEntryId()) + ", which does not exist");
                }
            }
            if (entry.info().chainLength() >= EntryType.MAX_PROTOCOL_CHAIN) {
                reasons.add(what + " is already " + entry.info().chainLength() + " entries long; the tracer on"
                        + " top would exceed MAX_PROTOCOL_CHAIN (" + EntryType.MAX_PROTOCOL_CHAIN + ")");
            }
        }
    }

    private static void checkStorablePath(String path, String where, List<String> reasons) {
        boolean fits = path.length() < PackedCatalogItem.PATH_SIZE
                && path.chars().allMatch(c -> c > 0 && c <= 0xFF);
        if (!fits) {
            reasons.add(where + "the DLL path " + path + " cannot be stored in the catalog (fewer than "
                    + PackedCatalogItem.PATH_SIZE + " single-byte characters)");
        }
    }

    private static void checkSelectionMatched(CatalogSnapshot snapshot, Selection selection, List<String> reasons) {
        if (selection instanceof Selection.Entries chosen) {
            for (int id : chosen.ids()) {
                boolean found = snapshot.catalogs().values().stream().anyMatch(c -> c.byId(id).isPresent());
                if (!found) {
                    reasons.add("no catalog holds an entry with id " + Integer.toUnsignedString(id));
                }
            }
        }
        boolean any = snapshot.catalogs().values().stream()
                .anyMatch(c -> c.entries().stream().anyMatch(e -> selection.selects(c, e)));
        if (!any) {
            reasons.add("the selection (" + selection.describe() + ") matches no entry: nothing to trace");
        }
    }

}
