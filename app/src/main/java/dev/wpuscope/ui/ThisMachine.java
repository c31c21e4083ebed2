package dev.wpuscope.ui;

import dev.wpuscope.platform.LiveCatalog;
import dev.wpuscope.platform.LiveCatalogSource;
import dev.wpuscope.platform.PipeTransport;
import dev.wpuscope.platform.ProviderFileCheck;
import dev.wpuscope.platform.windows.NamedPipeTransport;
import dev.wpuscope.platform.windows.WindowsProviderFileCheck;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The platform services the GUI uses, chosen once at start-up: on Windows the live catalog (to show, check and
 * change) and the tracer pipe; elsewhere they are absent and the GUI says why.
 *
 * @param liveCatalog the live catalog to show, when there is one
 * @param liveFiles   checks the provider DLLs of the live catalog (called only when it is present)
 * @param tracer      the live catalog the tracer is installed into (says itself when unavailable)
 * @param pipe        opens the tracer pipe's server end, when there is one
 */
record ThisMachine(Optional<LiveCatalogSource> liveCatalog, Supplier<ProviderFileCheck> liveFiles,
                   LiveCatalog tracer, Optional<PipeOpener> pipe) {

    /** Opens the server end of the tracer pipe. */
    @FunctionalInterface
    interface PipeOpener {
        PipeTransport open() throws IOException;
    }

    static ThisMachine detect() {
        Optional<LiveCatalogSource> live = LiveCatalogSource.forThisMachine();
        if (live.isEmpty()) {
            return new ThisMachine(live, () -> {
                throw new IllegalStateException("no live catalog here");
            }, LiveCatalog.forThisMachine(), Optional.empty());
        }
        return new ThisMachine(live, WindowsProviderFileCheck::forThisProcess, LiveCatalog.forThisMachine(),
                Optional.of(() -> new NamedPipeTransport(NamedPipeTransport.DEFAULT_NAME)));
    }
}
