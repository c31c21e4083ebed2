package dev.wpuscope.ui.catalogview;

import dev.wpuscope.catalog.model.Bitness;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.ProviderFileDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads provider DLLs' details off the FX thread, once per stored path and catalog, for the catalog shown.
 * Used from the FX thread only; results are handed back through the {@code ui} executor.
 */
final class DllDetailsCache {
    private final Executor background;
    private final Executor ui;
    private final Map<String, CompletableFuture<ProviderFileDetails>> read = new HashMap<>();
    private ProviderFileCheck files = ProviderFileCheck.unavailable("no catalog");

    /**
     * @param background where files are read
     * @param ui         where results are delivered (the FX thread)
     */
    DllDetailsCache(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Forgets what was read: a new catalog (or a refresh of the live one) is shown. */
    void reset(ProviderFileCheck check) {
        this.files = check;
        read.clear();
    }

    /** Why DLLs cannot be read here, when they cannot. */
    Optional<String> unavailableReason() {
        return files.unavailableReason();
    }

    /** The details when already read, without waiting. */
    Optional<ProviderFileDetails> ifRead(String storedPath, Bitness catalog) {
        CompletableFuture<ProviderFileDetails> future = read.get(key(storedPath, catalog));
        return future != null && future.isDone() ? Optional.of(future.join()) : Optional.empty();
    }

    /** Reads the file in the background (once) and passes its details to {@code done} on the UI executor. */
    void request(String storedPath, Bitness catalog, Consumer<ProviderFileDetails> done) {
        ProviderFileCheck check = files;
        read.computeIfAbsent(key(storedPath, catalog), k -> CompletableFuture
                        .supplyAsync(() -> check.details(storedPath, catalog), background)
                        .exceptionally(failure -> new ProviderFileDetails(storedPath, Optional.empty(),
                                Optional.of("could not be read: " + failure.getCause()), "not checked")))
                .thenAcceptAsync(done, ui);
    }

    private static String key(String storedPath, Bitness catalog) {
        return catalog + "|" + storedPath;
    }
}
