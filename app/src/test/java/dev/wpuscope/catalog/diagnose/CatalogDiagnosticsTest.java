package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.LspCategory;
import static dev.wpuscope.catalog.CatalogFixtures.AF_INET;
import static dev.wpuscope.catalog.CatalogFixtures.MSAFD_TCPIP;
import static dev.wpuscope.catalog.CatalogFixtures.SOCK_DGRAM;
import static dev.wpuscope.catalog.CatalogFixtures.SOCK_STREAM;
import static dev.wpuscope.catalog.CatalogFixtures.guid;
import static dev.wpuscope.catalog.CatalogFixtures.snapshot;
import static dev.wpuscope.catalog.CatalogFixtures.windows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.CatalogFixtures.Lsp;
import dev.wpuscope.catalog.CatalogFixtures.SnapshotBuilder;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogEntry;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One synthetic catalog per rule that triggers it, and one close to it that must not. */
class CatalogDiagnosticsTest {

    static final ProviderFileCheck OFFLINE = ProviderFileCheck.unavailable("read from a file");
    static final String GOOD_DLL = "C:\\Program Files\\Good\\good.dll";
    static final String BAD_DLL = "C:\\Program Files\\Bad\\bad.dll";

    static Diagnosis diagnose(CatalogSnapshot snapshot) {
        return CatalogDiagnostics.standard().diagnose(snapshot, OFFLINE);
    }

    static List<Finding> findings(String rule, SnapshotBuilder snapshot) {
        return diagnose(snapshot.build()).ofRule(rule);
    }

    static List<Finding> findings(String rule, CatalogBuilder... catalogs) {
        return findings(rule, snapshot(catalogs));
    }

    /** Both catalogs with an IFS LSP over all six IP providers: the healthy reference. */
    static SnapshotBuilder healthy() {
        CatalogBuilder x64 = windows(Bitness.X64);
        x64.lsp("Good LSP", GOOD_DLL, true, x64.entries().toArray(CatalogEntry[]::new));
        CatalogBuilder x86 = windows(Bitness.X86);
        x86.lsp("Good LSP", GOOD_DLL, true, x86.entries().toArray(CatalogEntry[]::new));
        return snapshot(x64, x86);
    }

    static Set<Integer> ids(Finding f) {
        return Set.copyOf(f.entries().stream().map(EntryRef::catalogEntryId).toList());
    }

    @Test
    void healthyCatalogHasNoFindingAboveInfo() {
        Diagnosis d = diagnose(healthy().build());
        assertEquals(List.of(), d.findings().stream().filter(f -> f.severity() != Severity.INFO).toList());
    }

    @Test
    void everyRuleHasAUniqueIdAndASummary() {
        List<Rule> rules = CatalogDiagnostics.standard().rules();
        assertEquals(22, rules.size());
        assertEquals(rules.size(), rules.stream().map(Rule::id).distinct().count());
        rules.forEach(r -> assertTrue(r.id().matches("WPS\\d{3}") && !r.summary().isBlank(), r.id()));
    }

    @Nested
    class MissingEntries {
        @Test
        void chainNamingMissingBaseIsAnError() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("L", GOOD_DLL, true, c.get(1001));
            c.remove(1001);
            List<Finding> f = findings("WPS001", c);
            assertEquals(1, f.size());
            assertEquals(Severity.ERROR, f.get(0).severity());
            assertTrue(ids(f.get(0)).containsAll(Set.of(lsp.chains().get(0).id(), 1001)));
            assertTrue(f.get(0).title().contains("#1001"), f.get(0).title());
        }

        @Test
        void missingLinkInIncompleteCatalogIsNotConcluded() {
            CatalogBuilder c = windows(Bitness.X64);
            c.lsp("L", GOOD_DLL, true, c.get(1001));
            c.remove(1001).excerpt();
            assertEquals(List.of(), findings("WPS001", c));
            assertEquals(1, findings("WPS000", c).size());
        }

