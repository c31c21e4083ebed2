package dev.wpuscope.catalog.binary;

/**
 * The one table of WSAPROTOCOL_INFOW field offsets (628 bytes, no pointers, the same on x86 and x64).
 * The codec reads and writes through these offsets, and a test compiles them as {@code _Static_assert}s
 * against the mingw-w64 headers so they cannot drift from the real structure.
 */
public enum WsaProtocolInfoLayout {
    SERVICE_FLAGS1("dwServiceFlags1", 0, 4),
    SERVICE_FLAGS2("dwServiceFlags2", 4, 4),
    SERVICE_FLAGS3("dwServiceFlags3", 8, 4),
    SERVICE_FLAGS4("dwServiceFlags4", 12, 4),
    PROVIDER_FLAGS("dwProviderFlags", 16, 4),
    PROVIDER_ID("ProviderId", 20, 16),
    CATALOG_ENTRY_ID("dwCatalogEntryId", 36, 4),
    CHAIN_LENGTH("ProtocolChain.ChainLen", 40, 4),
    CHAIN_ENTRIES("ProtocolChain.ChainEntries", 44, 4 * WsaProtocolInfoLayout.MAX_PROTOCOL_CHAIN),
    VERSION("iVersion", 72, 4),
    ADDRESS_FAMILY("iAddressFamily", 76, 4),
    MAX_SOCK_ADDR("iMaxSockAddr", 80, 4),
    MIN_SOCK_ADDR("iMinSockAddr", 84, 4),
    SOCKET_TYPE("iSocketType", 88, 4),
    PROTOCOL("iProtocol", 92, 4),
    PROTOCOL_MAX_OFFSET("iProtocolMaxOffset", 96, 4),
    NETWORK_BYTE_ORDER("iNetworkByteOrder", 100, 4),
    SECURITY_SCHEME("iSecurityScheme", 104, 4),
    MESSAGE_SIZE("dwMessageSize", 108, 4),
    PROVIDER_RESERVED("dwProviderReserved", 112, 4),
    PROTOCOL_NAME("szProtocol", 116, 2 * WsaProtocolInfoLayout.WSAPROTOCOL_LEN_CHARS);

    /** MAX_PROTOCOL_CHAIN: slots of ProtocolChain.ChainEntries. */
    public static final int MAX_PROTOCOL_CHAIN = 7;
    /** WSAPROTOCOL_LEN + 1: UTF-16 code units of szProtocol. */
    public static final int WSAPROTOCOL_LEN_CHARS = 256;
    /** sizeof(WSAPROTOCOL_INFOW). */
    public static final int SIZE = 628;

    private final String cName;
    private final int offset;
    private final int size;

    WsaProtocolInfoLayout(String cName, int offset, int size) {
        this.cName = cName;
        this.offset = offset;
        this.size = size;
    }

    /** The member designator as written in C, e.g. {@code ProtocolChain.ChainLen}. */
    public String cName() {
        return cName;
    }

    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }
}
