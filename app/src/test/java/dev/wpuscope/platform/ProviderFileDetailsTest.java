package dev.wpuscope.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.catalog.pe.PeMachine;
import dev.wpuscope.platform.ProviderFileCheck.FileStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a resolved provider file: facts from the PE reader, the trust verdict, or why there are none. */
class ProviderFileDetailsTest {
    private static final Path BUILT = Path.of("..", "native-hook", "build", "x86", "wputrace.dll");

    @Test
    void aBuiltDllGivesItsFactsAndTheVerdictOfTheTrustCheck() {
        assumeTrue(Files.isRegularFile(BUILT), BUILT + " is not built; skipping");
        String path = BUILT.toString();
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus(path, true),
                p -> "verdict on " + p);
        assertEquals(PeMachine.X86, details.facts().orElseThrow().machine());
        assertEquals(Optional.of("wpuscope project"), details.facts().get().version().orElseThrow().companyName());
        assertEquals(Optional.empty(), details.problem());
        assertEquals("verdict on " + path, details.trust());
    }

    @Test
    void aMissingFileSaysSoAndIsNotJudged() {
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus("C:\\gone.dll", false),
                p -> {
                    throw new AssertionError("no verdict for a missing file");
                });
        assertEquals(Optional.of("no file at C:\\gone.dll"), details.problem());
        assertEquals("not checked: no file", details.trust());
    }

    @Test
    void aFileThatIsNotPeGivesTheReadersError(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("lsp.dll"), "not a DLL");
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus(text.toString(), true),
                TrustCheck.OFFLINE);
        assertTrue(details.facts().isEmpty());
        assertEquals(Optional.of(text + ": byte offset 0 (0x0): not a PE file: no \"MZ\" signature"),
                details.problem());
    }

    @Test
    void aPathThisSystemCannotNameIsAProblemNotACrash() {
        ProviderFileDetails details = ProviderFileDetails.read(new FileStatus("bad\0name.dll", true),
                TrustCheck.OFFLINE);
        assertTrue(details.problem().orElseThrow().startsWith("not a valid path: "), details.problem().get());
    }

    /** A check without a trust store to ask (the default of the interface) reports the chain unchecked. */
    @Test
    void withoutATrustStoreTheChainIsNotChecked() {
        assumeTrue(Files.isRegularFile(BUILT), BUILT + " is not built; skipping");
        ProviderFileCheck local = new ProviderFileCheck() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public FileStatus check(String storedPath, Bitness catalog) {
                return new FileStatus(BUILT.toString(), true);
            }
        };
        ProviderFileDetails details = local.details("%SystemRoot%\\system32\\wputrace.dll", Bitness.X86);
        assertTrue(details.facts().isPresent());
        assertEquals("chain not checked: offline (only Windows can judge trust in a root)", details.trust());
    }
}
