package dev.wpuscope.catalog.binary;

import static dev.wpuscope.catalog.binary.WsaProtocolInfoLayout.*;

import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a WSAPROTOCOL_INFOW (628 little-endian bytes) into a {@link ProtocolInfo} and encodes it back
 * byte for byte. Every bit pattern of the right size decodes (a bad ChainLen is a diagnosis, not a read
 * error); only a wrong size is rejected.
 *
 * <p>Real catalogs keep stale bytes after szProtocol's NUL terminator (left there when a name was shortened),
 * which no field holds. {@link #encode(ProtocolInfo)} writes canonical zero padding; {@link #encodeOver} writes
 * the fields over the original bytes and so reproduces a decoded structure byte for byte.
 */
public final class WsaProtocolInfoCodec {

    private WsaProtocolInfoCodec() {
    }

    /**
     * @param context where the bytes came from, for messages (file, line, key, value name)
     */
    public static ProtocolInfo decode(byte[] bytes, String context) throws CatalogReadException {
        BlobSize.require(bytes, SIZE, "WSAPROTOCOL_INFOW", context);
        return decodeAt(bytes, 0);
    }

    /** The 628 bytes of {@code info}; every field must be known (non-null). */
    public static byte[] encode(ProtocolInfo info) {
        byte[] bytes = new byte[SIZE];
        encodeAt(info, bytes, 0);
        return bytes;
    }

    /** The fields of {@code info} written over a copy of {@code original}, keeping bytes no field covers. */
    public static byte[] encodeOver(ProtocolInfo info, byte[] original) {
        if (original.length != SIZE) {
            throw new IllegalArgumentException("original WSAPROTOCOL_INFOW has " + original.length + " bytes, not "
                    + SIZE);
        }
        byte[] bytes = original.clone();
        encodeAt(info, bytes, 0);
        return bytes;
    }

    static ProtocolInfo decodeAt(byte[] bytes, int base) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> chain = new ArrayList<>(MAX_PROTOCOL_CHAIN);
        for (int i = 0; i < MAX_PROTOCOL_CHAIN; i++) {
            chain.add(in.getInt(base + CHAIN_ENTRIES.offset() + 4 * i));
        }
        return new ProtocolInfo(
                in.getInt(base + SERVICE_FLAGS1.offset()),
                in.getInt(base + SERVICE_FLAGS2.offset()),
                in.getInt(base + SERVICE_FLAGS3.offset()),
                in.getInt(base + SERVICE_FLAGS4.offset()),
                in.getInt(base + PROVIDER_FLAGS.offset()),
                Guids.decode(bytes, base + PROVIDER_ID.offset()),
                in.getInt(base + CATALOG_ENTRY_ID.offset()),
                in.getInt(base + CHAIN_LENGTH.offset()),
                chain,
                in.getInt(base + VERSION.offset()),
                in.getInt(base + ADDRESS_FAMILY.offset()),
                in.getInt(base + MAX_SOCK_ADDR.offset()),
                in.getInt(base + MIN_SOCK_ADDR.offset()),
                in.getInt(base + SOCKET_TYPE.offset()),
                in.getInt(base + PROTOCOL.offset()),
                in.getInt(base + PROTOCOL_MAX_OFFSET.offset()),
                in.getInt(base + NETWORK_BYTE_ORDER.offset()),
                in.getInt(base + SECURITY_SCHEME.offset()),
                in.getInt(base + MESSAGE_SIZE.offset()),
                in.getInt(base + PROVIDER_RESERVED.offset()),
                decodeProtocolName(in, base + PROTOCOL_NAME.offset()));
    }

    static void encodeAt(ProtocolInfo info, byte[] bytes, int base) {
        ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(base + SERVICE_FLAGS1.offset(), known(info.serviceFlags1(), SERVICE_FLAGS1));
        out.putInt(base + SERVICE_FLAGS2.offset(), known(info.serviceFlags2(), SERVICE_FLAGS2));
        out.putInt(base + SERVICE_FLAGS3.offset(), known(info.serviceFlags3(), SERVICE_FLAGS3));
        out.putInt(base + SERVICE_FLAGS4.offset(), known(info.serviceFlags4(), SERVICE_FLAGS4));
        out.putInt(base + PROVIDER_FLAGS.offset(), known(info.providerFlags(), PROVIDER_FLAGS));
        Guids.encode(known(info.providerId(), PROVIDER_ID), bytes, base + PROVIDER_ID.offset());
        out.putInt(base + CATALOG_ENTRY_ID.offset(), known(info.catalogEntryId(), CATALOG_ENTRY_ID));
        out.putInt(base + CHAIN_LENGTH.offset(), known(info.chainLength(), CHAIN_LENGTH));
        List<Integer> chain = known(info.chainEntries(), CHAIN_ENTRIES);
        if (chain.size() > MAX_PROTOCOL_CHAIN) {
            throw new IllegalArgumentException("ChainEntries has " + chain.size() + " slots; at most "
                    + MAX_PROTOCOL_CHAIN + " fit");
        }
        for (int i = 0; i < chain.size(); i++) {
            out.putInt(base + CHAIN_ENTRIES.offset() + 4 * i, known(chain.get(i), CHAIN_ENTRIES));
        }
        out.putInt(base + VERSION.offset(), known(info.version(), VERSION));
        out.putInt(base + ADDRESS_FAMILY.offset(), known(info.addressFamily(), ADDRESS_FAMILY));
        out.putInt(base + MAX_SOCK_ADDR.offset(), known(info.maxSockAddr(), MAX_SOCK_ADDR));
        out.putInt(base + MIN_SOCK_ADDR.offset(), known(info.minSockAddr(), MIN_SOCK_ADDR));
        out.putInt(base + SOCKET_TYPE.offset(), known(info.socketType(), SOCKET_TYPE));
        out.putInt(base + PROTOCOL.offset(), known(info.protocol(), PROTOCOL));
        out.putInt(base + PROTOCOL_MAX_OFFSET.offset(), known(info.protocolMaxOffset(), PROTOCOL_MAX_OFFSET));
        out.putInt(base + NETWORK_BYTE_ORDER.offset(), known(info.networkByteOrder(), NETWORK_BYTE_ORDER));
        out.putInt(base + SECURITY_SCHEME.offset(), known(info.securityScheme(), SECURITY_SCHEME));
        out.putInt(base + MESSAGE_SIZE.offset(), known(info.messageSize(), MESSAGE_SIZE));
        out.putInt(base + PROVIDER_RESERVED.offset(), known(info.providerReserved(), PROVIDER_RESERVED));
        encodeProtocolName(known(info.protocolName(), PROTOCOL_NAME), out, base + PROTOCOL_NAME.offset());
    }

    private static <T> T known(T value, WsaProtocolInfoLayout field) {
        if (value == null) {
            throw new IllegalArgumentException("cannot encode WSAPROTOCOL_INFOW: " + field.cName() + " is unknown");
        }
        return value;
    }

    /** UTF-16 code units up to the first NUL (all 256 when none), kept as they are, even unpaired surrogates. */
    private static String decodeProtocolName(ByteBuffer in, int at) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < WSAPROTOCOL_LEN_CHARS; i++) {
            char c = in.getChar(at + 2 * i);
            if (c == 0) {
                break;
            }
            name.append(c);
        }
        return name.toString();
    }

    private static void encodeProtocolName(String name, ByteBuffer out, int at) {
        if (name.length() > WSAPROTOCOL_LEN_CHARS || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("szProtocol must be at most " + WSAPROTOCOL_LEN_CHARS
                    + " UTF-16 units without NUL: \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            out.putChar(at + 2 * i, name.charAt(i));
        }
        if (name.length() < WSAPROTOCOL_LEN_CHARS) {
            out.putChar(at + 2 * name.length(), '\0');
        }
    }
}
