package dev.wpuscope.tracer;

import dev.wpuscope.catalog.model.Bitness;
import java.util.Optional;

/** Where the tracer DLL of each bitness is, as the path to store in the catalog. */
public interface TracerDlls {

    /** The DLL path to store in the catalog of this bitness, or empty when that DLL is not available. */
    Optional<String> catalogPath(Bitness bitness);

    /** Why the DLL of this bitness is missing (for the refusal message); only called when it is. */
    String missingReason(Bitness bitness);
}
