package dev.wpuscope.catalog.model;

/**
 * One entry of a protocol catalog, in provider order.
 *
 * @param info          the decoded WSAPROTOCOL_INFOW
 * @param providerPath  the provider DLL path as stored (unexpanded, e.g. {@code %SystemRoot%\system32\mswsock.dll});
 *                      {@code null} when the source does not have it
 * @param protocolNameValue the Windows 10+ {@code ProtocolName} registry value (often an MUI reference such as
 *                      {@code @%SystemRoot%\System32\mswsock.dll,-60100}); {@code null} when absent
 * @param packedItem    the original 888-byte {@code PackedCatalogItem} when the source had it, else {@code null}
 * @param origin        where the entry came from, for messages: a registry key, "line 12", "WSCEnumProtocols[3]"
 */
public record CatalogEntry(
        ProtocolInfo info,
        String providerPath,
        String protocolNameValue,
        RawBytes packedItem,
        String origin) {

    /** Catalog id, or {@code null} when unknown. */
    public Integer id() {
        return info.catalogEntryId();
    }

    /** A readable name: szProtocol, else the ProtocolName value, else the catalog id. */
    public String displayName() {
        if (info.protocolName() != null && !info.protocolName().isEmpty()) {
            return info.protocolName();
        }
        if (protocolNameValue != null && !protocolNameValue.isEmpty()) {
            return protocolNameValue;
        }
        return "entry " + (id() == null ? "?" : Integer.toUnsignedString(id()));
    }
}
