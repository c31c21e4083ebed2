package dev.wpuscope.catalog.known;

import dev.wpuscope.catalog.EntryLabels;
import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.catalog.model.CatalogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The knowledge base of known LSP products (resources/known-lsps/known-lsps.json) and the matcher that
 * recognises a catalog entry as one of them: by provider GUID, else by DLL file name (case-insensitive, path
 * and {@code %SystemRoot%} stripped), else by protocol name.
 */
public final class KnownLsps {

    /** The bundled file, as a class path resource. */
    static final String RESOURCE = "/dev/wpuscope/catalog/known/known-lsps.json";

    private static KnownLsps standard;

    private final int version;
    private final List<KnownProduct> products;
    private final Map<UUID, KnownProduct> byGuid = new HashMap<>();
    private final Map<String, KnownProduct> byDll = new HashMap<>();
    private final Map<String, EntryMatch> byName = new HashMap<>();

    KnownLsps(int version, List<KnownProduct> products) {
        this.version = version;
        this.products = List.copyOf(products);
        for (KnownProduct product : products) {
            product.guids().forEach(g -> byGuid.put(g.guid(), product));
            product.dlls().forEach(d -> byDll.put(d.fileName().toLowerCase(Locale.ROOT), product));
            for (KnownName name : product.protocolNames()) {
                byName.put(name.name().toLowerCase(Locale.ROOT),
                        new EntryMatch(product, MatchBasis.PROTOCOL_NAME, name.name()));
            }
        }
    }

    /** The knowledge base that ships with wpuscope (read once). */
    public static synchronized KnownLsps standard() {
        if (standard == null) {
            try (InputStream in = KnownLsps.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the knowledge base " + RESOURCE + " is not on the class path");
                }
                standard = KnownLspsReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "known-lsps.json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** The file's version. */
    public int version() {
        return version;
    }

    public List<KnownProduct> products() {
        return products;
    }

    /** The product this entry belongs to, by the strongest basis that matches; empty for an unknown entry. */
    public Optional<EntryMatch> match(CatalogEntry entry) {
        UUID guid = entry.info().providerId();
        if (guid != null && byGuid.containsKey(guid)) {
            return Optional.of(new EntryMatch(byGuid.get(guid), MatchBasis.GUID, Guids.registryForm(guid)));
        }
        if (entry.providerPath() != null) {
            String dll = EntryLabels.fileName(entry.providerPath().trim());
            KnownProduct product = byDll.get(dll.toLowerCase(Locale.ROOT));
            if (product != null) {
                return Optional.of(new EntryMatch(product, MatchBasis.DLL_NAME, dll));
            }
        }
        return Optional.ofNullable(byName.get(layeredName(entry.displayName()).toLowerCase(Locale.ROOT)));
    }

    /** "LavasoftLSP" for the chain "LavasoftLSP over [MSAFD Tcpip [TCP/IP]]" and for the layered entry itself. */
    private static String layeredName(String protocolName) {
        int over = protocolName.indexOf(" over [");
        return (over > 0 ? protocolName.substring(0, over) : protocolName).trim();
    }
}
