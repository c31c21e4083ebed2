package dev.wpuscope.catalog.source.reg;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.RawBytes;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the keys of a registry export into a {@link CatalogSnapshot}: the protocol catalogs
 * ({@code Protocol_Catalog9\Catalog_Entries[64]\%012u}), namespace providers ({@code NameSpace_Catalog5}) and
 * {@code AppId_Catalog} rules found below {@code ...\WinSock2\Parameters}; every other key is ignored.
 */
final class RegCatalogReader {

    private static final String DEFAULT_PROTOCOL_CATALOG = "Protocol_Catalog9";
    private static final String DEFAULT_NAMESPACE_CATALOG = "NameSpace_Catalog5";
    private static final String APP_ID_CATALOG = "AppId_Catalog";

    private record Located(WinsockKeyPath path, RegKey key) {
        String name() {
            return path.rest().get(path.rest().size() - 1);
        }
    }

    private final String file;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> limitations = new ArrayList<>();

    private RegCatalogReader(String file, List<String> parserWarnings) {
        this.file = file;
        warnings.addAll(parserWarnings);
    }

    static CatalogSnapshot read(RegFileParser.Result parsed, String file) throws CatalogReadException {
        return new RegCatalogReader(file, parsed.warnings()).read(parsed.keys());
    }

    private CatalogSnapshot read(List<RegKey> keys) throws CatalogReadException {
        List<Located> winsock = keysOfOneRoot(keys);
        String protocolCatalog = parameter(winsock, "Current_Protocol_Catalog", DEFAULT_PROTOCOL_CATALOG);
        String namespaceCatalog = parameter(winsock, "Current_NameSpace_Catalog", DEFAULT_NAMESPACE_CATALOG);

        Map<Bitness, List<Located>> protocolKeys = new EnumMap<>(Bitness.class);
        Map<Bitness, List<Located>> namespaceKeys = new EnumMap<>(Bitness.class);
        RegKey protocolCatalogKey = null;
        List<Located> appIdKeys = new ArrayList<>();
        boolean appIdCatalogPresent = false;
        for (Located located : winsock) {
            WinsockKeyPath path = located.path();
            Optional<Bitness> bitness = bitness(path);
            if (path.is(0, protocolCatalog) && bitness.isPresent()) {
                collect(protocolKeys, bitness.get(), located);
            } else if (path.is(0, namespaceCatalog) && bitness.isPresent()) {
                collect(namespaceKeys, bitness.get(), located);
            } else if (path.is(0, APP_ID_CATALOG)) {
                appIdCatalogPresent = true;
                if (path.rest().size() == 2) {
                    appIdKeys.add(located);
                }
            }
            if (path.is(0, protocolCatalog) && path.rest().size() == 1) {
                protocolCatalogKey = located.key();
            }
        }

        Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        for (Map.Entry<Bitness, List<Located>> e : protocolKeys.entrySet()) {
            Catalog catalog = catalog(e.getKey(), e.getValue());
            checkCount(protocolCatalogKey, e.getKey(), catalog.entries().size());
            catalogs.put(e.getKey(), catalog);
        }
        List<NamespaceProvider> namespaceProviders = new ArrayList<>();
        for (Map.Entry<Bitness, List<Located>> e : namespaceKeys.entrySet()) {
            namespaceProviders.addAll(namespaceProviders(e.getKey(), e.getValue()));
        }
        List<AppIdRule> appIdRules = new ArrayList<>();
        for (Located located : appIdKeys) {
            appIdRules.add(appIdRule(located));
        }
        describeWhatIsMissing(protocolCatalog, namespaceCatalog, catalogs, namespaceKeys, appIdCatalogPresent);
        return new CatalogSnapshot(SourceKind.REG_EXPORT, file, catalogs, namespaceProviders, appIdRules, Map.of(),
                limitations, warnings);
    }

