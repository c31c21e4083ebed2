package dev.wpuscope.trace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Call sites are interned: the same four fields always get the same id, any other site a new one, in order. */
class SiteTableTest {

    @Test
    void givesEachSiteOneIdThroughEveryGrowthOfTheTable() {
        Random random = new Random(13);
        SiteTable table = new SiteTable();
        Map<Site, Integer> expected = new HashMap<>();
        List<Site> seen = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            Site site = seen.isEmpty() || random.nextInt(3) == 0 ? randomSite(random)
                    : seen.get(random.nextInt(seen.size()));
            Integer id = expected.computeIfAbsent(site, s -> {
                seen.add(s);
                return expected.size();
            });
            assertEquals(id, table.idOf(site.process(), site.tid(), site.module(), site.callerAddress()),
                    "lookup " + n + " of " + site);
        }
        assertEquals(seen, table.snapshot());
        for (int id = 0; id < seen.size(); id++) {
            assertEquals(seen.get(id), table.get(id));
        }
    }

    /** Sites that differ in one field only, and whose fields collide in a simple hash, among them. */
    private static Site randomSite(Random random) {
        return new Site(random.nextInt(4), 7000 + random.nextInt(64), random.nextInt(3),
                random.nextBoolean() ? 0x7FF8_1000_0000L + random.nextInt(256) : random.nextLong());
    }
}
