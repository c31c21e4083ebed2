package dev.wpuscope.catalog.diagnose;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md lists every rule with its id, severity and summary as the code states them. */
class ReadmeRuleTableTest {

    @Test
    void readmeListsEveryRule() throws Exception {
        String root = System.getProperty("wpuscope.root");
        assumeTrue(root != null && Files.isRegularFile(Path.of(root, "README.md")), "README.md not found: skipped");
        String readme = Files.readString(Path.of(root, "README.md"));
        for (Rule rule : CatalogDiagnostics.standard().rules()) {
            String row = "| " + rule.id() + " | " + rule.severity().label() + " | " + rule.summary() + " |";
            assertTrue(readme.contains(row), "README.md lacks the row: " + row);
        }
    }
}