        @Test
        void chainsWhoseLayeredEntryIsGoneAreOrphaned() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("Gone LSP", GOOD_DLL, true, c.get(1001), c.get(1002));
            c.remove(lsp.layered().id());
            List<Finding> f = findings("WPS002", c);
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().startsWith("2 chain(s) of Gone LSP"), f.get(0).title());
            assertEquals(List.of(), findings("WPS001", c), "the missing first link is reported once, by WPS002");
            assertEquals(List.of(), findings("WPS002", healthy()));
        }

        @Test
        void layeredEntryWithoutChainsIsUnused() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("Half LSP", GOOD_DLL, true, c.get(1001));
            c.remove(lsp.chains().get(0).id());
            List<Finding> f = findings("WPS003", c);
            assertEquals(1, f.size());
            assertEquals(Set.of(lsp.layered().id()), ids(f.get(0)));
            assertEquals(List.of(), findings("WPS003", healthy()));
            assertEquals(List.of(), findings("WPS003", c.excerpt()));
        }
    }

    @Nested
    class ChainStructure {
        @Test
        void chainLengthOutOfRange() {
            CatalogBuilder c = windows(Bitness.X64);
            c.edit(1001, i -> i.chain(8, 1, 2, 3, 4, 5, 6, 7));
            c.edit(1002, i -> i.chain(-1));
            assertEquals(2, findings("WPS004", c).size());
            assertEquals(List.of(), findings("WPS004", healthy()));
        }

        @Test
        void chainWhoseFirstLinkIsABaseAndLastLinkALayeredEntry() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("L", GOOD_DLL, true, c.get(1001));
            int chain = lsp.chains().get(0).id();
            c.edit(chain, i -> i.chain(2, 1002, lsp.layered().id()));
            List<Finding> f = findings("WPS005", c);
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().contains("link 1 (#1002"), f.get(0).title());
            assertTrue(f.get(0).title().contains("link 2 (#" + lsp.layered().id()), f.get(0).title());
            assertEquals(List.of(), findings("WPS005", healthy()));
        }
    }

    @Nested
    class Files {
        @Test
        void offlineSaysOnceThatFilesAreNotCheckable() {
            List<Finding> f = findings("WPS006", healthy());
            assertEquals(1, f.size());
            assertEquals(Severity.INFO, f.get(0).severity());
            assertTrue(f.get(0).title().contains("read from a file"));
        }

        @Test
        void liveReportsMissingProviderAndNamespaceDllsPerPath() {
            ProviderFileCheck live = new FakeLiveFiles(p -> !p.equals(BAD_DLL) && !p.endsWith("gone.dll"));
            CatalogBuilder c = windows(Bitness.X64);
            c.lsp("Bad LSP", BAD_DLL, true, c.get(1001), c.get(1002));
            CatalogSnapshot s = snapshot(c).namespace(Bitness.X64, "Gone NSP", "%SystemRoot%\\gone.dll", true)
                    .namespace(Bitness.X64, "Fine NSP", "%SystemRoot%\\system32\\fine.dll", true).build();
            Diagnosis d = CatalogDiagnostics.standard().diagnose(s, live);
            assertEquals(1, d.ofRule("WPS006").size(), "one finding per missing DLL, not per entry");
            assertEquals(3, d.ofRule("WPS006").get(0).entries().size());
            assertEquals(Severity.ERROR, d.ofRule("WPS006").get(0).severity());
            assertEquals(1, d.ofRule("WPS018").size());
            assertTrue(d.ofRule("WPS018").get(0).title().contains("C:\\Windows\\gone.dll"));
            assertEquals(List.of(), diagnose(s).ofRule("WPS018"), "offline: only the one WPS006 note");
        }
    }

    @Nested
    class Ifs {
        @Test
        void nonIfsLspIsReportedOncePerLspWithItsChains() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("Old LSP", BAD_DLL, false, c.get(1001), c.get(1002), c.get(1003));
            List<Finding> f = findings("WPS007", c);
            assertEquals(1, f.size());
            assertEquals(4, f.get(0).entries().size());
            assertTrue(f.get(0).title().contains("Old LSP") && f.get(0).title().contains("TCP/IPv4, UDP/IPv4"));
            assertTrue(f.get(0).explanation().contains("SetFileCompletionNotificationModes"));
            assertTrue(f.get(0).explanation().contains("CancelIo"));
            assertTrue(ids(f.get(0)).contains(lsp.layered().id()));
            assertEquals(List.of(), findings("WPS007", healthy()));
        }

        @Test
        void unknownFlagsOrNonIfsBaseAreNotBlamedOnTheLsp() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("Old LSP", BAD_DLL, false, c.get(1001), c.get(1002));
            c.edit(lsp.chains().get(0).id(), i -> {
                i.flags1 = null;
                return i;
            });
            c.edit(1002, i -> {
                i.flags1 = 0x609;
                return i;
            });
            assertEquals(List.of(), findings("WPS007", c));
        }

        @Test
        void ifsLayerAboveNonIfsLayer() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lower = c.lsp("Lower non-IFS", BAD_DLL, false, c.get(1001));
            Lsp upper = c.lsp("Upper IFS", GOOD_DLL, true, lower.chains().get(0));
            List<Finding> f = findings("WPS008", c);
            assertEquals(1, f.size());
            assertTrue(ids(f.get(0)).containsAll(Set.of(upper.layered().id(), lower.layered().id())));
            List<Finding> nonIfs = findings("WPS007", c);
            assertEquals(1, nonIfs.size(), "only the lower LSP is blamed for non-IFS handles");
            assertTrue(nonIfs.get(0).title().startsWith("Lower non-IFS"), nonIfs.get(0).title());

            CatalogBuilder ok = windows(Bitness.X64);
            Lsp ifsBelow = ok.lsp("Lower IFS", GOOD_DLL, true, ok.get(1001));
            ok.lsp("Upper non-IFS", BAD_DLL, false, ifsBelow.chains().get(0));
            assertEquals(List.of(), findings("WPS008", ok));
        }
    }

    @Nested
    class Coverage {
        @Test
        void lspOverTcpButNotUdp() {
            CatalogBuilder c = windows(Bitness.X64);
            c.lsp("Tcp only", GOOD_DLL, true, c.get(1001), c.get(1004));
            List<Finding> f = findings("WPS009", c);
            assertEquals(2, f.size(), "IPv4 and IPv6 each miss UDP and RAW");
            assertTrue(f.get(0).title().contains("covers TCP/IPv4 but not UDP/IPv4, SOCK_RAW/IPv4"), f.get(0).title());
            assertEquals(List.of(), findings("WPS009", healthy()));
        }

        @Test
        void secondProviderOfACoveredProtocolDoesNotCount() {
            CatalogBuilder c = windows(Bitness.X64);
            c.base("RSVP TCP Service Provider", guid("rsvp"), AF_INET,
                    SOCK_STREAM, 6, 0x22066);
            c.lsp("Full v4", GOOD_DLL, true, c.get(1001), c.get(1002), c.get(1003));
            assertEquals(List.of(), findings("WPS009", c));
            List<Finding> v6 = findings("WPS010", c);
            assertEquals(1, v6.size());
            assertEquals(Severity.INFO, v6.get(0).severity());
            assertTrue(v6.get(0).title().contains("IPv4 only, not IPv6"));
            assertEquals(List.of(), findings("WPS010", healthy()));
        }

        @Test
        void lspInOneCatalogOnly() {
            CatalogBuilder x64 = windows(Bitness.X64);
            x64.lsp("Lonely", GOOD_DLL, true, x64.get(1001));
            List<Finding> f = findings("WPS011", x64, windows(Bitness.X86));
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().contains("64-bit catalog only"));
            assertEquals(List.of(), findings("WPS011", x64), "no 32-bit catalog in the source: nothing to compare");
        }

        @Test
        void lspHalvesWithDifferentGuidsMatchByNameWithoutBitnessSuffix() {
            CatalogBuilder x64 = windows(Bitness.X64);
            x64.lsp("vendor_lsp64", "C:\\Windows\\SysWOW64\\vendor_lsp64.dll", false, x64.get(1001));
            CatalogBuilder x86 = windows(Bitness.X86);
            x86.lsp("vendor_lsp", "C:\\Windows\\SysWOW64\\vendor_lsp.dll", false, x86.get(1001));
            assertEquals(List.of(), findings("WPS011", x64, x86));
            assertEquals("vendor_lsp", LspIdentity.stem("Vendor_LSP64.dll"));
        }
    }

    @Nested
    class Numbering {
        @Test
        void duplicateIds() {
            CatalogBuilder c = windows(Bitness.X64);
            c.edit(1002, i -> {
                i.id = 1001;
                return i;
            });
            List<Finding> f = findings("WPS012", c);
            assertEquals(1, f.size());
            assertEquals(2, f.get(0).entries().size());
            assertEquals(List.of(), findings("WPS012", healthy()));
        }

        @Test
        void duplicateGuidFamilyTypeProtocol() {
            CatalogBuilder c = windows(Bitness.X64);
            c.edit(1005, i -> {
                i.addressFamily = AF_INET;
                i.providerId = MSAFD_TCPIP;
                return i;
            });
            List<Finding> f = findings("WPS013", c);
            assertEquals(1, f.size());
            assertEquals(Set.of(1002, 1005), ids(f.get(0)));
            assertEquals(List.of(), findings("WPS013", healthy()));
        }

        @Test
        void gapsNotExplainedByTheOtherCatalog() {
            CatalogBuilder x64 = windows(Bitness.X64).skipIds(3);
            x64.base("After gap", guid("x"), 99, SOCK_STREAM, 1, 0x20066);
            CatalogBuilder x86 = windows(Bitness.X86).nextId(1007);
            x86.base("Explains 1007", guid("y"), 99, SOCK_STREAM, 1, 0x20066);
            List<Finding> f = findings("WPS014", x64, x86).stream().filter(x -> x.title().contains("skip")).toList();
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().endsWith("skip 1008-1009"), f.get(0).title());
            assertEquals(List.of(), findings("WPS014", windows(Bitness.X64), windows(Bitness.X86)));
        }

        @Test
        void orderDifferentFromIds() {
            CatalogBuilder c = windows(Bitness.X64).moveToEnd(1001);
            List<Finding> f = findings("WPS014", c);
            assertEquals(1, f.size());
            assertEquals(Set.of(1001), ids(f.get(0)));
            assertEquals(List.of(), findings("WPS014", windows(Bitness.X64).moveToEnd(1001).excerpt()));
        }

        @Test
        void chainBehindItsBaseIsBypassed() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lsp = c.lsp("Late LSP", GOOD_DLL, true, c.get(1001), c.get(1002));
            c.moveToEnd(lsp.chains().get(0).id());
            List<Finding> f = findings("WPS015", c);
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().contains("for TCP/IPv4 come after"), f.get(0).title());
            assertEquals(List.of(), findings("WPS015", healthy()));
            assertEquals(List.of(), findings("WPS015", c.excerpt()));
        }

        @Test
        void lspReachedThroughAnotherLspStackedOverItIsNotBypassed() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp lower = c.lsp("Lower", GOOD_DLL, true, c.get(1001));
            c.lsp("Upper", GOOD_DLL, true, lower.chains().get(0));
            c.moveToEnd(lower.chains().get(0).id());
            assertEquals(List.of(), findings("WPS015", c), "socket() takes Upper > Lower > TCP, which reaches Lower");
            c.moveToEnd(1001);
            assertEquals(List.of(), findings("WPS015", c));
        }
    }

    @Nested
    class Flags {
        @Test
        void flagsContradictingSocketType() {
            CatalogBuilder c = windows(Bitness.X64);
            c.edit(1001, i -> {
                i.flags1 = 0x20000 | 0x8;
                return i;
            });
            c.edit(1002, i -> {
                i.flags1 = 0x20006;
                i.socketType = SOCK_DGRAM;
                return i;
            });
            List<Finding> f = findings("WPS016", c);
            assertEquals(2, f.size());
            assertTrue(f.get(0).title().contains("lacks XP1_GUARANTEED_DELIVERY; lacks XP1_GUARANTEED_ORDER; "
                    + "has XP1_MESSAGE_ORIENTED without XP1_PSEUDO_STREAM"), f.get(0).title());
            assertTrue(f.get(1).title().contains("lacks XP1_CONNECTIONLESS"), f.get(1).title());
            assertEquals(List.of(), findings("WPS016", healthy()));
        }

        @Test
        void unknownFlagsAreNotJudged() {
            CatalogBuilder c = windows(Bitness.X64);
            c.edit(1001, i -> {
                i.flags1 = null;
                return i;
            });
            assertEquals(List.of(), findings("WPS016", c));
        }
    }

    @Nested
    class Namespaces {
        @Test
        void disabledNamespaceProvider() {
            SnapshotBuilder s = snapshot(windows(Bitness.X64))
                    .namespace(Bitness.X64, "Off", "%SystemRoot%\\system32\\off.dll", false)
                    .namespace(Bitness.X64, "On", "%SystemRoot%\\system32\\on.dll", true)
                    .namespace(Bitness.X64, "Unknown", "%SystemRoot%\\system32\\unknown.dll", null);
            List<Finding> f = findings("WPS017", s);
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().contains("Off"));
        }
    }

    @Nested
    class Categories {
        @Test
        void applicationsThatDoNotLoadAnLsp() {
            CatalogBuilder c = windows(Bitness.X64);
            Lsp proxy = c.lsp("Proxy", GOOD_DLL, true, c.get(1001));
            Lsp system = c.lsp("SystemOk", GOOD_DLL, true, c.get(1002));
            SnapshotBuilder s = snapshot(c)
                    .appId("C:\\Windows\\System32\\lsass.exe", LspCategory.SYSTEM.bit())
                    .appId("C:\\Apps\\browser.exe", LspCategory.PROXY.bit() | LspCategory.INSPECTOR.bit())
                    .lspCategories(proxy.layered(), LspCategory.PROXY.bit())
                    .lspCategories(system.layered(), LspCategory.SYSTEM.bit());
            List<Finding> f = findings("WPS019", s);
            assertEquals(2, f.size());
            assertTrue(f.get(0).title().startsWith("Proxy (64-bit, categories LSP_PROXY) is not loaded into 1 "
                    + "application(s): C:\\Windows\\System32\\lsass.exe (permits LSP_SYSTEM)"), f.get(0).title());
            assertTrue(f.get(1).title().contains("browser.exe"), f.get(1).title());
        }

        @Test
        void unknownCategoriesAreSaidOnce() {
            CatalogBuilder x64 = windows(Bitness.X64);
            x64.lsp("A", GOOD_DLL, true, x64.get(1001));
            x64.lsp("B", GOOD_DLL, true, x64.get(1002));
            List<Finding> f = findings("WPS019", snapshot(x64).appId("C:\\x.exe", 0x40000000));
            assertEquals(1, f.size());
            assertTrue(f.get(0).title().startsWith("LSP categories are not in this source: cannot tell whether "
                    + "A (64-bit), B (64-bit) load"), f.get(0).title());
            assertTrue(f.get(0).title().contains("C:\\x.exe (permits undocumented 0x40000000)"), f.get(0).title());
            assertEquals(List.of(), findings("WPS019", snapshot(x64)), "no categorized application");
        }

        @Test
        void windowsDocumentationExample() {
            int sys = LspCategory.SYSTEM.bit();
            int fw = LspCategory.FIREWALL.bit();
            int cc = LspCategory.CRYPTO_COMPRESS.bit();
            int foo = sys | fw | cc;
            int bar = fw | cc;
            int[] lsps = {sys, 0, fw, sys | fw | cc | LspCategory.INSPECTOR.bit()};
            boolean[] fooLoads = {true, false, false, false};
            boolean[] barLoads = {false, false, true, false};
            for (int i = 0; i < lsps.length; i++) {
                assertEquals(fooLoads[i], LspCategory.loads(foo, lsps[i]), "Foo, LSP" + (i + 1));
                assertEquals(barLoads[i], LspCategory.loads(bar, lsps[i]), "Bar, LSP" + (i + 1));
            }
            assertFalse(LspCategory.loads(0, fw), "an application permitting nothing loads nothing");
        }
    }

    @Nested
    class Paths {
        @Test
        void sixtyFourBitEntryInSysWow64() {
            CatalogBuilder x64 = windows(Bitness.X64);
            x64.lsp("odd64", "C:\\Windows\\SysWOW64\\odd64.dll", true, x64.get(1001));
            CatalogBuilder x86 = windows(Bitness.X86);
            x86.lsp("odd", "C:\\Windows\\SysWOW64\\odd.dll", true, x86.get(1001));
            List<Finding> f = findings("WPS020", x64, x86);
            assertEquals(1, f.size(), "the 32-bit catalog's SysWOW64 path is normal");
            assertEquals(2, f.get(0).entries().size());
        }
    }
}
