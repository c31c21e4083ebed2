package dev.wpuscope.change;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.EntryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The way from a catalog as it is to a target catalog with the calls Windows has: WSCDeinstallProvider removes
 * every entry of a GUID, so each GUID that holds an entry the target lacks is deinstalled (GUIDs holding chains
 * first, so that no chain outlives the layered entry it names); every target entry then missing is installed again
 * with WSCInstallProvider, one call per GUID, layered and base entries before the chains that name them; the
 * target's provider order is written and the catalog read back. Windows assigns new ids on install, so the catalog
 * reached is the target with the reinstalled entries renumbered. A chain that names an id the target does not hold
 * cannot be installed (WSCInstallProvider refuses it): such a broken chain is left out, and said so ({@link
 * #abandoned}). The same way serves a repair, a rollback and a restore from a backup.
 */
public final class Convergence {

    /** Entries installed again in one WSCInstallProvider call. */
    public record Reinstall(UUID providerId, String dllPath, List<CatalogEntry> entries) {
        public Reinstall {
            entries = List.copyOf(entries);
        }
    }

    private final Catalog target;
    private final List<UUID> deinstalled;
    private final List<Reinstall> reinstalled;
    private final List<CatalogEntry> abandoned;

    private Convergence(Catalog target, List<UUID> deinstalled, List<Reinstall> reinstalled,
                        List<CatalogEntry> abandoned) {
        this.target = target;
        this.deinstalled = List.copyOf(deinstalled);
        this.reinstalled = List.copyOf(reinstalled);
        this.abandoned = List.copyOf(abandoned);
    }

    /** The calls that turn {@code now} into {@code target}; refused when the SPI cannot do it. */
    public static Convergence between(Catalog now, Catalog target) throws CatalogWriteException {
        String in = target.bitness().label() + " catalog: ";
        Set<UUID> deinstall = new LinkedHashSet<>();
        for (CatalogEntry entry : now.entries()) {
            if (target.entries().stream().noneMatch(t -> same(t, entry))) {
                deinstall.add(guidOf(entry, in));
            }
        }
        while (true) {
            List<CatalogEntry> staying = now.entries().stream()
                    .filter(e -> !deinstall.contains(e.info().providerId())).toList();
            List<CatalogEntry> lost = target.entries().stream()
                    .filter(t -> staying.stream().noneMatch(e -> same(t, e))).toList();
            List<CatalogEntry> abandoned = lost.stream().filter(e -> namesAbsentId(e, target)).toList();
            List<CatalogEntry> missing = lost.stream().filter(e -> !abandoned.contains(e)).toList();
            Set<UUID> stayingGuids = staying.stream().map(e -> e.info().providerId()).collect(Collectors.toSet());
            Set<UUID> shared = new LinkedHashSet<>();
            for (CatalogEntry entry : missing) {
                if (stayingGuids.contains(guidOf(entry, in))) {
                    shared.add(entry.info().providerId());
                }
            }
            if (shared.isEmpty()) {
                checkStayingChains(staying, missing, in);
                return new Convergence(target, deinstallOrder(now, deinstall), reinstallOrder(missing, in),
                        abandoned);
            }
            // WSCInstallProvider refuses a GUID that is installed: the whole GUID goes and comes back
            deinstall.addAll(shared);
        }
    }

    /** The GUIDs deinstalled, in order. */
    public List<UUID> deinstalled() {
        return deinstalled;
    }

    /** The entries installed again (with new catalog ids), in the order of the calls. */
    public List<Reinstall> reinstalled() {
        return reinstalled;
    }

    /** Broken chains of the target that are gone and cannot be installed again: the catalog reached lacks them. */
    public List<CatalogEntry> abandoned() {
        return abandoned;
    }

    /**
     * Makes the calls, writes the provider order, reads the catalog back and verifies that it is the target with
     * reinstalled entries renumbered and without the abandoned ones.
     *
     * @param purpose how each step starts, e.g. "Rollback" or "Repair"
     */
    public void carryOut(CatalogWriter writer, ApplyRun run, String purpose)
            throws CatalogWriteException {
        Bitness bitness = target.bitness();
        String in = "[" + bitness.label() + "] " + purpose + ": ";
        for (UUID guid : deinstalled) {
            run.step(in + "deinstalling {" + guid + "}");
            writer.deinstallProvider(bitness, guid);
        }
        Renumbering ids = new Renumbering();
        for (Reinstall group : reinstalled) {
            run.step(in + "installing " + names(group.entries()) + " again under {" + group.providerId() + "}");
            List<CatalogEntry> renumbered = group.entries().stream().map(ids::apply).toList();
            List<Integer> assigned = writer.installProvider(bitness, group.providerId(), group.dllPath(),
                    renumbered.stream().map(CatalogEntry::info).toList());
            if (assigned.size() != renumbered.size()) {
                throw new CatalogWriteException("the catalog reports " + assigned.size() + " installed entries for "
                        + renumbered.size() + " given");
            }
            for (int i = 0; i < assigned.size(); i++) {
                ids.put(group.entries().get(i).id(), assigned.get(i));
            }
            run.step(in + "installed as catalog ids " + assigned.stream().map(Integer::toUnsignedString).toList());
        }
        for (CatalogEntry gone : abandoned) {
            run.step(in + EntryDescription.of(gone) + " is not installed again: its chain " + gone.info().chain()
                    + " names an id that is not in the catalog, and WSCInstallProvider refuses such a chain");
        }
        List<CatalogEntry> expected = target.entries().stream().filter(e -> !abandoned.contains(e))
                .map(ids::apply).toList();
        List<Integer> order = expected.stream().map(CatalogEntry::id).toList();
        if (!writer.enumerate(bitness).entries().stream().map(CatalogEntry::id).toList().equals(order)) {
            run.step(in + "writing the provider order");
            writer.writeProviderOrder(bitness, order);
        }
        run.step(in + "reading the catalog back to verify it");
        CatalogComparison.verify(expected, writer.enumerate(bitness).entries());
    }

    private static boolean namesAbsentId(CatalogEntry entry, Catalog target) {
        return entry.info().entryType() == EntryType.CHAIN
                && entry.info().chain().stream().anyMatch(id -> target.byId(id).isEmpty());
    }

    static boolean same(CatalogEntry a, CatalogEntry b) {
        return Objects.equals(a.id(), b.id()) && a.info().equals(b.info())
                && Objects.equals(a.providerPath(), b.providerPath());
    }

    private static UUID guidOf(CatalogEntry entry, String in) throws CatalogWriteException {
        if (entry.info().providerId() == null || entry.id() == null) {
            throw new CatalogWriteException(in + EntryDescription.of(entry) + " has no known GUID or catalog id");
        }
        return entry.info().providerId();
    }

    private static void checkStayingChains(List<CatalogEntry> staying, List<CatalogEntry> missing, String in)
            throws CatalogWriteException {
        Set<Integer> renumbered = new HashSet<>();
        missing.forEach(e -> renumbered.add(e.id()));
        for (CatalogEntry entry : staying) {
            if (entry.info().entryType() == EntryType.CHAIN) {
                for (int link : entry.info().chain()) {
                    if (renumbered.contains(link)) {
                        throw new CatalogWriteException(in + EntryDescription.of(entry) + " stays, but its chain"
                                + " names catalog id " + Integer.toUnsignedString(link) + ", which would be"
                                + " installed again under a new id");
                    }
                }
            }
        }
    }

    /** GUIDs that hold chains first (a chain never outlives its layered entry), each group in catalog order. */
    private static List<UUID> deinstallOrder(Catalog now, Set<UUID> guids) {
        Set<UUID> holdingChains = now.entries().stream().filter(e -> e.info().entryType() == EntryType.CHAIN)
                .map(e -> e.info().providerId()).collect(Collectors.toSet());
        return guids.stream().sorted(Comparator.comparing(g -> !holdingChains.contains(g))).toList();
    }

    /** One call per GUID; a group whose chains name an entry of a group not yet installed waits for it. */
    private static List<Reinstall> reinstallOrder(List<CatalogEntry> missing, String in)
            throws CatalogWriteException {
        Map<UUID, List<CatalogEntry>> byGuid = new LinkedHashMap<>();
        missing.forEach(e -> byGuid.computeIfAbsent(e.info().providerId(), g -> new ArrayList<>()).add(e));
        List<Reinstall> pending = new ArrayList<>();
        for (Map.Entry<UUID, List<CatalogEntry>> group : byGuid.entrySet()) {
            Set<String> paths = group.getValue().stream().map(CatalogEntry::providerPath)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (paths.size() != 1 || paths.contains(null)) {
                throw new CatalogWriteException(in + "the entries of {" + group.getKey() + "} have the DLL paths "
                        + paths + "; WSCInstallProvider installs one GUID with one DLL path");
            }
            pending.add(new Reinstall(group.getKey(), paths.iterator().next(), group.getValue()));
        }
        List<Reinstall> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Reinstall ready = pending.stream().filter(g -> namesNoneOf(g, pending)).findFirst()
                    .orElseThrow(() -> new CatalogWriteException(in + "the chains of " + names(pending.get(0)
                            .entries()) + " name entries installed in the same call or in a loop; the SPI cannot"
                            + " install them again"));
            ordered.add(ready);
            pending.remove(ready);
        }
        return ordered;
    }

    private static boolean namesNoneOf(Reinstall group, List<Reinstall> pending) {
        Set<Integer> pendingIds = new HashSet<>();
        pending.forEach(g -> g.entries().forEach(e -> pendingIds.add(e.id())));
        return group.entries().stream().flatMap(e -> e.info().entryType() == EntryType.CHAIN
                ? e.info().chain().stream() : Stream.<Integer>empty())
                .noneMatch(pendingIds::contains);
    }

    private static String names(List<CatalogEntry> entries) {
        return entries.stream().map(EntryDescription::of).collect(Collectors.joining(", "));
    }
}
