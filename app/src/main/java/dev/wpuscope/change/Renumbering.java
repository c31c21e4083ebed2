package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog ids Windows assigned to entries that were installed again (WSCInstallProvider never keeps an old
 * id): an entry's own id and the chain links that name it.
 */
final class Renumbering {

    private final Map<Integer, Integer> ids = new HashMap<>();

    void put(int old, int assigned) {
        ids.put(old, assigned);
    }

    int map(int id) {
        return ids.getOrDefault(id, id);
    }

    /**
     * The entry with its id and chain links renumbered. An entry that got a new id was written anew, so it keeps
     * none of the original registry bytes that no field covers.
     */
    CatalogEntry apply(CatalogEntry entry) {
        ProtocolInfo info = entry.info();
        List<Integer> slots = info.chainEntries() == null ? null : new ArrayList<>(info.chainEntries());
        for (int i = 0; slots != null && i < info.chain().size(); i++) {
            slots.set(i, map(slots.get(i)));
        }
        Integer id = info.catalogEntryId() == null ? null : map(info.catalogEntryId());
        ProtocolInfo renumbered = new ProtocolInfo(info.serviceFlags1(), info.serviceFlags2(), info.serviceFlags3(),
                info.serviceFlags4(), info.providerFlags(), info.providerId(), id, info.chainLength(), slots,
                info.version(), info.addressFamily(), info.maxSockAddr(), info.minSockAddr(), info.socketType(),
                info.protocol(), info.protocolMaxOffset(), info.networkByteOrder(), info.securityScheme(),
                info.messageSize(), info.providerReserved(), info.protocolName());
        boolean written = id != null && !id.equals(info.catalogEntryId());
        return new CatalogEntry(renumbered, entry.providerPath(), entry.protocolNameValue(),
                written ? null : entry.packedItem(), entry.origin());
    }
}
