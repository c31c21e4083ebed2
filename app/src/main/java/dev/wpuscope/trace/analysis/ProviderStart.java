package dev.wpuscope.trace.analysis;

import dev.wpuscope.catalog.binary.Guids;
import dev.wpuscope.trace.WsaErrors;
import dev.wpuscope.trace.model.TraceRecord.ProviderLoaded;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a PROVIDER_LOADED says happened to a chain position, in words: traced, passed through untraced, or a
 * chain that cannot start (trace format §5), naming the next provider as far as the tracer knew it.
 */
public final class ProviderStart {

    private static final int WSAEPROVIDERFAILEDINIT = 10106;
    private static final int WSAEINVALIDPROCTABLE = 10104;
    private static final UUID ZERO_GUID = new UUID(0, 0);

    private ProviderStart() {
    }

    /** What happened, e.g. {@code traced: catalog entry 2001 (...) over next provider 1001 {...} C:\x.dll}. */
    public static String describe(ProviderLoaded loaded) {
        if (TracerStatus.chainCannotStart(loaded.status())) {
            return "the chain cannot start: " + chainFailure(loaded);
        }
        String served = "catalog entry " + Integer.toUnsignedString(loaded.servedEntryId()) + " ("
                + loaded.servedProtocol() + ")";
        if (loaded.status() == TracerStatus.OK) {
            return "traced: " + served + " over " + nextProvider(loaded);
        }
        return "passes through untraced: " + served + ", " + TracerStatus.describe(loaded.status())
                + ", " + nextProvider(loaded) + ", startup result " + loaded.startupResult();
    }

    /**
     * Why the chain cannot start and what applications get, e.g. {@code next provider 1101 {...} C:\x\lower.dll
     * could not be loaded (LOAD_FAILED, error 126); applications get 10106 WSAEPROVIDERFAILEDINIT}.
     */
    static String chainFailure(ProviderLoaded loaded) {
        int status = loaded.status();
        int applicationsGet = applicationError(loaded);
        String what = switch (status) {
            case 1 -> "the tracer's own entry is not in the chain of catalog entry "
                    + Integer.toUnsignedString(loaded.servedEntryId()) + " (next: " + nextProvider(loaded) + ")";
            case 2 -> nextProvider(loaded) + " is not in the catalog";
            case 3 -> "the path of " + nextProvider(loaded) + " could not be found";
            case 4 -> nextProvider(loaded) + " could not be loaded";
            case 5 -> nextProvider(loaded) + " exports no WSPStartup";
            case TracerStatus.LOWER_STARTUP_FAILED -> "WSPStartup of " + nextProvider(loaded) + " failed";
            default -> nextProvider(loaded) + " left entries of its WSPPROC_TABLE NULL";
        };
        boolean errorSaysMore = loaded.startupResult() != 0 && loaded.startupResult() != applicationsGet;
        return what + " (" + TracerStatus.name(status)
                + (errorSaysMore ? ", error " + WsaErrors.describe(loaded.startupResult()) : "")
                + "); applications get " + WsaErrors.describe(applicationsGet);
    }

    /** The error socket() returns to applications when the chain cannot start. */
    private static int applicationError(ProviderLoaded loaded) {
        if (loaded.status() == TracerStatus.INVALID_PROC_TABLE) {
            return WSAEINVALIDPROCTABLE;
        }
        if (loaded.status() == TracerStatus.LOWER_STARTUP_FAILED && loaded.startupResult() != 0) {
            return loaded.startupResult();
        }
        return WSAEPROVIDERFAILEDINIT;
    }

    /** {@code next provider 1101 {GUID} C:\x\lower.dll}, leaving out what the tracer did not know. */
    private static String nextProvider(ProviderLoaded loaded) {
        List<String> parts = new ArrayList<>(List.of("next provider"));
        if (loaded.nextEntryId() != 0) {
            parts.add(Integer.toUnsignedString(loaded.nextEntryId()));
        }
        if (loaded.nextProviderId() != null && !ZERO_GUID.equals(loaded.nextProviderId())) {
            parts.add(Guids.registryForm(loaded.nextProviderId()));
        }
        if (!loaded.nextProviderPath().isEmpty()) {
            parts.add(loaded.nextProviderPath());
        }
        return parts.size() == 1 ? "the next provider" : String.join(" ", parts);
    }
}
