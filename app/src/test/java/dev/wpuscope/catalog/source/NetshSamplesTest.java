package dev.wpuscope.catalog.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.Catalog;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.model.EntryType;
import dev.wpuscope.catalog.model.ProtocolInfo;
import dev.wpuscope.catalog.model.SourceKind;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real netsh dumps of ../shared/samples/netsh (third-party excerpts, most cut mid-block at both ends). */
class NetshSamplesTest {
    private static final UUID MSAFD_TCPIP = UUID.fromString("E70F1AA0-AB8B-11CF-8CA3-00805F48A192");
    private static final UUID MSAFD_TCPIP6 = UUID.fromString("F9EAB0C0-26D4-11D0-BBBF-00AA006C34E4");
    private static final UUID RSVP = UUID.fromString("9D60A9E0-337A-11D0-BD88-0000C082E69A");
    private static final String MSWSOCK = "%SystemRoot%\\system32\\mswsock.dll";
    private static final String LAVASOFT_DLL = "C:\\WINDOWS\\system32\\LavasoftTcpService64.dll";

    private final NetshCatalogFormat format = new NetshCatalogFormat();

    @Test
    void everySampleIsRecognizedAndReadWithoutInventedFlags() throws Exception {
        List<Path> dumps = SharedSamples.all("netsh");
        assertEquals(8, dumps.size(), "sample files");
        for (Path dump : dumps) {
            assertTrue(format.recognizes(head(dump)), dump + " recognized");
            CatalogSnapshot snapshot = format.read(dump);
            assertEquals(SourceKind.NETSH, snapshot.kind());
            assertFalse(snapshot.limitations().isEmpty());
            for (Catalog catalog : snapshot.catalogs().values()) {
                assertFalse(catalog.orderKnown(), dump + ": an excerpt's order is not the whole provider order");
                for (CatalogEntry entry : catalog.entries()) {
                    ProtocolInfo info = entry.info();
                    assertNull(info.providerFlags(), "netsh prints no provider flags");
                    assertNull(info.serviceFlags2());
                    assertNull(info.messageSize());
                    assertNull(entry.packedItem());
                }
            }
        }
    }

    @Test
    void everySampleRoundTripsThroughASnapshotFileWithItsUnknownFieldsStillUnknown() throws Exception {
        for (Path dump : SharedSamples.all("netsh")) {
            CatalogSnapshot snapshot = format.read(dump);
            assertEquals(snapshot, SnapshotJson.read(SnapshotJson.write(snapshot), "snapshot.json"), dump.toString());
        }
    }

    @Test
    void lavasoftPart1HasTheTcpChainOverTheLspAndACutUdpChain() throws Exception {
        CatalogSnapshot snapshot = read("moby-27423_lavasoft_part1.txt");
        assertEquals(List.of(Bitness.X64), List.copyOf(snapshot.catalogs().keySet()));
        List<CatalogEntry> entries = entries(snapshot, Bitness.X64, 2);

        CatalogEntry tcpChain = entries.get(0);
        assertInfo(tcpChain, 1032, "1C39A736-9641-4F43-9C20-AEED81692A07", LAVASOFT_DLL,
                "LavasoftLSP over [MSAFD Tcpip [TCP/IP]]", 2, 16, 1, 6, 0x66, EntryType.CHAIN);
        assertEquals(2, tcpChain.info().chainLength());
        assertEquals(List.of(1031, 1006), tcpChain.info().chain());
        assertEquals("line 6", tcpChain.origin());

        CatalogEntry cutUdpChain = entries.get(1);
        assertEquals("LavasoftLSP over [MSAFD Tcpip [UDP/IP]]", cutUdpChain.info().protocolName());
        assertNull(cutUdpChain.id());
        assertNull(cutUdpChain.info().providerId(), "the cut 'Provider ID:' line gives no value");
        assertNull(cutUdpChain.info().chainLength(), "a chain's length is not in its Entry Type text");
        assertWarningLines(snapshot, 24, 28);
    }

