package dev.wpuscope.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.binary.WsaProtocolInfoCodec;
import dev.wpuscope.catalog.binary.WsaProtocolInfoLayout;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.platform.LiveCatalogSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the live catalogs through the Winsock SPI: WSCEnumProtocols (the catalog of this process's bitness)
 * and, in a 64-bit process, WSCEnumProtocols32 for the WOW64 catalog; provider DLL paths with
 * WSCGetProviderPath(32); LSP categories with WSCGetProviderInfo(32); namespace providers with
 * WSAEnumNameSpaceProvidersExW and WSCEnumNameSpaceProvidersEx32. The WSAPROTOCOL_INFOW bytes are decoded by
 * the same codec as registry exports.
 */
public final class WindowsLiveCatalogSource implements LiveCatalogSource {

    private static final int MAX_PATH = 260;
    private static final String LOCATION = "live";

    private final List<String> warnings = new ArrayList<>();
    private final List<String> limitations = new ArrayList<>();

    @Override
    public CatalogSnapshot read() throws CatalogReadException {
        warnings.clear();
        limitations.clear();
        Ws2_32 ws2 = Ws2_32.Holder.INSTANCE;
        Map<Bitness, Catalog> catalogs = new EnumMap<>(Bitness.class);
        Map<UUID, Integer> categories = new HashMap<>();
        List<NamespaceProvider> namespaces = new ArrayList<>();
        if (Platform.is64Bit()) {
            catalogs.put(Bitness.X64, catalog(CatalogApi.nativeCatalog(ws2), Bitness.X64, categories));
            catalogs.put(Bitness.X86, catalog(CatalogApi.wow64Catalog(ws2), Bitness.X86, categories));
        } else {
            catalogs.put(Bitness.X86, catalog(CatalogApi.nativeCatalog(ws2), Bitness.X86, categories));
            limitations.add("wpuscope runs as a 32-bit process: a 64-bit Windows catalog, if any, cannot be read"
                    + " from it (run a 64-bit Java).");
        }
        namespaces.addAll(namespaceProviders(ws2));
        limitations.add("Namespace providers as the system reports them: their DLL path (LibraryPath) and"
                + " StoresServiceClassInfo are not given by WSAEnumNameSpaceProvidersEx.");
        limitations.add("The live catalog has no PackedCatalogItem bytes; entries carry the decoded"
                + " WSAPROTOCOL_INFOW and the path WSCGetProviderPath reports.");
        limitations.add("Application LSP category rules (AppId_Catalog) are not read live.");
        return new CatalogSnapshot(SourceKind.LIVE, LOCATION, catalogs, namespaces, List.of(), categories,
                limitations, warnings);
    }

    /** WSCEnumProtocols(32) */
    private interface WscEnumProtocols {
        int call(int[] protocols, Pointer buffer, IntByReference length, IntByReference errno);
    }

    /** WSCGetProviderPath(32) */
    private interface WscGetProviderPath {
        int call(byte[] guid, char[] path, IntByReference length, IntByReference errno);
    }

    /** WSCGetProviderInfo(32) */
    private interface WscGetProviderInfo {
        int call(byte[] guid, int infoType, Pointer info, Pointer size, int flags, IntByReference errno);
    }

    /** The WSC functions of one catalog: the native ones, or the *32 ones for the WOW64 catalog. */
    private record CatalogApi(String enumName, WscEnumProtocols enumProtocols, WscGetProviderPath providerPath,
            WscGetProviderInfo providerInfo) {

        static CatalogApi nativeCatalog(Ws2_32 ws2) {
            return new CatalogApi("WSCEnumProtocols", ws2::WSCEnumProtocols, ws2::WSCGetProviderPath,
                    ws2::WSCGetProviderInfo);
        }

        static CatalogApi wow64Catalog(Ws2_32 ws2) {
            return new CatalogApi("WSCEnumProtocols32", ws2::WSCEnumProtocols32, ws2::WSCGetProviderPath32,
                    ws2::WSCGetProviderInfo32);
        }
    }

    private Catalog catalog(CatalogApi api, Bitness bitness, Map<UUID, Integer> categories)
            throws CatalogReadException {
        List<ProtocolInfo> infos = enumerate(api);
        Map<UUID, String> paths = new HashMap<>();
        Set<UUID> layeredProviders = new LinkedHashSet<>();
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            ProtocolInfo info = infos.get(i);
            String path = paths.computeIfAbsent(info.providerId(), guid -> providerPath(api, guid));
            if (info.chainLength() == 0) {
                layeredProviders.add(info.providerId());
            }
            entries.add(new CatalogEntry(info, path, null, null, api.enumName() + "[" + i + "]"));
        }
        for (UUID lsp : layeredProviders) {
            lspCategories(api, lsp, bitness).ifPresent(c -> categories.merge(lsp, c, (a, b) -> a | b));
        }
        return new Catalog(bitness, entries, true);
    }

    private List<ProtocolInfo> enumerate(CatalogApi api) throws CatalogReadException {
        IntByReference length = new IntByReference(0);
        IntByReference errno = new IntByReference(0);
        int count = api.enumProtocols().call(null, null, length, errno);
        Memory buffer = null;
        while (count == Ws2_32.SOCKET_ERROR && errno.getValue() == Ws2_32.WSAENOBUFS) {
            buffer = new Memory(Math.max(length.getValue(), 1));
            count = api.enumProtocols().call(null, buffer, length, errno);
        }
        if (count == Ws2_32.SOCKET_ERROR) {
            throw new CatalogReadException(LOCATION + ": " + api.enumName() + " failed with Winsock error "
                    + errno.getValue());
        }
        requireFits(api.enumName(), count, WsaProtocolInfoLayout.SIZE, buffer);
        List<ProtocolInfo> infos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = buffer.getByteArray((long) i * WsaProtocolInfoLayout.SIZE, WsaProtocolInfoLayout.SIZE);
            infos.add(WsaProtocolInfoCodec.decode(bytes, LOCATION + ": " + api.enumName() + "[" + i + "]"));
        }
        return infos;
    }

    private String providerPath(CatalogApi api, UUID guid) {
        char[] path = new char[MAX_PATH + 1];
        IntByReference length = new IntByReference(path.length);
        IntByReference errno = new IntByReference(0);
        if (api.providerPath().call(Guids.toBytes(guid), path, length, errno) == Ws2_32.SOCKET_ERROR) {
            warnings.add(LOCATION + ": no DLL path for provider {" + guid + "}: WSCGetProviderPath failed with"
                    + " Winsock error " + errno.getValue());
            return null;
        }
        return Native.toString(path);
    }

    private Optional<Integer> lspCategories(CatalogApi api, UUID guid, Bitness bitness) {
        Memory info = new Memory(4);
        info.setInt(0, 0);
        Memory size = new Memory(Native.SIZE_T_SIZE);
        if (Native.SIZE_T_SIZE == 8) {
            size.setLong(0, 4);
        } else {
            size.setInt(0, 4);
        }
        IntByReference errno = new IntByReference(0);
        if (api.providerInfo().call(Guids.toBytes(guid), Ws2_32.PROVIDER_INFO_LSP_CATEGORIES, info,
                size, 0, errno) == Ws2_32.SOCKET_ERROR) {
            warnings.add(LOCATION + ": LSP categories of {" + guid + "} in the " + bitness.label() + " catalog are"
                    + " unknown: WSCGetProviderInfo failed with Winsock error " + errno.getValue());
            return Optional.empty();
        }
        return Optional.of(info.getInt(0));
    }

    private List<NamespaceProvider> namespaceProviders(Ws2_32 ws2) throws CatalogReadException {
        Memory wsaData = new Memory(1024);
        int started = ws2.WSAStartup((short) 0x0202, wsaData);
        if (started != 0) {
            throw new CatalogReadException(LOCATION + ": WSAStartup failed with Winsock error " + started);
        }
        try {
            List<NamespaceProvider> providers = new ArrayList<>(
                    namespaces(Platform.is64Bit() ? Bitness.X64 : Bitness.X86, "WSAEnumNameSpaceProvidersExW",
                            ws2::WSAEnumNameSpaceProvidersExW));
            if (Platform.is64Bit()) {
                providers.addAll(namespaces(Bitness.X86, "WSCEnumNameSpaceProvidersEx32",
                        ws2::WSCEnumNameSpaceProvidersEx32));
            }
            return providers;
        } finally {
            ws2.WSACleanup();
        }
    }

    private interface NamespaceEnumerator {
        int enumerate(IntByReference length, Pointer buffer);
    }

    /** Reads the error with Native.getLastError(): JNA saves it right after each call (WSAGetLastError is
     * GetLastError), so nothing JNA does in between can overwrite it. */
    private static List<NamespaceProvider> namespaces(Bitness bitness, String function, NamespaceEnumerator api)
            throws CatalogReadException {
        IntByReference length = new IntByReference(0);
        int count = api.enumerate(length, null);
        Memory buffer = null;
        while (count == Ws2_32.SOCKET_ERROR && Native.getLastError() == Ws2_32.WSAEFAULT && length.getValue() > 0) {
            buffer = new Memory(length.getValue());
            count = api.enumerate(length, buffer);
        }
        if (count == Ws2_32.SOCKET_ERROR) {
            throw new CatalogReadException(LOCATION + ": " + function + " failed with Winsock error "
                    + Native.getLastError());
        }
        int stride = new WsaNamespaceInfoExW().size();
        requireFits(function, count, stride, buffer);
        List<NamespaceProvider> providers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            WsaNamespaceInfoExW ns = new WsaNamespaceInfoExW(buffer.share((long) i * stride));
            providers.add(new NamespaceProvider(bitness, null,
                    ns.lpszIdentifier == null ? null : ns.lpszIdentifier.getWideString(0),
                    Guids.decode(ns.NSProviderId, 0), ns.dwNameSpace, ns.fActive != 0, ns.dwVersion, null, null,
                    function + "[" + i + "]"));
        }
        return providers;
    }

    /** A count the buffer cannot hold would make JNA read outside it: report it instead. */
    private static void requireFits(String function, int count, int size, Memory buffer) throws CatalogReadException {
        long available = buffer == null ? 0 : buffer.size();
        if (count < 0 || (long) count * size > available) {
            throw new CatalogReadException(LOCATION + ": " + function + " reported " + count + " entries of " + size
                    + " bytes but filled a buffer of " + available);
        }
    }
}
