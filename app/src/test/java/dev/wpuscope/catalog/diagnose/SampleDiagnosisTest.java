package dev.wpuscope.catalog.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.SharedSamples;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.catalog.source.CatalogReadException;
import dev.wpuscope.catalog.source.CatalogSources;
import dev.wpuscope.platform.ProviderFileCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The diagnosis of every real sample in ../shared/samples: what truly applies, and nothing else. */
class SampleDiagnosisTest {

    static Diagnosis diagnose(Path file) throws CatalogReadException {
        CatalogSnapshot snapshot = CatalogSources.read(file);
        return CatalogDiagnostics.standard().diagnose(snapshot, ProviderFileCheck.unavailable("offline sample"));
    }

    static Set<Integer> ids(Finding f) {
        return f.entries().stream().map(EntryRef::catalogEntryId).collect(Collectors.toSet());
    }

    static List<String> rulesAndSeverities(Diagnosis d) {
        return d.findings().stream().map(f -> f.severity() + " " + f.ruleId()).toList();
    }

    /**
     * Tencent's ierd_tgp_lsp (Windows 10 export): one layered entry and three chains per catalog, over the
     * IPv4 MSAFD TCP, UDP and RAW providers only. Its service flags (0x66, 0x609) lack XP1_IFS_HANDLES, so it
     * is a non-IFS LSP; its chains sit at the end of the provider order, after the base providers they layer
     * over, so plain socket() calls never reach it; the 64-bit half is stored in SysWOW64.
     */
    @Test
    void tencentLspInTheWindows10Export() throws Exception {
        Diagnosis d = diagnose(SharedSamples.file("reg/cingchun_bccc_winsock2.reg"));
        assertEquals(List.of("WARNING WPS007", "WARNING WPS007", "WARNING WPS015", "WARNING WPS015",
                "WARNING WPS020", "INFO WPS006", "INFO WPS010", "INFO WPS010", "INFO WPS014", "INFO WPS014",
                "INFO WPS019"), rulesAndSeverities(d));

        List<Finding> nonIfs = d.ofRule("WPS007");
        assertEquals("ierd_tgp_lsp64 is a non-IFS LSP (no XP1_IFS_HANDLES) over TCP/IPv4, UDP/IPv4, SOCK_RAW/IPv4",
                nonIfs.get(0).title());
        assertEquals(Set.of(1020, 1021, 1022, 1023), ids(nonIfs.get(0)));
        assertEquals(Bitness.X64, nonIfs.get(0).entries().get(0).catalog());
        assertEquals("ierd_tgp_lsp is a non-IFS LSP (no XP1_IFS_HANDLES) over TCP/IPv4, UDP/IPv4, SOCK_RAW/IPv4",
                nonIfs.get(1).title());
        assertEquals(Set.of(1016, 1017, 1018, 1019), ids(nonIfs.get(1)));
        assertEquals("ierd_tgp_lsp over [MSAFD Tcpip [TCP/IP]] (32-bit #1017)", nonIfs.get(1).entries().get(1).toString());

        Finding bypassed = d.ofRule("WPS015").get(1);
        assertTrue(ids(bypassed).containsAll(Set.of(1017, 1018, 1019, 1007, 1008, 1009)), bypassed.entries().toString());
        assertTrue(bypassed.explanation().contains("[TCP/IPv4] (mswsock.dll,-60100)"), bypassed.explanation());

        assertEquals(Set.of(1020, 1021, 1022, 1023), ids(d.ofRule("WPS020").get(0)));
        assertTrue(d.ofRule("WPS019").get(0).title().contains("E:\\yy\\YY.exe (permits LSP_SYSTEM)"));
        assertTrue(d.ofRule("WPS011").isEmpty(), "the LSP is in both catalogs (ierd_tgp_lsp and ierd_tgp_lsp64)");
        assertTrue(d.ofRule("WPS009").isEmpty(), "it covers every IPv4 protocol: TCP, UDP and RAW");
        assertTrue(d.ofRule("WPS016").isEmpty(), "every entry's flags fit its socket type");
    }

    /** The LavasoftLSP excerpt: a chain over TCP/IPv4 with flags 0x66 (non-IFS) naming entries cut off. */
    @Test
    void lavasoftLspExcerpt() throws Exception {
        Diagnosis d = diagnose(SharedSamples.file("netsh/moby-27423_lavasoft_part1.txt"));
        assertEquals(List.of("WARNING WPS007", "WARNING WPS021", "INFO WPS000", "INFO WPS006"), rulesAndSeverities(d));
        Finding known = d.ofRule("WPS021").get(0);
        assertEquals("LavasoftLSP is Lavasoft Web Companion (matched by GUID {1C39A736-9641-4F43-9C20-AEED81692A07}),"
                + " known to break Docker for Windows (docker CLI)", known.title());
        assertTrue(known.explanation().contains("Every docker command fails")
                && known.explanation().contains("(source: https://github.com/moby/moby/issues/27423)"), known.explanation());
        assertEquals("Uninstall Lavasoft Web Companion (Docker's maintainers named it as the root cause)"
                + " (source: https://github.com/docker/for-win/issues/723).", known.remedy());
        Finding f = d.ofRule("WPS007").get(0);
        assertEquals("LavasoftLSP is a non-IFS LSP (no XP1_IFS_HANDLES) over TCP/IPv4", f.title());
        assertTrue(ids(f).contains(1032));
        assertTrue(d.ofRule("WPS001").isEmpty() && d.ofRule("WPS002").isEmpty(),
                "ids 1031 and 1006 are outside the excerpt: not concluded missing");
    }

    @Test
    void viosockTemplateExtractHasNothingAboveInfo() throws Exception {
        Diagnosis d = diagnose(SharedSamples.file("reg/distrobuilder_viosock_extracted.reg"));
        assertEquals(List.of("INFO WPS000", "INFO WPS000", "INFO WPS006"), rulesAndSeverities(d));
    }

    /** Every readable sample diagnoses without error and names its entries, never bare ids. */
    @Test
    void everySampleGivesAReadableDiagnosis() throws Exception {
        List<Path> files = new ArrayList<>(SharedSamples.all("reg"));
        files.addAll(SharedSamples.all("netsh"));
        int diagnosed = 0;
        for (Path file : files) {
            Diagnosis d;
            try {
                d = diagnose(file);
            } catch (CatalogReadException e) {
                assertTrue(e.getMessage().contains("holds no Winsock 2 catalog"), e.getMessage());
                continue;
            }
            diagnosed++;
            for (Finding f : d.findings()) {
                assertFalse(f.title().isBlank() || f.explanation().isBlank() || f.remedy().isBlank(), f.toString());
                f.entries().forEach(e -> assertFalse(e.name().startsWith("entry "), file + ": " + e));
            }
            assertTrue(d.worstSeverity().isPresent(), file.toString());
        }
        assertEquals(files.size() - 1, diagnosed, "all but the legacy Winsock 1.1 export");
    }
}