    @Test
    void lavasoftPart2HasTheLayeredEntryThatPart1sChainNames() throws Exception {
        CatalogSnapshot part1 = read("moby-27423_lavasoft_part1.txt");
        CatalogSnapshot part2 = read("moby-27423_lavasoft_part2.txt");
        List<CatalogEntry> entries = entries(part2, Bitness.X64, 2);

        assertInfo(entries.get(0), 1013, "9FC48064-7298-43E4-B7BD-181F2089792A", MSWSOCK, "MSAFD RfComm [Bluetooth]",
                32, 30, 1, 3, 0x20026, EntryType.BASE);

        CatalogEntry layered = entries.get(1);
        assertEquals(1031, layered.id());
        assertEquals(EntryType.LAYERED, layered.info().entryType(), "from 'Layered Service Provider'");
        assertEquals(UUID.fromString("2B611370-2190-4059-9AF8-5BC0F58FB742"), layered.info().providerId());
        assertEquals(LAVASOFT_DLL, layered.providerPath());
        assertNull(layered.info().version(), "the cut 'Version:' line");
        assertNull(layered.info().addressFamily());

        CatalogEntry tcpChain = part1.catalog(Bitness.X64).orElseThrow().byId(1032).orElseThrow();
        assertEquals(layered.id(), tcpChain.info().chain().get(0), "the chain starts at the LSP's layered entry");
        assertEquals(layered.providerPath(), tcpChain.providerPath());
        assertWarningLines(part2, 1, 1, 23, 30);
        assertTrue(part2.warnings().get(1).contains("lines 1-5 is skipped"), part2.warnings().get(1));
    }

    @Test
    void lavasoftPart3HasTheRsvpEntries() throws Exception {
        CatalogSnapshot snapshot = read("moby-27423_lavasoft_part3_rsvp.txt");
        List<CatalogEntry> entries = entries(snapshot, Bitness.X64, 2);
        assertInfo(entries.get(0), 1003, RSVP.toString(), MSWSOCK, "RSVP TCP Service Provider", 2, 16, 1, 6, 0x22066,
                EntryType.BASE);
        CatalogEntry udp6 = entries.get(1);
        assertEquals(1004, udp6.id());
        assertEquals(RSVP, udp6.info().providerId());
        assertEquals("RSVP UDPv6 Service Provider", udp6.info().protocolName());
        assertEquals(2, udp6.info().version());
        assertNull(udp6.info().addressFamily(), "cut 'Address Family:' line");
        assertEquals(EntryType.BASE, udp6.info().entryType(), "from 'Base Service Provider'");
        assertWarningLines(snapshot, 1, 1, 22, 30);
    }

    @Test
    void lavasoftPart4HasWow64EntriesInThe32BitCatalog() throws Exception {
        CatalogSnapshot snapshot = read("moby-27423_lavasoft_part4_wow64.txt");
        assertEquals(List.of(Bitness.X86), List.copyOf(snapshot.catalogs().keySet()));
        List<CatalogEntry> entries = entries(snapshot, Bitness.X86, 2);
        assertInfo(entries.get(0), 1005, RSVP.toString(), MSWSOCK, "RSVP UDP Service Provider", 2, 16, 2, 17, 0x22609,
                EntryType.BASE);
        CatalogEntry irda = entries.get(1);
        assertEquals(1012, irda.id());
        assertEquals("MSAFD Irda [IrDA]", irda.info().protocolName());
        assertEquals(26, irda.info().addressFamily());
        assertNull(irda.info().maxSockAddr());
        assertWarningLines(snapshot, 1, 1, 21, 30);
    }

    @Test
    void trioPart1HasHyperVRawAndSkipsTheFragmentWhoseCatalogIsUnknown() throws Exception {
        CatalogSnapshot snapshot = read("trio-52_win10_hyperv_part1.txt");
        assertEquals(List.of(Bitness.X86), List.copyOf(snapshot.catalogs().keySet()));
        List<CatalogEntry> entries = entries(snapshot, Bitness.X86, 1);
        assertInfo(entries.get(0), 1001, "1234191B-4BF7-4CA7-86E0-DFD7C32B5445", MSWSOCK, "Hyper-V RAW", 34, 36, 1, 1,
                0x20026, EntryType.BASE);
        assertWarningLines(snapshot, 1, 1, 29, 31);
        assertTrue(snapshot.warnings().get(1).contains("(catalog id 1020) is skipped"), snapshot.warnings().get(1));
        assertTrue(snapshot.warnings().get(3).contains("'Entry Type: Base Service'"), "cut value not decoded");
    }

