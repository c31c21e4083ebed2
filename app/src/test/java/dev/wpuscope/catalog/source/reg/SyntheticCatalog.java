package dev.wpuscope.catalog.source.reg;

import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds registry export text the way regedit writes it, from entries encoded with the project's codec. */
public final class SyntheticCatalog {

    public static final String PARAMETERS = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WinSock2\\Parameters";
    public static final UUID MSAFD = UUID.fromString("e70f1aa0-ab8b-11cf-8ca3-00805f48a192");
    public static final UUID LSP = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private SyntheticCatalog() {
    }

    public static ProtocolInfo info(int id, int chainLength, List<Integer> chain, UUID guid, int family, int type,
            int protocol, String name) {
        Integer[] slots = {0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < chain.size(); i++) {
            slots[i] = chain.get(i);
        }
        return new ProtocolInfo(0x20066, 0, 0, 0, 8, guid, id, chainLength, List.of(slots), 2, family, 16, 16, type,
                protocol, 0, 0, 0, 0, 0, name);
    }

    /** TCP and UDP base providers, an LSP's layered entry and its two chains: ids 1001..1005. */
    public static List<PackedCatalogItem> smallCatalog() {
        String msafd = "%SystemRoot%\\system32\\mswsock.dll";
        String lsp = "C:\\Program Files\\Example\\lsp.dll";
        return List.of(
                new PackedCatalogItem(msafd, info(1001, 1, List.of(), MSAFD, 2, 1, 6, "MSAFD Tcpip [TCP/IP]")),
                new PackedCatalogItem(msafd, info(1002, 1, List.of(), MSAFD, 2, 2, 17, "MSAFD Tcpip [UDP/IP]")),
                new PackedCatalogItem(lsp, info(1003, 0, List.of(), LSP, 2, 1, 6, "Example LSP")),
                new PackedCatalogItem(lsp, info(1004, 2, List.of(1003, 1001), LSP, 2, 1, 6, "Example over TCP")),
                new PackedCatalogItem(lsp, info(1005, 2, List.of(1003, 1002), LSP, 2, 2, 17, "Example over UDP")));
    }

    /**
     * A large catalog of {@code entries} entries: 8 base providers (TCP, UDP, RAW over IPv4 and IPv6, and two
     * more), then LSPs of one layered entry and four chains each (over the first four bases), until full.
     */
    public static List<PackedCatalogItem> large(int entries) {
        String msafd = "%SystemRoot%\\system32\\mswsock.dll";
        int[][] bases = {{2, 1, 6}, {2, 2, 17}, {2, 3, 0}, {23, 1, 6}, {23, 2, 17}, {23, 3, 0}, {26, 1, 1}, {32, 1, 3}};
        List<PackedCatalogItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < bases.length && items.size() < entries; i++) {
            items.add(new PackedCatalogItem(msafd, info(1001 + i, 1, List.of(), MSAFD, bases[i][0], bases[i][1],
                    bases[i][2], "Base " + i)));
        }
        for (int lsp = 0; items.size() < entries; lsp++) {
            int layeredId = 2000 + 5 * lsp;
            UUID guid = new UUID(0x1111_0000L + lsp, 0x5555L);
            String dll = "C:\\Program Files\\Vendor" + lsp + "\\lsp.dll";
            items.add(new PackedCatalogItem(dll, info(layeredId, 0, List.of(), guid, 2, 1, 6, "LSP " + lsp)));
            for (int c = 0; c < 4 && items.size() < entries; c++) {
                int[] base = bases[c];
                items.add(new PackedCatalogItem(dll, info(layeredId + 1 + c, 2, List.of(layeredId, 1001 + c), guid,
                        base[0], base[1], base[2], "LSP " + lsp + " over Base " + c)));
            }
        }
        return items;
    }

    /** One {@code [key]} block holding a catalog entry, subkey named {@code %012u} of {@code index}. */
    public static String entryKey(String parameters, String catalogKey, long index, PackedCatalogItem item) {
        return "[" + parameters + "\\Protocol_Catalog9\\" + catalogKey + "\\" + String.format("%012d", index) + "]\r\n"
                + hexValue("PackedCatalogItem", "hex:", item.encode())
                + "\"ProtocolName\"=\"" + item.info().protocolName() + "\"\r\n\r\n";
    }

    /** A full version 5 export of {@code items} in both catalogs. */
    public static String export(List<PackedCatalogItem> items) {
        StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n");
        text.append("[").append(PARAMETERS).append("\\Protocol_Catalog9]\r\n");
        for (String catalogKey : List.of("Catalog_Entries", "Catalog_Entries64")) {
            text.append("[").append(PARAMETERS).append("\\Protocol_Catalog9\\").append(catalogKey).append("]\r\n\r\n");
            for (int i = 0; i < items.size(); i++) {
                text.append(entryKey(PARAMETERS, catalogKey, i + 1, items.get(i)));
            }
        }
        return text.toString();
    }

    /** {@code "name"=hex:..} wrapped like regedit: lines end in ",\" and continue indented by two spaces. */
    public static String hexValue(String name, String prefix, byte[] data) {
        StringBuilder line = new StringBuilder("\"" + name + "\"=" + prefix);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            String item = String.format("%02x", data[i] & 0xFF) + (i + 1 < data.length ? "," : "");
            if (line.length() + item.length() > 79) {
                out.append(line).append("\\\r\n");
                line = new StringBuilder("  ");
            }
            line.append(item);
        }
        return out.append(line).append("\r\n").toString();
    }

    /** Text as regedit version 5 saves it: UTF-16LE with a byte order mark. */
    public static byte[] utf16(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }
}
