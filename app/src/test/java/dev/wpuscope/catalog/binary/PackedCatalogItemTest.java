package dev.wpuscope.catalog.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.source.CatalogReadException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PackedCatalogItemTest {

    static ProtocolInfo tcpChain() {
        return new ProtocolInfo(0x20066, 0, 0, 0, 0x8, UUID.fromString("e70f1aa0-ab8b-11cf-8ca3-00805f48a192"),
                1012, 2, List.of(1011, 1001, 0, 0, 0, 0, 0), 2, 2, 16, 16, 1, 6, 0, 0, 0, 0, 0,
                "ierd_tgp_lsp over [MSAFD Tcpip [TCP/IP]]");
    }

    @Test
    void fieldsAreContiguousAndFillTheStructure() {
        int next = 0;
        for (WsaProtocolInfoLayout field : WsaProtocolInfoLayout.values()) {
            assertEquals(next, field.offset(), field.cName());
            next += field.size();
        }
        assertEquals(WsaProtocolInfoLayout.SIZE, next);
        assertEquals(888, PackedCatalogItem.SIZE);
    }

    @Test
    void encodesAndDecodesEveryField() throws CatalogReadException {
        PackedCatalogItem item = new PackedCatalogItem("C:\\Program Files\\Tencent\\lsp.dll", tcpChain());
        byte[] bytes = item.encode();

        assertEquals(888, bytes.length);
        assertEquals('C', bytes[0]);
        assertEquals(0, bytes[item.providerPath().length()]);
        // GUID Data1 little-endian at 260 + 20
        assertEquals((byte) 0xa0, bytes[280]);
        assertEquals((byte) 0xe7, bytes[283]);
        // Data4 as stored
        assertEquals((byte) 0x8c, bytes[288]);
        PackedCatalogItem decoded = PackedCatalogItem.decode(bytes, "test");
        assertEquals(item, decoded);
        assertEquals(EntryType.CHAIN, decoded.info().entryType());
        assertArrayEquals(bytes, decoded.encode());
    }

    @Test
    void keepsUnpairedSurrogatesAndFullLengthFields() throws CatalogReadException {
        String name = "\ud800" + "x".repeat(255);
        ProtocolInfo info = withName(tcpChain(), name);
        PackedCatalogItem item = new PackedCatalogItem("p".repeat(260), info);
        byte[] bytes = item.encode();
        PackedCatalogItem decoded = PackedCatalogItem.decode(bytes, "test");
        assertEquals(name, decoded.info().protocolName());
        assertEquals(260, decoded.providerPath().length());
        assertArrayEquals(bytes, decoded.encode());
    }

    @Test
    void encodingOverTheOriginalKeepsStaleBytesAfterTerminators() throws CatalogReadException {
        byte[] original = new PackedCatalogItem("C:\\lsp.dll", withName(tcpChain(), "old long name")).encode();
        original[100] = 0x55;                      // stale byte in the path field after its NUL
        original[260 + 116 + 2 * 20] = 0x41;       // stale character after szProtocol's NUL
        PackedCatalogItem decoded = PackedCatalogItem.decode(original, "test");
        assertEquals("C:\\lsp.dll", decoded.providerPath());
        assertEquals("old long name", decoded.info().protocolName());
        assertArrayEquals(original, decoded.encodeOver(original));
        byte[] canonical = decoded.encode();
        assertEquals(0, canonical[100]);
        assertEquals(0, canonical[260 + 116 + 2 * 20]);

        byte[] renamed = new PackedCatalogItem("C:\\x.dll", withName(tcpChain(), "new")).encodeOver(original);
        assertEquals("new", PackedCatalogItem.decode(renamed, "test").info().protocolName());
        assertEquals("C:\\x.dll", PackedCatalogItem.decode(renamed, "test").providerPath());
        byte[] info = java.util.Arrays.copyOfRange(original, 260, 888);
        assertArrayEquals(info, WsaProtocolInfoCodec.encodeOver(WsaProtocolInfoCodec.decode(info, "t"), info));
    }

    @Test
    void rejectsWrongSizesNamingContextAndOffset() {
        CatalogReadException shortItem = assertThrows(CatalogReadException.class,
                () -> PackedCatalogItem.decode(new byte[10], "a.reg:7: [X\\000000000001] PackedCatalogItem"));
        assertEquals("a.reg:7: [X\\000000000001] PackedCatalogItem: byte offset 10 (0xa): PackedCatalogItem ends"
                + " after 10 bytes; it must be 888 bytes", shortItem.getMessage());
        CatalogReadException longInfo = assertThrows(CatalogReadException.class,
                () -> WsaProtocolInfoCodec.decode(new byte[700], "live"));
        assertEquals("live: byte offset 628 (0x274): WSAPROTOCOL_INFOW has 700 bytes; it must be 628 (extra bytes"
                + " start here)", longInfo.getMessage());
    }

    @Test
    void refusesToEncodeWhatCannotBeStored() {
        ProtocolInfo unknownFlags = new ProtocolInfo(null, null, null, null, null, null, 1, 1, List.of(0), 2, 2,
                16, 16, 1, 6, 0, 0, 0, 0, 0, "x");
        assertThrows(IllegalArgumentException.class, () -> WsaProtocolInfoCodec.encode(unknownFlags));
        assertThrows(IllegalArgumentException.class,
                () -> new PackedCatalogItem("\u4e2d.dll", tcpChain()).encode());
        assertThrows(IllegalArgumentException.class,
                () -> new PackedCatalogItem("p".repeat(261), tcpChain()).encode());
        assertThrows(IllegalArgumentException.class, () -> WsaProtocolInfoCodec.encode(withName(tcpChain(), "a\0b")));
    }

    static ProtocolInfo withName(ProtocolInfo i, String name) {
        return new ProtocolInfo(i.serviceFlags1(), i.serviceFlags2(), i.serviceFlags3(), i.serviceFlags4(),
                i.providerFlags(), i.providerId(), i.catalogEntryId(), i.chainLength(), i.chainEntries(),
                i.version(), i.addressFamily(), i.maxSockAddr(), i.minSockAddr(), i.socketType(), i.protocol(),
                i.protocolMaxOffset(), i.networkByteOrder(), i.securityScheme(), i.messageSize(),
                i.providerReserved(), name);
    }
}
