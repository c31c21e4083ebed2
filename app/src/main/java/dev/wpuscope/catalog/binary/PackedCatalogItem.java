package dev.wpuscope.catalog.binary;

import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.charset.StandardCharsets;

/**
 * The registry value {@code PackedCatalogItem}: a 260-byte (MAX_PATH) NUL-padded ANSI provider DLL path
 * followed by the 628-byte WSAPROTOCOL_INFOW, 888 bytes in all.
 *
 * <p>The machine's ANSI code page is not known offline, so the path bytes are mapped one to one to
 * characters U+0000..U+00FF (ISO-8859-1): ASCII paths read as they are and every path re-encodes byte for
 * byte. Bytes after the path's and szProtocol's NUL terminators belong to no field; real catalogs do keep
 * stale bytes there. {@link #encode()} writes them as zeros, {@link #encodeOver(byte[])} keeps the original
 * ones, so decoding then encoding over the same bytes reproduces them exactly.
 *
 * @param providerPath the DLL path as stored (unexpanded, e.g. {@code %SystemRoot%\system32\mswsock.dll})
 */
public record PackedCatalogItem(String providerPath, ProtocolInfo info) {

    /** MAX_PATH: bytes of the path field. */
    public static final int PATH_SIZE = 260;
    public static final int SIZE = PATH_SIZE + WsaProtocolInfoLayout.SIZE;

    /**
     * @param context where the bytes came from, for messages (file, line, key, value name)
     */
    public static PackedCatalogItem decode(byte[] bytes, String context) throws CatalogReadException {
        BlobSize.require(bytes, SIZE, "PackedCatalogItem", context);
        int pathLength = 0;
        while (pathLength < PATH_SIZE && bytes[pathLength] != 0) {
            pathLength++;
        }
        String path = new String(bytes, 0, pathLength, StandardCharsets.ISO_8859_1);
        return new PackedCatalogItem(path, WsaProtocolInfoCodec.decodeAt(bytes, PATH_SIZE));
    }

    /** The bytes of a catalog entry: over its original PackedCatalogItem when it has one, else canonical. */
    public static byte[] encode(CatalogEntry entry) {
        PackedCatalogItem item = new PackedCatalogItem(entry.providerPath(), entry.info());
        return entry.packedItem() == null ? item.encode() : item.encodeOver(entry.packedItem().toArray());
    }

    /** The 888 bytes with zero padding; the path must be at most 260 characters in U+0001..U+00FF and every
     * field known. */
    public byte[] encode() {
        return encodeOver(new byte[SIZE]);
    }

    /** The fields written over a copy of {@code original} (888 bytes), keeping the bytes no field covers. */
    public byte[] encodeOver(byte[] original) {
        if (original.length != SIZE) {
            throw new IllegalArgumentException("original PackedCatalogItem has " + original.length + " bytes, not "
                    + SIZE);
        }
        if (providerPath == null) {
            throw new IllegalArgumentException("cannot encode a PackedCatalogItem: the provider path is unknown");
        }
        byte[] bytes = original.clone();
        for (int i = 0; i < providerPath.length(); i++) {
            char c = providerPath.charAt(i);
            if (c == 0 || c > 0xFF || i >= PATH_SIZE) {
                throw new IllegalArgumentException("provider path cannot be stored in a PackedCatalogItem"
                        + " (at most " + PATH_SIZE + " single-byte characters, no NUL): " + providerPath);
            }
            bytes[i] = (byte) c;
        }
        if (providerPath.length() < PATH_SIZE) {
            bytes[providerPath.length()] = 0;
        }
        WsaProtocolInfoCodec.encodeAt(info, bytes, PATH_SIZE);
        return bytes;
    }
}
