package dev.wpuscope.catalog.binary;

import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.nio.charset.StandardCharsets;

/**
 * The registry value {@code PackedCatalogItem}: a 260-byte (MAX_PATH) NUL-padded ANSI provider DLL path
 * followed by the 628-byte WSAPROTOCOL_INFOW, 888 bytes in all.
 *
 * <p>The machine's ANSI code page is not known offline, so the path bytes are mapped one to one to
 * characters U+0000..U+00FF (ISO-8859-1): ASCII paths read as they are and every path re-encodes byte for
 * byte. Decoding then {@link #encode() encoding} reproduces the original bytes exactly whenever the padding
 * after the path's and szProtocol's NUL terminators is zero, as Windows writes it.
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

    /** The 888 bytes; the path must be at most 260 characters in U+0001..U+00FF and every field known. */
    public byte[] encode() {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < providerPath.length(); i++) {
            char c = providerPath.charAt(i);
            if (c == 0 || c > 0xFF || i >= PATH_SIZE) {
                throw new IllegalArgumentException("provider path cannot be stored in a PackedCatalogItem"
                        + " (at most " + PATH_SIZE + " single-byte characters, no NUL): " + providerPath);
            }
            bytes[i] = (byte) c;
        }
        WsaProtocolInfoCodec.encodeAt(info, bytes, PATH_SIZE);
        return bytes;
    }
}
