package dev.wpuscope.catalog.diagnose;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileCheck;
import java.util.Optional;
import java.util.function.Predicate;

/** A live file check for tests: expands %SystemRoot% to C:\Windows and answers from a predicate. */
final class FakeLiveFiles implements ProviderFileCheck {

    private final Predicate<String> exists;

    FakeLiveFiles(Predicate<String> exists) {
        this.exists = exists;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public FileStatus check(String storedPath, Bitness catalog) {
        return new FileStatus(storedPath.replace("%SystemRoot%", "C:\\Windows"), exists.test(storedPath));
    }
}
