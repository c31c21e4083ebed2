package dev.wpuscope.catalog;

import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.NamespaceProvider;
import dev.wpuscope.catalog.model.ProtocolInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Readable names for catalog entries and their address family / socket type / protocol, for messages.
 * Windows 10 stores many names as MUI references ({@code @%SystemRoot%\System32\mswsock.dll,-60100});
 * those are shown with the protocol they describe so that a reader without the DLL still knows the entry.
 */
public final class EntryLabels {

    private static final Map<Integer, String> FAMILIES = Map.of(
            1, "AF_UNIX", 2, "IPv4", 23, "IPv6", 26, "IrDA", 32, "Bluetooth", 34, "Hyper-V", 40, "vsock");
    private static final Map<Integer, String> SOCKET_TYPES = Map.of(
            1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW", 4, "SOCK_RDM", 5, "SOCK_SEQPACKET");

    private EntryLabels() {
    }

    /** The entry's name; an MUI reference is followed by the protocol, e.g. "[TCP/IPv4] (mswsock.dll,-60100)". */
    public static String name(CatalogEntry entry) {
        String name = entry.displayName();
        if (!name.startsWith("@")) {
            return name;
        }
        return "[" + protocol(entry.info()) + "] (" + fileName(name.substring(1)) + ")";
    }

    /** The namespace provider's display string, or its DLL when the string is an MUI reference. */
    public static String name(NamespaceProvider provider) {
        String name = provider.displayString();
        if (name == null || name.isEmpty()) {
            return provider.libraryPath() == null ? String.valueOf(provider.providerId()) : fileName(provider.libraryPath());
        }
        return name.startsWith("@") ? fileName(name.substring(1)) : name;
    }

    /** "TCP/IPv4", "UDP/IPv6", "SOCK_RAW/IPv4", "SOCK_STREAM/AF_UNIX", with numbers for unknown values. */
    public static String protocol(ProtocolInfo info) {
        String family = family(info.addressFamily());
        Integer type = info.socketType();
        Integer proto = info.protocol();
        if (Integer.valueOf(1).equals(type) && Integer.valueOf(6).equals(proto)) {
            return "TCP/" + family;
        }
        if (Integer.valueOf(2).equals(type) && Integer.valueOf(17).equals(proto)) {
            return "UDP/" + family;
        }
        return socketType(type) + "/" + family;
    }

    public static String family(Integer addressFamily) {
        return addressFamily == null ? "unknown family" : FAMILIES.getOrDefault(addressFamily, "AF " + addressFamily);
    }

    public static String socketType(Integer socketType) {
        return socketType == null ? "unknown type" : SOCKET_TYPES.getOrDefault(socketType, "type " + socketType);
    }

    /** Names of several entries, comma separated. */
    public static String names(List<CatalogEntry> entries) {
        return entries.stream().map(EntryLabels::name).collect(Collectors.joining(", "));
    }

    /** Protocols of several entries ("TCP/IPv4, UDP/IPv4"), each once, comma separated. */
    public static String protocols(List<CatalogEntry> entries) {
        return entries.stream().map(e -> protocol(e.info())).distinct().collect(Collectors.joining(", "));
    }

    /** The last path component of a Windows path (either slash). */
    public static String fileName(String windowsPath) {
        int cut = Math.max(windowsPath.lastIndexOf('\\'), windowsPath.lastIndexOf('/'));
        return windowsPath.substring(cut + 1);
    }
}
