package dev.wpuscope.change;

import dev.wpuscope.catalog.model.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compares a catalog read back with the catalog it must be: same entries, same fields, same order. */
public final class CatalogComparison {

    private static final int MAX_REPORTED = 10;

    private CatalogComparison() {
    }

    /** Readable differences; empty when the two are equal. */
    public static List<String> differences(List<CatalogEntry> expected, List<CatalogEntry> actual) {
        List<String> differences = new ArrayList<>();
        if (expected.size() != actual.size()) {
            differences.add("expected " + expected.size() + " entries, found " + actual.size());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()) && differences.size() < MAX_REPORTED; i++) {
            CatalogEntry want = expected.get(i);
            CatalogEntry got = actual.get(i);
            String at = "position " + (i + 1) + ": ";
            if (!Objects.equals(want.id(), got.id())) {
                differences.add(at + "expected " + EntryDescription.of(want) + ", found " + EntryDescription.of(got));
            } else if (!want.info().equals(got.info())) {
                differences.add(at + EntryDescription.of(got) + " has other fields than expected: " + got.info()
                        + " instead of " + want.info());
            } else if (!Objects.equals(want.providerPath(), got.providerPath())) {
                differences.add(at + EntryDescription.of(got) + " has the DLL path " + got.providerPath()
                        + " instead of " + want.providerPath());
            }
        }
        return differences;
    }

    /** Throws with the differences unless the catalog read back is the expected one. */
    public static void verify(List<CatalogEntry> expected, List<CatalogEntry> actual) throws CatalogWriteException {
        List<String> differences = differences(expected, actual);
        if (!differences.isEmpty()) {
            throw new CatalogWriteException("the catalog read back differs from the plan: "
                    + String.join("; ", differences));
        }
    }
}
