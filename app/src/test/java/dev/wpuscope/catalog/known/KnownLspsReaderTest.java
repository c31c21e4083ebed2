package dev.wpuscope.catalog.known;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The knowledge base file is checked strictly: the bundled file passes, every mistake is named exactly. */
class KnownLspsReaderTest {

    /** A valid file with one product; tests break one thing in it at a time. */
    static final String ONE_PRODUCT = """
            {"format": "wpuscope-known-lsps", "version": 1, "products": [
              {"id": "acme-filter",
               "about": {"vendor": "Acme", "product": "Filter", "does": "filters", "category": "content-filter",
                         "source": "https://example.org/acme"},
               "dlls": [{"name": "AcmeLsp64.dll", "bitness": "x64", "source": "https://example.org/dll"}],
               "guids": [{"guid": "{11111111-2222-3333-4444-555555555555}", "entry": "layered entry AcmeLSP",
                          "source": "https://example.org/guid"}],
               "protocol_names": [{"name": "AcmeLSP", "source": "https://example.org/name"}],
               "breakages": [{"symptom": "nothing connects", "error": "WSAENOTSOCK", "affected": "Everything",
                              "source": "https://example.org/bug", "workaround": "uninstall it",
                              "workaround_source": "https://example.org/fix"}]}
            ]}""";

    @Test
    void theBundledFileHasFifteenProductsOrMoreEachFactWithAnHttpsSource() {
        KnownLsps known = KnownLsps.standard();
        assertEquals(KnownLspsReader.VERSION, known.version());
        assertTrue(known.products().size() >= 15, known.products().size() + " products");
        Set<String> sources = new HashSet<>();
        for (KnownProduct product : known.products()) {
            sources.add(product.aboutSource());
            product.dlls().forEach(d -> sources.add(d.source()));
            product.guids().forEach(g -> sources.add(g.source()));
            product.protocolNames().forEach(n -> sources.add(n.source()));
            product.breakages().forEach(b -> sources.add(b.source()));
            assertFalse(product.breakages().isEmpty(), product.id() + " has no breakage");
        }
        assertTrue(sources.stream().allMatch(s -> s.startsWith("https://")), sources.toString());
    }

    @Test
    void lavasoftWebCompanionIsInItWithItsGuidAndDockerBreakage() {
        KnownProduct lavasoft = KnownLsps.standard().products().stream()
                .filter(p -> p.id().equals("lavasoft-web-companion")).findFirst().orElseThrow();
        assertEquals("Lavasoft Web Companion", lavasoft.displayName());
        assertEquals("2b611370-2190-4059-9af8-5bc0f58fb742", lavasoft.guids().get(0).guid().toString());
        assertEquals("https://github.com/moby/moby/issues/27423", lavasoft.breakages().get(0).source());
        assertTrue(lavasoft.breakages().get(0).affected().contains("Docker"));
    }

    @Test
    void aValidFileReads() {
        KnownLsps known = KnownLspsReader.read(ONE_PRODUCT, "test.json");
        KnownProduct acme = known.products().get(0);
        assertEquals("Acme Filter", acme.displayName());
        assertEquals(ProductCategory.CONTENT_FILTER, acme.category());
        assertEquals("uninstall it", acme.breakages().get(0).workaround());
    }

    @Test
    void anUnknownFieldIsNamedWithFileAndEntry() {
        assertProblem(ONE_PRODUCT.replace("\"does\": \"filters\"", "\"does\": \"filters\", \"doez\": 1"),
                "test.json: products[0] (acme-filter): about: unknown field 'doez'");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertProblem(ONE_PRODUCT.replace("\"error\": \"WSAENOTSOCK\", ", ""),
                "test.json: products[0] (acme-filter): breakages[0]: missing field 'error'");
    }

    @Test
    void aGuidMustBeInRegistryForm() {
        assertProblem(ONE_PRODUCT.replace("{11111111-2222-3333-4444-555555555555}", "11111111-2222-3333-4444-555555555555"),
                "test.json: products[0] (acme-filter): guids[0]: field 'guid': expected the registry form");
    }

    @Test
    void aDllNameHasNoPathAndABitness() {
        assertProblem(ONE_PRODUCT.replace("\"AcmeLsp64.dll\"", "\"C:\\\\\\\\Windows\\\\\\\\AcmeLsp64.dll\""),
                "dlls[0]: field 'name': expected a DLL file name without a path");
        assertProblem(ONE_PRODUCT.replace("\"x64\"", "\"amd64\""), "dlls[0]: field 'bitness': expected x64, x86 or unstated");
    }

    @Test
    void everySourceIsAnHttpsUrl() {
        assertProblem(ONE_PRODUCT.replace("https://example.org/bug", "moby#27423"),
                "breakages[0]: field 'source': expected an https:// URL, got 'moby#27423'");
    }

    @Test
    void aWorkaroundNeedsItsSource() {
        assertProblem(ONE_PRODUCT.replaceAll(",\\s*\"workaround_source\": \"https://example.org/fix\"", ""),
                "breakages[0]: field 'workaround_source': a workaround needs its source");
    }

    @Test
    void theCategoryIsOneOfTheListedKinds() {
        assertProblem(ONE_PRODUCT.replace("content-filter", "spyware"), "about: field 'category': expected one of proxy, vpn");
    }

    @Test
    void aProductNeedsSomethingToBeRecognisedBy() {
        String bare = ONE_PRODUCT.replaceAll("(?s)\"(dlls|guids|protocol_names)\": \\[\\{.*?}],", "\"$1\": [],");
        assertProblem(bare, "test.json: products[0] (acme-filter): nothing to recognise it by");
    }

    @Test
    void aGuidOrDllOfTwoProductsIsRefused() {
        String second = ONE_PRODUCT.substring(ONE_PRODUCT.indexOf("{\"id\""), ONE_PRODUCT.lastIndexOf(']'))
                .replace("acme-filter", "acme-copy").replace("AcmeLSP", "OtherLSP").replace("AcmeLsp64.dll", "Other.dll");
        String twice = ONE_PRODUCT.substring(0, ONE_PRODUCT.lastIndexOf(']')) + "," + second + "]}";
        assertProblem(twice, "products[1] (acme-copy): guids[0]: field 'guid': GUID {11111111-2222-3333-4444-555555555555}"
                + " is already listed by test.json: products[0] (acme-filter)");
        String sameDll = twice.replace("{11111111-2222-3333-4444-555555555555}\", \"entry\": \"layered entry OtherLSP",
                "{99999999-2222-3333-4444-555555555555}\", \"entry\": \"layered entry OtherLSP").replace("Other.dll", "ACMELSP64.DLL");
        assertProblem(sameDll, "products[1] (acme-copy): dlls[0]: field 'name': DLL acmelsp64.dll is already listed by");
    }

    @Test
    void anotherVersionOrFormatIsRefused() {
        assertProblem(ONE_PRODUCT.replace("\"version\": 1", "\"version\": 2"),
                "test.json: field 'version': version 2 is not the one this wpuscope reads (1)");
        assertProblem(ONE_PRODUCT.replace("wpuscope-known-lsps", "other"), "test.json: field 'format'");
        assertProblem("{\"format\": ", "test.json: not JSON");
    }

    private static void assertProblem(String json, String expected) {
        KnowledgeBaseFormatException e = assertThrows(KnowledgeBaseFormatException.class,
                () -> KnownLspsReader.read(json, "test.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
