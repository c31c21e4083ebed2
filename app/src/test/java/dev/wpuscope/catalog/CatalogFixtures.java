package dev.wpuscope.catalog;

import dev.wpuscope.catalog.model.AppIdRule;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ServiceFlag;
import dev.wpuscope.catalog.model.SourceKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Synthetic Winsock catalogs for tests: base providers as Windows installs them, LSPs installed the way
 * WSCInstallProviderAndChains does (a hidden layered entry plus one chain per covered protocol, chains first
 * in provider order), and hooks to break them on purpose. Values (GUIDs, flags, sizes) are those of a real
 * Windows 10 catalog.
 */
public final class CatalogFixtures {

    public static final int AF_INET = 2;
    public static final int AF_INET6 = 23;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;

    public static final UUID MSAFD_TCPIP = UUID.fromString("e70f1aa0-ab8b-11cf-8ca3-00805f48a192");
    public static final UUID MSAFD_TCPIP6 = UUID.fromString("f9eab0c0-26d4-11d0-bbbf-00aa006c34e4");
    public static final int TCP_FLAGS = 0x20066;
    public static final int UDP_FLAGS = 0x20609;
    public static final String MSWSOCK = "%SystemRoot%\\system32\\mswsock.dll";

    private CatalogFixtures() {
    }

    /** The six MSAFD TCP/UDP/RAW providers for IPv4 and IPv6, ids 1001..1006. */
    public static CatalogBuilder windows(Bitness bitness) {
        CatalogBuilder c = new CatalogBuilder(bitness);
        c.base("MSAFD Tcpip [TCP/IP]", MSAFD_TCPIP, AF_INET, SOCK_STREAM, IPPROTO_TCP, TCP_FLAGS);
        c.base("MSAFD Tcpip [UDP/IP]", MSAFD_TCPIP, AF_INET, SOCK_DGRAM, IPPROTO_UDP, UDP_FLAGS);
        c.base("MSAFD Tcpip [RAW/IP]", MSAFD_TCPIP, AF_INET, SOCK_RAW, 0, UDP_FLAGS);
        c.base("MSAFD Tcpip [TCP/IPv6]", MSAFD_TCPIP6, AF_INET6, SOCK_STREAM, IPPROTO_TCP, TCP_FLAGS);
        c.base("MSAFD Tcpip [UDP/IPv6]", MSAFD_TCPIP6, AF_INET6, SOCK_DGRAM, IPPROTO_UDP, UDP_FLAGS);
        c.base("MSAFD Tcpip [RAW/IPv6]", MSAFD_TCPIP6, AF_INET6, SOCK_RAW, 0, UDP_FLAGS);
        return c;
    }

    public static SnapshotBuilder snapshot(CatalogBuilder... catalogs) {
        SnapshotBuilder s = new SnapshotBuilder();
        Arrays.stream(catalogs).forEach(s::catalog);
        return s;
    }

    /** A deterministic GUID derived from a name. */
    public static UUID guid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds one WSAPROTOCOL_INFOW; every field starts known, set one to {@code null} to make it unknown. */
    public static final class InfoBuilder {
        public Integer flags1 = 0;
        public Integer flags2 = 0;
        public Integer flags3 = 0;
        public Integer flags4 = 0;
        public Integer providerFlags = 0x8;
        public UUID providerId;
        public Integer id;
        public Integer chainLength = 1;
        public List<Integer> chainEntries = List.of(0, 0, 0, 0, 0, 0, 0);
        public Integer version = 2;
        public Integer addressFamily = AF_INET;
        public Integer maxSockAddr = 16;
        public Integer minSockAddr = 16;
        public Integer socketType = SOCK_STREAM;
        public Integer protocol = IPPROTO_TCP;
        public Integer protocolMaxOffset = 0;
        public Integer networkByteOrder = 0;
        public Integer securityScheme = 0;
        public Integer messageSize = 0;
        public Integer providerReserved = 0;
        public String name;

