package dev.wpuscope.platform.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.binary.WsaProtocolInfoCodec;
import dev.wpuscope.catalog.binary.WsaProtocolInfoLayout;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.change.CatalogWriteException;
import dev.wpuscope.change.CatalogWriter;
import java.util.List;
import java.util.UUID;

/**
 * The live Winsock catalogs through ws2_32.dll, read back with {@link WindowsLiveCatalogSource}. A 64-bit process
 * reaches both catalogs: its own with WSCInstallProvider, WSCWriteProviderOrder, WSCDeinstallProvider, the 32-bit
 * one with their {@code 32} variants. There is no WSCInstallProvider32: entries for the 32-bit catalog are installed with
 * WSCInstallProvider64_32 (into both catalogs) and their 64-bit copies deinstalled at once, which is why the
 * installer changes the 32-bit catalog first, while the 64-bit one does not hold the GUID. A 32-bit process on
 * 32-bit Windows reaches the one catalog with the plain functions; on 64-bit Windows it is refused (it cannot
 * change the 64-bit catalog).
 */
public final class WindowsCatalogWriter implements CatalogWriter {

    private final Ws2Spi api;
    private final WindowsLiveCatalogSource reader = new WindowsLiveCatalogSource();
    private final Bitness processBitness;
    private final List<Bitness> catalogs;

    private WindowsCatalogWriter(Ws2Spi api, Bitness processBitness, List<Bitness> catalogs) {
        this.api = api;
        this.processBitness = processBitness;
        this.catalogs = catalogs;
    }

    /** The writer for this JVM; fails with a readable reason for a 32-bit JVM on 64-bit Windows. */
    public static WindowsCatalogWriter forThisProcess() throws CatalogWriteException {
        boolean jvm64 = Native.POINTER_SIZE == 8;
        if (jvm64) {
            return new WindowsCatalogWriter(Ws2Spi.load(), Bitness.X64, List.of(Bitness.X64, Bitness.X86));
        }
        if (System.getenv("ProgramW6432") != null) {
            throw new CatalogWriteException("this is a 32-bit Java on 64-bit Windows, which cannot change the 64-bit"
                    + " Winsock catalog; run wpuscope with a 64-bit Java");
        }
        return new WindowsCatalogWriter(Ws2Spi.load(), Bitness.X86, List.of(Bitness.X86));
    }

    @Override
    public List<Bitness> catalogs() {
        return catalogs;
    }

    @Override
    public Catalog enumerate(Bitness bitness) throws CatalogWriteException {
        isOwn(bitness);
        try {
            return reader.read().catalog(bitness).orElseThrow(() -> new CatalogWriteException("the live source"
                    + " returned no " + bitness.label() + " catalog"));
        } catch (CatalogReadException e) {
            throw new CatalogWriteException(e.getMessage());
        }
    }

    @Override
    public List<Integer> installProvider(Bitness bitness, UUID providerId, String dllPath, List<ProtocolInfo> entries)
            throws CatalogWriteException {
        Memory infos = new Memory((long) entries.size() * WsaProtocolInfoLayout.SIZE);
        for (int i = 0; i < entries.size(); i++) {
            infos.write((long) i * WsaProtocolInfoLayout.SIZE, WsaProtocolInfoCodec.encode(entries.get(i)), 0,
                    WsaProtocolInfoLayout.SIZE);
        }
        IntByReference errno = new IntByReference(0);
        if (isOwn(bitness)) {
            check("WSCInstallProvider", api.WSCInstallProvider(guid(providerId), new WString(dllPath), infos,
                    entries.size(), errno), errno);
        } else {
            installThroughBothCatalogs(providerId, dllPath, infos, entries.size());
        }
        List<Integer> ids = enumerate(bitness).entries().stream()
                .filter(e -> providerId.equals(e.info().providerId())).map(CatalogEntry::id).toList();
        if (ids.size() != entries.size()) {
            throw new CatalogWriteException("after installing " + entries.size() + " entries under {" + providerId
                    + "} the " + bitness.label() + " catalog holds " + ids.size());
        }
        return ids;
    }

    private void installThroughBothCatalogs(UUID providerId, String dllPath, Memory infos, int count)
            throws CatalogWriteException {
        boolean inOwnCatalog = enumerate(processBitness).entries().stream()
                .anyMatch(e -> providerId.equals(e.info().providerId()));
        if (inOwnCatalog) {
            throw new CatalogWriteException("cannot install {" + providerId + "} into the 32-bit catalog while the"
                    + " 64-bit catalog holds it (WSCInstallProvider64_32 installs into both)");
        }
        IntByReference errno = new IntByReference(0);
        check("WSCInstallProvider64_32", api.WSCInstallProvider64_32(guid(providerId), new WString(dllPath), infos,
                count, errno), errno);
        check("WSCDeinstallProvider (64-bit copy)", api.WSCDeinstallProvider(guid(providerId), errno), errno);
    }

    @Override
    public void writeProviderOrder(Bitness bitness, List<Integer> catalogIds) throws CatalogWriteException {
        int[] ids = catalogIds.stream().mapToInt(Integer::intValue).toArray();
        boolean own = isOwn(bitness);
        int error = own ? api.WSCWriteProviderOrder(ids, ids.length) : api.WSCWriteProviderOrder32(ids, ids.length);
        if (error != 0) {
            throw failure(name("WSCWriteProviderOrder", own), error);
        }
    }

    @Override
    public void deinstallProvider(Bitness bitness, UUID providerId) throws CatalogWriteException {
        IntByReference errno = new IntByReference(0);
        boolean own = isOwn(bitness);
        int result = own ? api.WSCDeinstallProvider(guid(providerId), errno)
                : api.WSCDeinstallProvider32(guid(providerId), errno);
        check(name("WSCDeinstallProvider", own), result, errno);
    }

    private boolean isOwn(Bitness bitness) throws CatalogWriteException {
        if (!catalogs.contains(bitness)) {
            throw new CatalogWriteException("the " + bitness.label() + " catalog cannot be reached from this "
                    + processBitness.label() + " process");
        }
        return bitness == processBitness;
    }

    private static byte[] guid(UUID id) {
        return Guids.toBytes(id);
    }

    private static String name(String function, boolean own) {
        return own ? function : function + "32";
    }

    private static void check(String function, int result, IntByReference errno) throws CatalogWriteException {
        if (result != 0) {
            throw failure(function, errno.getValue());
        }
    }

    private static CatalogWriteException failure(String function, int error) {
        return new CatalogWriteException(function + " failed with Winsock error " + error + WsaErrorName.of(error));
    }
}