    /** The keys below one {@code WinSock2\Parameters}; an export with none holds no catalog. */
    private List<Located> keysOfOneRoot(List<RegKey> keys) throws CatalogReadException {
        Map<String, List<Located>> byRoot = new LinkedHashMap<>();
        for (RegKey key : keys) {
            WinsockKeyPath.of(key.path()).ifPresent(path -> byRoot
                    .computeIfAbsent(path.root().toLowerCase(Locale.ROOT), r -> new ArrayList<>())
                    .add(new Located(path, key)));
        }
        if (byRoot.isEmpty()) {
            throw new CatalogReadException(noCatalogMessage(keys));
        }
        List<List<Located>> roots = new ArrayList<>(byRoot.values());
        Optional<String> current = currentControlSet(keys);
        List<Located> chosen = roots.stream()
                .filter(root -> current.isPresent() && root.get(0).path().hasSegment(current.get()))
                .findFirst().orElse(roots.get(0));
        String why = current.isPresent() && chosen.get(0).path().hasSegment(current.get())
                ? " (the current control set, by SYSTEM\\Select)" : " (the first in the file)";
        for (List<Located> other : roots) {
            if (other != chosen) {
                warnings.add(file + ":" + other.get(0).key().line() + ": the export also holds " + other.size()
                        + " keys under " + other.get(0).path().root() + "; only " + chosen.get(0).path().root()
                        + why + " is read");
            }
        }
        return chosen;
    }

    /** "ControlSet00N" named by the {@code Current} value of a {@code SYSTEM\Select} key, when exported. */
    private static Optional<String> currentControlSet(List<RegKey> keys) {
        for (RegKey key : keys) {
            if (key.path().toLowerCase(Locale.ROOT).endsWith("\\select")) {
                Optional<Integer> current = key.value("Current").flatMap(RegValue::dword);
                if (current.isPresent()) {
                    return Optional.of(String.format("ControlSet%03d", current.get()));
                }
            }
        }
        return Optional.empty();
    }

    private String noCatalogMessage(List<RegKey> keys) {
        String head = file + ": holds no Winsock 2 catalog: ";
        if (keys.isEmpty()) {
            return head + "the export has no keys";
        }
        for (RegKey key : keys) {
            if (WinsockKeyPath.isLegacyWinsock(key.path())) {
                return head + "it is an export of the legacy Winsock 1.1 key [" + key.path() + "] (line "
                        + key.line() + "); the catalog is under"
                        + " HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WinSock2 (export that key)";
            }
        }
        return head + "none of its " + keys.size() + " keys is under ...\\Services\\WinSock2\\Parameters (the first"
                + " is [" + keys.get(0).path() + "] at line " + keys.get(0).line() + ")";
    }

    private String parameter(List<Located> winsock, String name, String fallback) throws CatalogReadException {
        for (Located located : winsock) {
            if (located.path().rest().isEmpty()) {
                Optional<String> value = string(located.key(), name);
                if (value.isPresent()) {
                    return value.get();
                }
            }
        }
        return fallback;
    }

