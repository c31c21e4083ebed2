package dev.wpuscope.catalog.model;

import java.util.List;
import java.util.UUID;

/**
 * Every field of one WSAPROTOCOL_INFOW (628 bytes, same layout on x86 and x64; offsets in DESIGN.md §2).
 * A field that the source cannot know (netsh prints no provider flags, for example) is {@code null};
 * sources never invent values. DWORD fields are kept as Java {@code int} bit patterns; print them
 * with {@link Integer#toUnsignedString(int)} or as hex.
 *
 * @param chainLength  ProtocolChain.ChainLen
 * @param chainEntries ProtocolChain.ChainEntries: all 7 raw slots when the source has the binary
 *                     structure, otherwise only the first {@code chainLength} ids the source printed
 */
public record ProtocolInfo(
        Integer serviceFlags1,
        Integer serviceFlags2,
        Integer serviceFlags3,
        Integer serviceFlags4,
        Integer providerFlags,
        UUID providerId,
        Integer catalogEntryId,
        Integer chainLength,
        List<Integer> chainEntries,
        Integer version,
        Integer addressFamily,
        Integer maxSockAddr,
        Integer minSockAddr,
        Integer socketType,
        Integer protocol,
        Integer protocolMaxOffset,
        Integer networkByteOrder,
        Integer securityScheme,
        Integer messageSize,
        Integer providerReserved,
        String protocolName) {

    public ProtocolInfo {
        chainEntries = chainEntries == null ? null : List.copyOf(chainEntries);
    }

    /** The entry type, or {@code null} when the chain length is unknown. */
    public EntryType entryType() {
        return chainLength == null ? null : EntryType.ofChainLength(chainLength);
    }

    /**
     * The chain's catalog ids in order (LSP layered entry first, base provider last): the first
     * {@code chainLength} slots, clipped to what is present. Empty for layered entries; for a base
     * provider this is the single (often 0) slot, which real catalogs do not keep meaningful.
     */
    public List<Integer> chain() {
        if (chainEntries == null || chainLength == null || chainLength <= 0) {
            return List.of();
        }
        return chainEntries.subList(0, Math.min(chainLength, chainEntries.size()));
    }

    public boolean hasServiceFlag(ServiceFlag flag) {
        return serviceFlags1 != null && flag.isSetIn(serviceFlags1);
    }

    public boolean hasProviderFlag(ProviderFlag flag) {
        return providerFlags != null && flag.isSetIn(providerFlags);
    }
}
