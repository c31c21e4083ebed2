package dev.wpuscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.binary.PackedCatalogItem;
import dev.wpuscope.catalog.snapshot.SnapshotJson;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.catalog.source.reg.SyntheticCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CatalogCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = WpuscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Each LSP names its product and the basis of the match, or says plainly that it is unknown. */
    @Test
    void layeredProvidersNameTheirProductOrSayTheyAreUnknown() {
        Run lavasoft = run("catalog", SharedSamples.file("netsh/moby-27423_lavasoft_part2.txt").toString());
        assertTrue(lavasoft.out.contains("Product        Lavasoft Web Companion (matched by GUID"
                + " {2B611370-2190-4059-9AF8-5BC0F58FB742})"), lavasoft.out);
        assertTrue(lavasoft.out.contains("LSP products (1)\n  64-bit  LavasoftLSP: Lavasoft Web Companion"), lavasoft.out);
        assertTrue(lavasoft.out.contains("Workaround     Uninstall Lavasoft Web Companion"), lavasoft.out);
        Run tencent = run("catalog", SharedSamples.file("reg/cingchun_bccc_winsock2.reg").toString());
        assertTrue(tencent.out.contains("64-bit  ierd_tgp_lsp64: not a product wpuscope knows"), tencent.out);
        assertTrue(tencent.out.contains("Product        not a product wpuscope knows"), tencent.out);
    }

    @Test
    void printsBothCatalogsAsTreesWithChainsResolvedToNames() {
        Path sample = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        Run run = run("catalog", sample.toString());
        assertEquals(0, run.exit, run.err);
        String out = run.out;
        int x64 = out.indexOf("64-bit catalog (Catalog_Entries64): 19 entries, in provider order");
        int x86 = out.indexOf("32-bit catalog (Catalog_Entries): 19 entries, in provider order");
        assertTrue(x64 > 0 && x86 > x64, out);
        assertTrue(out.contains("""
                  Layered providers (1)
                    #16 [1020] ierd_tgp_lsp64
                        Product        not a product wpuscope knows
                        DLL            C:\\Windows\\SysWOW64\\ierd_tgp_lsp64.dll
                """), out);
        assertTrue(out.contains("      Chains using it (3)\n        #17 [1021] ierd_tgp_lsp64 over [MSAFD Tcpip [TCP/IP]]\n"
                + "            Chain          ierd_tgp_lsp64 [1020] -> @%SystemRoot%\\System32\\mswsock.dll,-60100"
                + " [1007]\n"), out);
        assertTrue(out.contains("Socket         AF_INET6 (23), SOCK_STREAM (1), IPPROTO_TCP (6)"), out);
        assertTrue(out.contains("Service flags  0x00020066 XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER |"
                + " XP1_GRACEFUL_CLOSE | XP1_EXPEDITED_DATA | XP1_IFS_HANDLES"), out);
        assertTrue(out.contains("Provider flags 0x0000000c PFL_HIDDEN | PFL_MATCHES_PROTOCOL_ZERO"), out);
        assertTrue(out.contains("Provider GUID  {e70f1aa0-ab8b-11cf-8ca3-00805f48a192}"), out);
        assertTrue(out.contains("Namespace      NS_DNS (12)"), out);
        assertTrue(out.contains("E:\\yy\\YY.exe  [2AFB7932]\n      Permits        0x80000000 LSP_SYSTEM"), out);
        assertFalse(out.contains("Chains with no layered entry"), out);
    }

    @Test
    void printsTheVsockEntriesOfTheTemplateExport() {
        Run run = run("catalog", SharedSamples.file("reg/distrobuilder_viosock_extracted.reg").toString());
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("[1015] Virtio Vsock STREAM\n"), run.out);
        assertTrue(run.out.contains("Socket         40, SOCK_STREAM (1), 0"), run.out);
        assertTrue(run.out.contains("real provider order unknown"), run.out);
        assertTrue(run.out.contains("Warnings:\n  - "), run.out);
    }

    @Test
    void jsonOutputIsTheSnapshotAndReadsBackEqual() throws Exception {
        Path sample = SharedSamples.file("reg/cingchun_bccc_winsock2.reg");
        Run run = run("catalog", "--json", sample.toString());
        assertEquals(0, run.exit, run.err);
        Path saved = dir.resolve("saved.json");
        Files.writeString(saved, run.out);
        assertEquals(CatalogSources.read(sample), SnapshotJson.read(run.out.getBytes(StandardCharsets.UTF_8), "x"));
        Run again = run("catalog", saved.toString());
        assertEquals(0, again.exit, again.err);
        assertTrue(again.out.startsWith("Registry export (.reg): " + sample + "\n\n64-bit catalog"), again.out);
    }

    @Test
    void brokenChainsAndInvalidEntriesGetTheirOwnGroups() throws Exception {
        List<PackedCatalogItem> items = List.of(SyntheticCatalog.smallCatalog().get(0),
                new PackedCatalogItem("C:\\gone.dll", SyntheticCatalog.info(1004, 2, List.of(1003, 1001),
                        SyntheticCatalog.LSP, 2, 1, 6, "Gone over TCP")),
                new PackedCatalogItem("C:\\odd.dll", SyntheticCatalog.info(1005, 9, List.of(), SyntheticCatalog.LSP,
                        2, 1, 6, "Odd")));
        Path broken = dir.resolve("broken.reg");
        Files.write(broken, SyntheticCatalog.utf16(SyntheticCatalog.export(items)));
        Run run = run("catalog", broken.toString());
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("""
                  Layered providers (0)
                  Chains with no layered entry present (1)
                    #2 [1004] Gone over TCP
                        Chain          MISSING ENTRY [1003] -> MSAFD Tcpip [TCP/IP] [1001]
                """), run.out);
        assertTrue(run.out.contains("""
                  Entries with an invalid chain length (1)
                    #3 [1005] Odd
                        ChainLen       9 (valid: 0 to 7)
                """), run.out);
    }

    @Test
    void legacyExportGetsOneClearLine() {
        Path legacy = SharedSamples.file("reg/cingchun_bccc_winsock.reg");
        Run run = run("catalog", legacy.toString());
        assertEquals(UserErrorHandler.EXIT_BAD_INPUT, run.exit);
        assertTrue(run.err.startsWith("wpuscope: " + legacy + ": holds no Winsock 2 catalog: it is an export of the"
                + " legacy Winsock 1.1 key"), run.err);
        assertEquals(1, run.err.lines().count(), run.err);
        assertEquals("", run.out);
    }

    @Test
    void badInputIsOneLineWithFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.reg");
        Files.writeString(bad, "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\X]\n\"a\"=hex:00,zz\n");
        Run run = run("catalog", bad.toString());
        assertEquals(UserErrorHandler.EXIT_BAD_INPUT, run.exit);
        assertEquals("wpuscope: " + bad + ":4: bad hex byte \"zz\"\n", run.err.replace("\r\n", "\n"));

        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "hello");
        run = run("catalog", other.toString());
        assertEquals(UserErrorHandler.EXIT_BAD_INPUT, run.exit);
        assertTrue(run.err.startsWith("wpuscope: " + other + ": not a catalog file wpuscope knows (it reads: "),
                run.err);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void liveIsRefusedWithAHintOutsideWindows() {
        Run run = run("catalog", "--live");
        assertEquals(UserErrorHandler.EXIT_BAD_INPUT, run.exit);
        assertTrue(run.err.startsWith("wpuscope: --live reads the catalog of the Windows machine wpuscope runs on"),
                run.err);
        assertTrue(run.err.contains("reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\WinSock2"), run.err);
    }
}
