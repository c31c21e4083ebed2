package dev.wpuscope.tracer;

import dev.wpuscope.catalog.binary.WsaProtocolInfoLayout;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.ProviderFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tracer's WSAPROTOCOL_INFOW structures the way LSP installers do: the layered entry from a covered
 * entry with ChainLen 0, PFL_HIDDEN set, no socket type or protocol; each chain as a copy of the entry it covers
 * (same XP1_* flags, family, socket type, protocol, sizes) with the tracer's layered id put in front of its chain,
 * PFL_HIDDEN cleared and its own name.
 */
final class TracerEntries {

    static final String CHAIN_NAME_PREFIX = "wpuscope tracer over [";

    private TracerEntries() {
    }

    static ProtocolInfo layered(ProtocolInfo model) {
        int flags = (model.providerFlags() | ProviderFlag.HIDDEN.bit()) & ~ProviderFlag.MATCHES_PROTOCOL_ZERO.bit();
        return new ProtocolInfo(model.serviceFlags1(), model.serviceFlags2(), model.serviceFlags3(),
                model.serviceFlags4(), flags, TracerIds.LAYERED_PROVIDER, 0, 0, slots(List.of()), model.version(),
                model.addressFamily(), model.maxSockAddr(), model.minSockAddr(), 0, 0, model.protocolMaxOffset(),
                model.networkByteOrder(), model.securityScheme(), model.messageSize(), model.providerReserved(),
                TracerIds.LAYERED_NAME);
    }

    static ProtocolInfo chainOver(ProtocolInfo covered, int layeredId) {
        List<Integer> ids = new ArrayList<>();
        ids.add(layeredId);
        ids.addAll(chainOf(covered));
        return new ProtocolInfo(covered.serviceFlags1(), covered.serviceFlags2(), covered.serviceFlags3(),
                covered.serviceFlags4(), covered.providerFlags() & ~ProviderFlag.HIDDEN.bit(),
                TracerIds.CHAIN_PROVIDER, 0, ids.size(), slots(ids), covered.version(), covered.addressFamily(),
                covered.maxSockAddr(), covered.minSockAddr(), covered.socketType(), covered.protocol(),
                covered.protocolMaxOffset(), covered.networkByteOrder(), covered.securityScheme(),
                covered.messageSize(), covered.providerReserved(), chainName(covered.protocolName()));
    }

    /** The ids a new chain continues with: a base provider's own id, or a chain's whole chain. */
    static List<Integer> chainOf(ProtocolInfo covered) {
        return covered.chainLength() == 1 ? List.of(covered.catalogEntryId()) : covered.chain();
    }

    /** "wpuscope tracer over [name]", cut to fit szProtocol (255 characters and the NUL). */
    static String chainName(String coveredName) {
        String name = CHAIN_NAME_PREFIX + coveredName + "]";
        int max = WsaProtocolInfoLayout.WSAPROTOCOL_LEN_CHARS - 1;
        return name.length() <= max ? name : name.substring(0, max - 1) + "]";
    }

    private static List<Integer> slots(List<Integer> ids) {
        List<Integer> slots = new ArrayList<>(ids);
        while (slots.size() < WsaProtocolInfoLayout.MAX_PROTOCOL_CHAIN) {
            slots.add(0);
        }
        return slots;
    }
}
