package dev.wpuscope.ui.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/** JavaFX for the GUI benchmarks: headless (Monocle, software renderer), work handed to the FX thread. */
final class HeadlessFx {

    private HeadlessFx() {
    }

    /** Starts the FX toolkit headless; it stays up until {@link Platform#exit()}. */
    static void start() throws InterruptedException, ExecutionException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        started.get();
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFxThread(Supplier<T> work) throws InterruptedException, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error failed) {
                result.completeExceptionally(failed);
            }
        });
        return result.get();
    }
}