    private static Optional<Bitness> bitness(WinsockKeyPath path) {
        for (Bitness b : Bitness.values()) {
            if (path.is(1, b.registryKey())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Records that the catalog exists; keys exactly one level below it are its entries. */
    private static void collect(Map<Bitness, List<Located>> into, Bitness bitness, Located located) {
        List<Located> entries = into.computeIfAbsent(bitness, b -> new ArrayList<>());
        if (located.path().rest().size() == 3) {
            entries.add(located);
        }
    }

    private Catalog catalog(Bitness bitness, List<Located> keys) throws CatalogReadException {
        ProviderOrder.Sorted<Located> sorted = ProviderOrder.sort(keys, Located::name, this::where);
        warnings.addAll(sorted.notes());
        List<CatalogEntry> entries = new ArrayList<>();
        for (Located located : sorted.items()) {
            RegKey key = located.key();
            Optional<RegValue> packed = key.value("PackedCatalogItem");
            if (packed.isEmpty()) {
                warnings.add(where(located) + ": no PackedCatalogItem value; the entry is skipped");
                continue;
            }
            byte[] bytes = binary(key, packed.get());
            PackedCatalogItem item = PackedCatalogItem.decode(bytes,
                    file + ":" + packed.get().line() + ": [" + key.path() + "] PackedCatalogItem");
            entries.add(new CatalogEntry(item.info(), item.providerPath(), string(key, "ProtocolName").orElse(null),
                    RawBytes.of(bytes), origin(bitness, located)));
        }
        return new Catalog(bitness, entries, sorted.certain());
    }

    private List<NamespaceProvider> namespaceProviders(Bitness bitness, List<Located> keys)
            throws CatalogReadException {
        ProviderOrder.Sorted<Located> sorted = ProviderOrder.sort(keys, Located::name, this::where);
        warnings.addAll(sorted.notes());
        List<NamespaceProvider> providers = new ArrayList<>();
        for (Located located : sorted.items()) {
            RegKey key = located.key();
            providers.add(new NamespaceProvider(bitness,
                    string(key, "LibraryPath").orElse(null),
                    string(key, "DisplayString").orElse(null),
                    guid(key, "ProviderId").orElse(null),
                    dword(key, "SupportedNameSpace").orElse(null),
                    dword(key, "Enabled").map(v -> v != 0).orElse(null),
                    dword(key, "Version").orElse(null),
                    dword(key, "StoresServiceClassInfo").map(v -> v != 0).orElse(null),
                    dword(key, "AddressFamily").orElse(null),
                    origin(bitness, located)));
        }
        return providers;
    }

    private AppIdRule appIdRule(Located located) throws CatalogReadException {
        RegKey key = located.key();
        return new AppIdRule(located.name(), string(key, "AppFullPath").orElse(null),
                dword(key, "PermittedLspCategories").orElse(null));
    }

    private void checkCount(RegKey catalogKey, Bitness bitness, int entries) throws CatalogReadException {
        if (catalogKey == null) {
            return;
        }
        String counter = bitness == Bitness.X64 ? "Num_Catalog_Entries64" : "Num_Catalog_Entries";
        Optional<Integer> count = dword(catalogKey, counter);
        if (count.isPresent() && count.get() != entries) {
            warnings.add(file + ":" + catalogKey.value(counter).orElseThrow().line() + ": " + counter + " says "
                    + Integer.toUnsignedString(count.get()) + " entries but the export holds " + entries);
        }
    }

    private void describeWhatIsMissing(String protocolCatalog, String namespaceCatalog, Map<Bitness, Catalog> catalogs,
            Map<Bitness, List<Located>> namespaces, boolean appIds) {
        for (Bitness b : Bitness.values()) {
            if (!catalogs.containsKey(b)) {
                limitations.add("The export holds no " + b.label() + " protocol catalog (" + protocolCatalog + "\\"
                        + b.registryKey() + ").");
            }
        }
        if (namespaces.isEmpty()) {
            limitations.add("The export holds no namespace providers (" + namespaceCatalog + ").");
        }
        if (!appIds) {
            limitations.add("The export holds no AppId_Catalog, so application LSP category rules are unknown.");
        }
        limitations.add("LSP categories of providers are not read from an export (wpuscope reads them live with"
                + " WSCGetProviderInfo).");
        limitations.add("Whether provider DLLs exist cannot be known from an export: it does not carry the"
                + " machine's files.");
    }

    private String where(Located located) {
        return file + ":" + located.key().line() + ": [" + located.key().path() + "]";
    }

    private static String origin(Bitness bitness, Located located) {
        return "line " + located.key().line() + " " + bitness.registryKey() + "\\" + located.name();
    }

    private Optional<String> string(RegKey key, String name) throws CatalogReadException {
        Optional<RegValue> value = key.value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.get().string().orElseThrow(() -> wrongType(key, value.get(), "a string")));
    }

    private Optional<Integer> dword(RegKey key, String name) throws CatalogReadException {
        Optional<RegValue> value = key.value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.get().dword().orElseThrow(() -> wrongType(key, value.get(), "dword:")));
    }

    private byte[] binary(RegKey key, RegValue value) throws CatalogReadException {
        return value.binary().orElseThrow(() -> wrongType(key, value, "binary (hex:)"));
    }

    private Optional<UUID> guid(RegKey key, String name) throws CatalogReadException {
        Optional<RegValue> value = key.value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = binary(key, value.get());
        if (bytes.length != Guids.SIZE) {
            throw CatalogReadException.atLine(file, value.get().line(), "[" + key.path() + "] " + name + " has "
                    + bytes.length + " bytes; a GUID has " + Guids.SIZE);
        }
        return Optional.of(Guids.decode(bytes, 0));
    }

    private CatalogReadException wrongType(RegKey key, RegValue value, String expected) {
        return CatalogReadException.atLine(file, value.line(), "[" + key.path() + "] " + value.name() + " must be "
                + expected + ", found " + value.describeType());
    }
}
