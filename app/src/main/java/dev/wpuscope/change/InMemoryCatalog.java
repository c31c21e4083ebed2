package dev.wpuscope.change;

import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A Winsock catalog in memory that enforces the documented rules of the SPI functions: the catalog assigns ids
 * from its next-id counter, a GUID can be installed only once, a chain may only name existing ids, a provider
 * order must be a permutation of every current id, and deinstalling a GUID removes all its entries. Any call can
 * be made to fail, before or after its effect, to test what callers do then.
 */
public final class InMemoryCatalog implements CatalogWriter {

    /** The operations, for failure injection. */
    public enum Operation { ENUMERATE, INSTALL, WRITE_ORDER, DEINSTALL }

    /** Whether an injected failure happens before the operation has any effect, or after it took effect. */
    public enum FailureMode { BEFORE_EFFECT, AFTER_EFFECT }

    private record Failure(Operation operation, int occurrence, FailureMode mode) {
    }

    private final Map<Bitness, List<CatalogEntry>> catalogs = new EnumMap<>(Bitness.class);
    private final Map<Bitness, Integer> nextIds = new EnumMap<>(Bitness.class);
    private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
    private final List<Failure> failures = new ArrayList<>();

    /** A catalog holding the snapshot's catalogs; each next id is one above its highest id. */
    public static InMemoryCatalog of(CatalogSnapshot snapshot) {
        InMemoryCatalog memory = new InMemoryCatalog();
        for (Catalog catalog : snapshot.catalogs().values()) {
            memory.catalogs.put(catalog.bitness(), new ArrayList<>(catalog.entries()));
            int highest = catalog.entries().stream().filter(e -> e.id() != null).mapToInt(CatalogEntry::id)
                    .max().orElse(1000);
            memory.nextIds.put(catalog.bitness(), highest + 1);
        }
        return memory;
    }

    /** Makes the {@code occurrence}-th call (1-based, counted over both catalogs) of an operation fail. */
    public InMemoryCatalog failOn(Operation operation, int occurrence, FailureMode mode) {
        failures.add(new Failure(operation, occurrence, mode));
        return this;
    }

    /** How many times an operation was called. */
    public int calls(Operation operation) {
        return calls.getOrDefault(operation, 0);
    }

    @Override
    public List<Bitness> catalogs() {
        return List.copyOf(catalogs.keySet());
    }

    @Override
    public Catalog enumerate(Bitness bitness) throws CatalogWriteException {
        FailureMode failure = call(Operation.ENUMERATE);
        failBefore(failure, Operation.ENUMERATE);
        Catalog catalog = new Catalog(bitness, entries(bitness), true);
        failAfter(failure, Operation.ENUMERATE);
        return catalog;
    }

    @Override
    public List<Integer> installProvider(Bitness bitness, UUID providerId, String dllPath, List<ProtocolInfo> infos)
            throws CatalogWriteException {
        FailureMode failure = call(Operation.INSTALL);
        failBefore(failure, Operation.INSTALL);
        List<CatalogEntry> entries = entries(bitness);
        checkInstall(bitness, providerId, dllPath, infos, entries);
        List<Integer> ids = new ArrayList<>();
        int next = nextIds.get(bitness);
        for (ProtocolInfo info : infos) {
            ids.add(next);
            entries.add(CatalogWriter.installedEntry(info, dllPath, providerId, next));
            next++;
        }
        nextIds.put(bitness, next);
        failAfter(failure, Operation.INSTALL);
        return ids;
    }

    @Override
    public void writeProviderOrder(Bitness bitness, List<Integer> catalogIds) throws CatalogWriteException {
        FailureMode failure = call(Operation.WRITE_ORDER);
        failBefore(failure, Operation.WRITE_ORDER);
        List<CatalogEntry> entries = entries(bitness);
        Set<Integer> current = new HashSet<>(entries.stream().map(CatalogEntry::id).toList());
        if (catalogIds.size() != entries.size() || !current.equals(new HashSet<>(catalogIds))) {
            throw new CatalogWriteException("WSCWriteProviderOrder: WSAEINVAL: the order " + catalogIds
                    + " is not a permutation of the " + entries.size() + " catalog ids " + current);
        }
        List<CatalogEntry> reordered = new ArrayList<>();
        for (int id : catalogIds) {
            reordered.add(entries.stream().filter(e -> e.id() == id).findFirst().orElseThrow());
        }
        entries.clear();
        entries.addAll(reordered);
        failAfter(failure, Operation.WRITE_ORDER);
    }

    @Override
    public void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException {
        FailureMode failure = call(Operation.DEINSTALL);
        failBefore(failure, Operation.DEINSTALL);
        List<CatalogEntry> entries = entries(bitness);
        if (!entries.removeIf(e -> providerId.equals(e.info().providerId()))) {
            throw new CatalogWriteException("WSCDeinstallProvider: WSAEINVAL: no provider {" + providerId
                    + "} in the " + bitness.label() + " catalog");
        }
        failAfter(failure, Operation.DEINSTALL);
    }

    private static void checkInstall(Bitness bitness, UUID providerId, String dllPath, List<ProtocolInfo> infos,
                                     List<CatalogEntry> entries) throws CatalogWriteException {
        String call = "WSCInstallProvider (" + bitness.label() + "): ";
        if (infos.isEmpty()) {
            throw new CatalogWriteException(call + "WSAEINVAL: no protocol entries");
        }
        if (entries.stream().anyMatch(e -> providerId.equals(e.info().providerId()))) {
            throw new CatalogWriteException(call + "WSANO_RECOVERY: provider {" + providerId
                    + "} is already installed");
        }
        Set<Integer> ids = new HashSet<>(entries.stream().map(CatalogEntry::id).toList());
        for (ProtocolInfo info : infos) {
            try {
                new PackedCatalogItem(dllPath, info).encode();
            } catch (IllegalArgumentException bad) {
                throw new CatalogWriteException(call + "WSAEINVAL: " + bad.getMessage());
            }
            EntryType type = info.entryType();
            if (type == EntryType.INVALID) {
                throw new CatalogWriteException(call + "WSAEINVAL: ChainLen " + info.chainLength());
            }
            if (type == EntryType.CHAIN && !ids.containsAll(info.chain())) {
                throw new CatalogWriteException(call + "WSAEINVAL: the chain " + info.chain()
                        + " names ids that are not in the catalog");
            }
        }
    }

    private List<CatalogEntry> entries(Bitness bitness) throws CatalogWriteException {
        List<CatalogEntry> entries = catalogs.get(bitness);
        if (entries == null) {
            throw new CatalogWriteException("there is no " + bitness.label() + " catalog");
        }
        return entries;
    }

    private FailureMode call(Operation operation) {
        int count = calls.merge(operation, 1, Integer::sum);
        return failures.stream().filter(f -> f.operation() == operation && f.occurrence() == count)
                .map(Failure::mode).findFirst().orElse(null);
    }

    private static void failBefore(FailureMode failure, Operation operation) throws CatalogWriteException {
        if (failure == FailureMode.BEFORE_EFFECT) {
            throw new CatalogWriteException("injected failure of " + operation + " before its effect");
        }
    }

    private static void failAfter(FailureMode failure, Operation operation) throws CatalogWriteException {
        if (failure == FailureMode.AFTER_EFFECT) {
            throw new CatalogWriteException("injected failure of " + operation + " after its effect");
        }
    }
}
