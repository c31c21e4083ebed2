package dev.wpuscope.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file check for a catalog whose DLLs are on this machine, as the live catalog's are on Windows: every
 * stored path resolves to one real DLL the native build made (its details are read by the real PE reader;
 * there is no trust store to ask here). Counts how often a file was resolved.
 */
public final class LocalDlls implements ProviderFileCheck {
    private final Path dll;
    private final AtomicInteger checks = new AtomicInteger();

    public LocalDlls(Path dll) {
        this.dll = dll;
    }

    /** The built x64 wputrace.dll; skips the test with a message when the native build has not run. */
    public static LocalDlls builtTracer() {
        Path dll = Path.of("..", "native-hook", "build", "x64", "wputrace.dll").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(dll), dll + " is not built (mvn verify from the repository root builds it)");
        return new LocalDlls(dll);
    }

    public Path dll() {
        return dll;
    }

    public int checks() {
        return checks.get();
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public FileStatus check(String storedPath, Bitness catalog) {
        checks.incrementAndGet();
        return new FileStatus(dll.toString(), true);
    }
}