        public static InfoBuilder from(ProtocolInfo i) {
            InfoBuilder b = new InfoBuilder();
            b.flags1 = i.serviceFlags1();
            b.flags2 = i.serviceFlags2();
            b.flags3 = i.serviceFlags3();
            b.flags4 = i.serviceFlags4();
            b.providerFlags = i.providerFlags();
            b.providerId = i.providerId();
            b.id = i.catalogEntryId();
            b.chainLength = i.chainLength();
            b.chainEntries = i.chainEntries();
            b.version = i.version();
            b.addressFamily = i.addressFamily();
            b.maxSockAddr = i.maxSockAddr();
            b.minSockAddr = i.minSockAddr();
            b.socketType = i.socketType();
            b.protocol = i.protocol();
            b.protocolMaxOffset = i.protocolMaxOffset();
            b.networkByteOrder = i.networkByteOrder();
            b.securityScheme = i.securityScheme();
            b.messageSize = i.messageSize();
            b.providerReserved = i.providerReserved();
            b.name = i.protocolName();
            return b;
        }

        /** Sets ChainLen and the chain ids (the 7 slots, zero padded). */
        public InfoBuilder chain(int length, Integer... ids) {
            chainLength = length;
            List<Integer> slots = new ArrayList<>(Arrays.asList(ids));
            while (slots.size() < 7) {
                slots.add(0);
            }
            chainEntries = slots;
            return this;
        }

        public ProtocolInfo build() {
            return new ProtocolInfo(flags1, flags2, flags3, flags4, providerFlags, providerId, id, chainLength,
                    chainEntries, version, addressFamily, maxSockAddr, minSockAddr, socketType, protocol,
                    protocolMaxOffset, networkByteOrder, securityScheme, messageSize, providerReserved, name);
        }
    }

    /** An installed LSP: its layered entry and its chains. */
    public record Lsp(CatalogEntry layered, List<CatalogEntry> chains) {
    }

    /** One catalog under construction; ids are handed out from 1001 in the order entries are made. */
    public static final class CatalogBuilder {
        private final Bitness bitness;
        private final List<CatalogEntry> entries = new ArrayList<>();
        private int nextId = 1001;
        private boolean orderKnown = true;

        public CatalogBuilder(Bitness bitness) {
            this.bitness = bitness;
        }

        public Bitness bitness() {
            return bitness;
        }

        /** Appends a base provider (ChainLen 1). */
        public CatalogEntry base(String name, UUID guid, int family, int socketType, int protocol, int flags) {
            InfoBuilder b = new InfoBuilder();
            b.name = name;
            b.providerId = guid;
            b.addressFamily = family;
            b.socketType = socketType;
            b.protocol = protocol;
            b.flags1 = flags;
            if (family == AF_INET6) {
                b.maxSockAddr = 28;
                b.minSockAddr = 28;
            }
            return append(b, MSWSOCK);
        }

        /** Appends an entry with the next free id. */
        public CatalogEntry append(InfoBuilder info, String dll) {
            info.id = nextId++;
            CatalogEntry e = new CatalogEntry(info.build(), dll, null, null, "fixture " + bitness + " #" + info.id);
            entries.add(e);
            return e;
        }

        /**
         * Installs an LSP over the given entries (base providers or other LSPs' chains): a layered entry
         * appended at the end and one chain per entry, inserted at the top of the provider order.
         */
        public Lsp lsp(String name, String dll, boolean ifs, CatalogEntry... over) {
            InfoBuilder layeredInfo = new InfoBuilder();
            layeredInfo.name = name;
            layeredInfo.providerId = guid(name + bitness);
            layeredInfo.flags1 = ifs ? TCP_FLAGS : TCP_FLAGS & ~ServiceFlag.IFS_HANDLES.bit();
            layeredInfo.providerFlags = 0x4;
            layeredInfo.socketType = 0;
            layeredInfo.protocol = 0;
            layeredInfo.chain(0);
            CatalogEntry layered = append(layeredInfo, dll);
            List<CatalogEntry> chains = new ArrayList<>();
            for (CatalogEntry below : over) {
                InfoBuilder c = InfoBuilder.from(below.info());
                List<Integer> ids = new ArrayList<>(List.of(layered.id()));
                ids.addAll(below.info().entryType() == dev.wpuscope.catalog.model.EntryType.BASE
                        ? List.of(below.id()) : below.info().chain());
                c.chain(ids.size(), ids.toArray(Integer[]::new));
                c.name = name + " over [" + below.info().protocolName() + "]";
                c.providerId = guid(c.name + bitness);
                c.flags1 = ifs ? below.info().serviceFlags1() : below.info().serviceFlags1() & ~ServiceFlag.IFS_HANDLES.bit();
                CatalogEntry chain = append(c, dll);
                entries.remove(chain);
                entries.add(chains.size(), chain);
                chains.add(chain);
            }
            return new Lsp(layered, chains);
        }

