package dev.wpuscope.catalog.diagnose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wpuscope.catalog.CatalogFixtures;
import dev.wpuscope.catalog.CatalogFixtures.CatalogBuilder;
import dev.wpuscope.catalog.CatalogFixtures.InfoBuilder;
import dev.wpuscope.catalog.diff.CatalogDiffer;
import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.model.CatalogSnapshot;
import dev.wpuscope.platform.ProviderFileCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Diagnosis and diff of hostile catalogs: random chain lengths and links (self references, missing and
 * duplicate ids), unknown fields everywhere, live file checks. Nothing may throw; every finding is complete.
 */
class RandomCatalogsTest {

    private final Random random = new Random(20261123);

    private Integer maybe(Integer value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private CatalogBuilder randomCatalog(Bitness bitness) {
        CatalogBuilder c = new CatalogBuilder(bitness);
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            InfoBuilder b = new InfoBuilder();
            int length = random.nextInt(10) - 1;
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < random.nextInt(8); k++) {
                ids.add(1001 + random.nextInt(n + 2));
            }
            b.chain(length, ids.toArray(Integer[]::new));
            if (random.nextInt(5) == 0) {
                b.chainEntries = random.nextBoolean() ? null : List.of(1001);
            }
            b.chainLength = maybe(b.chainLength);
            b.flags1 = maybe(random.nextInt());
            b.providerFlags = maybe(random.nextInt(32));
            b.providerId = random.nextInt(6) == 0 ? null : new UUID(0, random.nextInt(4));
            b.addressFamily = maybe(random.nextBoolean() ? 2 : 23);
            b.socketType = maybe(random.nextInt(6));
            b.protocol = maybe(random.nextInt(3) == 0 ? 0 : 6);
            b.name = random.nextInt(5) == 0 ? null : random.nextBoolean() ? "@mui,-1" : "entry " + i + " over [x]";
            String dll = random.nextInt(4) == 0 ? null : random.nextBoolean() ? "C:\\Windows\\SysWOW64\\x.dll" : "y.dll";
            c.append(b, dll);
            if (random.nextInt(6) == 0) {
                c.skipIds(random.nextInt(3));
            }
            if (random.nextInt(8) == 0) {
                c.nextId(1001 + random.nextInt(n + 1));
            }
        }
        return random.nextInt(4) == 0 ? c.excerpt() : c;
    }

    private CatalogSnapshot randomSnapshot() {
        var s = CatalogFixtures.snapshot(randomCatalog(Bitness.X64), randomCatalog(Bitness.X86))
                .namespace(Bitness.X64, "ns", random.nextBoolean() ? null : "x.dll", random.nextBoolean() ? null : false)
                .appId("C:\\a.exe", random.nextBoolean() ? null : random.nextInt());
        return s.build();
    }

    @Test
    void hostileCatalogsDiagnoseAndDiffWithoutErrors() {
        ProviderFileCheck live = new ProviderFileCheck() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public FileStatus check(String storedPath, Bitness catalog) {
                return new FileStatus(storedPath, storedPath.hashCode() % 2 == 0);
            }
        };
        Set<String> rulesSeen = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            CatalogSnapshot a = randomSnapshot();
            CatalogSnapshot b = randomSnapshot();
            Diagnosis d = assertDoesNotThrow(() -> CatalogDiagnostics.standard().diagnose(a, live));
            d.findings().forEach(f -> rulesSeen.add(f.ruleId()));
            d.findings().forEach(f -> assertTrue(!f.title().isBlank() && !f.explanation().isBlank()
                    && !f.remedy().isBlank(), f.toString()));
            assertDoesNotThrow(() -> CatalogDiagnostics.standard()
                    .diagnose(b, ProviderFileCheck.unavailable("offline")));
            assertDoesNotThrow(() -> new CatalogDiffer().diff(a, b));
        }
        assertTrue(rulesSeen.size() >= 18, "the generator reaches most rules: " + rulesSeen);
    }
}