    @Test
    void trioPart2StartsAtTheDashesLineAndDropsTheCutServiceFlags() throws Exception {
        CatalogSnapshot snapshot = read("trio-52_win10_hyperv_part2.txt");
        List<CatalogEntry> entries = entries(snapshot, Bitness.X64, 2);
        assertInfo(entries.get(0), 1008, MSAFD_TCPIP.toString(), MSWSOCK, "MSAFD Tcpip [RAW/IP]", 2, 16, 3, 0, 0x20609,
                EntryType.BASE);
        CatalogEntry tcp6 = entries.get(1);
        assertEquals(1009, tcp6.id());
        assertEquals(MSAFD_TCPIP6, tcp6.info().providerId());
        assertEquals(23, tcp6.info().addressFamily());
        assertEquals(6, tcp6.info().protocol());
        assertNull(tcp6.info().serviceFlags1(), "'0x2006' ends the dump and may be a cut-off 0x20066");
        assertWarningLines(snapshot, 16, 29);
    }

    @Test
    void wslPart1EndsInsideALabel() throws Exception {
        CatalogSnapshot snapshot = read("wsl-40110_win11_reset_part1.txt");
        List<CatalogEntry> entries = entries(snapshot, Bitness.X64, 2);
        assertInfo(entries.get(0), 1001, MSAFD_TCPIP6.toString(), MSWSOCK, "MSAFD Tcpip [TCP/IPv6]", 23, 28, 1, 6,
                0x20066, EntryType.BASE);
        assertEquals("MSAFD Tcpip [UDP/IPv6]", entries.get(1).info().protocolName(), "complete line before the cut");
        assertNull(entries.get(1).id());
        assertWarningLines(snapshot, 17, 21);
    }

    @Test
    void wslPart2HasAfUnixInThe32BitCatalog() throws Exception {
        CatalogSnapshot snapshot = read("wsl-40110_win11_reset_part2_afunix.txt");
        List<CatalogEntry> entries = entries(snapshot, Bitness.X86, 2);
        assertInfo(entries.get(0), 1011, RSVP.toString(), MSWSOCK, "RSVP UDP Service Provider", 2, 16, 2, 17, 0x22609,
                EntryType.BASE);
        CatalogEntry afUnix = entries.get(1);
        assertEquals(1012, afUnix.id());
        assertEquals("AF_UNIX", afUnix.info().protocolName());
        assertEquals(UUID.fromString("A00943D9-9C2E-4633-9B59-0057A3160994"), afUnix.info().providerId());
        assertEquals(1, afUnix.info().addressFamily());
        assertEquals(110, afUnix.info().maxSockAddr());
        assertEquals(2, afUnix.info().minSockAddr());
        assertNull(afUnix.info().protocol(), "cut 'Protocol:' line");
        assertWarningLines(snapshot, 17, 29);
    }

    private static void assertInfo(CatalogEntry entry, int id, String guid, String path, String description,
                                   int family, int addressLength, int socketType, int protocol, int flags,
                                   EntryType type) {
        ProtocolInfo info = entry.info();
        assertEquals(id, entry.id());
        assertEquals(UUID.fromString(guid), info.providerId());
        assertEquals(path, entry.providerPath());
        assertEquals(description, info.protocolName());
        assertEquals(2, info.version());
        assertEquals(family, info.addressFamily());
        assertEquals(addressLength, info.maxSockAddr());
        assertEquals(addressLength, info.minSockAddr());
        assertEquals(socketType, info.socketType());
        assertEquals(protocol, info.protocol());
        assertEquals(flags, info.serviceFlags1());
        assertEquals(type, info.entryType());
    }

    /** The warnings, in order, are at exactly these lines (each names the file). */
    private static void assertWarningLines(CatalogSnapshot snapshot, int... lines) {
        int[] actual = snapshot.warnings().stream().mapToInt(w -> {
            assertTrue(w.startsWith(snapshot.location() + ":"), w);
            String rest = w.substring(snapshot.location().length() + 1);
            return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
        }).toArray();
        assertEquals(Arrays.toString(lines), Arrays.toString(actual), String.join("\n", snapshot.warnings()));
    }

    private CatalogSnapshot read(String name) throws CatalogReadException {
        return format.read(SharedSamples.file("netsh/" + name));
    }

    private static List<CatalogEntry> entries(CatalogSnapshot snapshot, Bitness bitness, int count) {
        List<CatalogEntry> entries = snapshot.catalog(bitness).orElseThrow().entries();
        assertEquals(count, entries.size(), snapshot.location() + " " + bitness);
        return entries;
    }

    private static byte[] head(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOf(all, Math.min(all.length, 4096));
    }
}