        /** The entry with this id. */
        public CatalogEntry get(int id) {
            return entries.stream().filter(e -> e.id() == id).findFirst().orElseThrow();
        }

        /** Replaces the entry with this id by an edited copy (id and position unchanged unless edited). */
        public CatalogBuilder edit(int id, UnaryOperator<InfoBuilder> change) {
            CatalogEntry old = get(id);
            CatalogEntry changed = new CatalogEntry(change.apply(InfoBuilder.from(old.info())).build(),
                    old.providerPath(), old.protocolNameValue(), old.packedItem(), old.origin());
            entries.set(entries.indexOf(old), changed);
            return this;
        }

        /** Replaces the DLL path of the entry with this id. */
        public CatalogBuilder path(int id, String dll) {
            CatalogEntry old = get(id);
            entries.set(entries.indexOf(old), new CatalogEntry(old.info(), dll, old.protocolNameValue(),
                    old.packedItem(), old.origin()));
            return this;
        }

        public CatalogBuilder remove(int id) {
            entries.remove(get(id));
            return this;
        }

        public CatalogBuilder moveToEnd(int id) {
            CatalogEntry e = get(id);
            entries.remove(e);
            entries.add(e);
            return this;
        }

        /** Adds an exact copy of an entry at the end (a duplicate). */
        public CatalogBuilder duplicate(int id) {
            entries.add(get(id));
            return this;
        }

        /** Skips ids, as after an uninstall. */
        public CatalogBuilder skipIds(int count) {
            nextId += count;
            return this;
        }

        public CatalogBuilder nextId(int id) {
            nextId = id;
            return this;
        }

        /** Marks the catalog as an excerpt: its provider order, and so its completeness, is unknown. */
        public CatalogBuilder excerpt() {
            orderKnown = false;
            return this;
        }

        public List<CatalogEntry> entries() {
            return List.copyOf(entries);
        }

        public Catalog build() {
            return new Catalog(bitness, entries, orderKnown);
        }
    }

    /** A snapshot under construction. */
    public static final class SnapshotBuilder {
        private SourceKind kind = SourceKind.REG_EXPORT;
        private String location = "fixture.reg";
        private final Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        private final List<NamespaceProvider> namespaces = new ArrayList<>();
        private final List<AppIdRule> appIds = new ArrayList<>();
        private final Map<UUID, Integer> categories = new HashMap<>();

        public SnapshotBuilder catalog(CatalogBuilder catalog) {
            catalogs.put(catalog.bitness(), catalog.build());
            return this;
        }

        public SnapshotBuilder kind(SourceKind kind, String location) {
            this.kind = kind;
            this.location = location;
            return this;
        }

        public SnapshotBuilder namespace(Bitness bitness, String name, String dll, Boolean enabled) {
            namespaces.add(new NamespaceProvider(bitness, dll, name, guid(name), 12, enabled, 0, false, null,
                    "fixture namespace " + name));
            return this;
        }

        public SnapshotBuilder appId(String path, Integer permitted) {
            appIds.add(new AppIdRule(Integer.toHexString(path.hashCode()), path, permitted));
            return this;
        }

        public SnapshotBuilder lspCategories(CatalogEntry layered, int categories) {
            this.categories.put(layered.info().providerId(), categories);
            return this;
        }

        public CatalogSnapshot build() {
            return new CatalogSnapshot(kind, location, catalogs, namespaces, appIds, categories, List.of(), List.of());
        }
    }
}
